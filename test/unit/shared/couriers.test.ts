import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { COURIERS, courierFromMallCode, courierToMallCode, findCourier } from '../../../shared/couriers.ts';

describe('COURIERS', () => {
  it('has unique codes', () => {
    const codes = COURIERS.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('lists the couriers sellers use daily', () => {
    const codes = new Set<string>(COURIERS.map((c) => c.code));
    for (const code of [
      'CJ',
      'LOTTE',
      'HANJIN',
      'LOGEN',
      'EPOST',
      'EPOST_EMS',
      'KDEXP',
      'DAESIN',
      'ILYANG',
      'CHUNIL',
      'HDEXP',
      'KUNYOUNG',
      'CVSNET',
      'CUPOST',
      'NONGHYUP',
      'HONAM',
      'COUPANG_LS',
      'DIRECT',
    ]) {
      assert.ok(codes.has(code), `missing ${code}`);
    }
  });

  it('uses the legacy mall codes for Lotte (HYUNDAI), Logen (KGB) and CJ (CJGLS) on both malls', () => {
    const byCode = (code: string) => COURIERS.find((c) => c.code === code);
    assert.deepEqual([byCode('LOTTE')?.coupangCode, byCode('LOTTE')?.naverCode], ['HYUNDAI', 'HYUNDAI']);
    assert.deepEqual([byCode('LOGEN')?.coupangCode, byCode('LOGEN')?.naverCode], ['KGB', 'KGB']);
    assert.deepEqual([byCode('CJ')?.coupangCode, byCode('CJ')?.naverCode], ['CJGLS', 'CJGLS']);
  });

  it('never uses LOTTE or LOGEN as a mall code (mall-apis §1.8, §2.7)', () => {
    for (const c of COURIERS) {
      for (const mallCode of [c.coupangCode, c.naverCode]) {
        assert.ok(mallCode !== 'LOTTE' && mallCode !== 'LOGEN', `${c.code} has mall code ${mallCode}`);
      }
    }
  });

  it('follows the check-digit recommendation of korean-oms §1.2', () => {
    const rule = (code: string) => COURIERS.find((c) => c.code === code)?.tracking;
    assert.equal(rule('LOTTE')?.check, 'mod7');
    assert.deepEqual(rule('LOTTE')?.checkLengths, [12]);
    assert.equal(rule('CJ')?.check, 'mod7_warn');
    assert.equal(rule('HANJIN')?.check, 'mod7_warn');
    assert.deepEqual(rule('HANJIN')?.checkLengths, [10, 12]);
    assert.equal(rule('LOGEN')?.check, 'mod7_warn');
    assert.equal(rule('EPOST')?.check, 'none');
    assert.equal(rule('EPOST_EMS')?.check, 's10');
    assert.equal(rule('DIRECT')?.required, false);
    const others = COURIERS.filter((c) => !['LOTTE', 'CJ', 'HANJIN', 'LOGEN', 'EPOST_EMS'].includes(c.code));
    for (const c of others) assert.equal(c.tracking.check, 'none', c.code);
  });

  it('requires a tracking number for every courier except DIRECT', () => {
    const optional = COURIERS.filter((c) => !c.tracking.required).map((c) => c.code);
    assert.deepEqual(optional, ['DIRECT']);
  });
});

describe('findCourier', () => {
  const cases: Array<[string, string]> = [
    ['CJ', 'CJ'],
    ['cj', 'CJ'],
    ['CJ대한통운', 'CJ'],
    ['CJ 대한통운', 'CJ'],
    ['대한통운', 'CJ'],
    ['CJ대한통운택배', 'CJ'],
    ['(주)CJ대한통운', 'CJ'],
    ['ＣＪ대한통운', 'CJ'],
    ['CJ Logistics', 'CJ'],
    ['롯데', 'LOTTE'],
    ['롯데택배', 'LOTTE'],
    ['현대택배', 'LOTTE'],
    ['한진택배', 'HANJIN'],
    ['한진', 'HANJIN'],
    ['로젠택배', 'LOGEN'],
    ['우체국택배', 'EPOST'],
    ['우체국', 'EPOST'],
    ['우체국 EMS', 'EPOST_EMS'],
    ['경동택배', 'KDEXP'],
    ['GS편의점택배', 'CVSNET'],
    ['CU 편의점택배', 'CUPOST'],
    ['농협택배', 'NONGHYUP'],
    ['호남택배', 'HONAM'],
    ['업체직송', 'DIRECT'],
    ['Direct delivery', 'DIRECT'],
  ];
  for (const [input, code] of cases) {
    it(`finds ${code} from "${input}"`, () => {
      assert.equal(findCourier(input)?.code, code);
    });
  }

  it('finds couriers by Coupang and Naver codes', () => {
    assert.equal(findCourier('HYUNDAI')?.code, 'LOTTE');
    assert.equal(findCourier('KGB')?.code, 'LOGEN');
    assert.equal(findCourier('CJGLS')?.code, 'CJ');
    assert.equal(findCourier('CUPARCEL')?.code, 'CUPOST');
    assert.equal(findCourier('NHLOGIS')?.code, 'NONGHYUP');
    assert.equal(findCourier('EMS')?.code, 'EPOST_EMS');
  });

  it('resolves every name, alias and mall code in the table to its own courier', () => {
    for (const c of COURIERS) {
      for (const name of [c.code, c.nameKo, c.nameEn, c.coupangCode, c.naverCode, ...c.aliases]) {
        if (name !== null) assert.equal(findCourier(name)?.code, c.code, `"${name}"`);
      }
    }
  });

  it('returns undefined for unknown names, empty input and non-strings', () => {
    assert.equal(findCourier('대한택배'), undefined);
    assert.equal(findCourier('택배'), undefined);
    assert.equal(findCourier('   '), undefined);
    assert.equal(findCourier(''), undefined);
    assert.equal(findCourier(4), undefined);
    assert.equal(findCourier(null), undefined);
  });
});

describe('courierFromMallCode', () => {
  it('maps each mall code to our courier', () => {
    assert.equal(courierFromMallCode('coupang', 'HYUNDAI')?.code, 'LOTTE');
    assert.equal(courierFromMallCode('naver', 'KGB')?.code, 'LOGEN');
    assert.equal(courierFromMallCode('naver', 'CUPARCEL')?.code, 'CUPOST');
    assert.equal(courierFromMallCode('naver', 'CVSNET')?.code, 'CVSNET');
    assert.equal(courierFromMallCode('coupang', 'NHLOGIS')?.code, 'NONGHYUP');
    assert.equal(courierFromMallCode('naver', 'NONGHYUP')?.code, 'NONGHYUP');
    assert.equal(courierFromMallCode('coupang', ' cjgls ')?.code, 'CJ');
  });

  it("does not accept another mall's code or our own code", () => {
    assert.equal(courierFromMallCode('coupang', 'CUPARCEL'), undefined);
    assert.equal(courierFromMallCode('naver', 'NHLOGIS'), undefined);
    assert.equal(courierFromMallCode('coupang', 'LOTTE'), undefined);
    assert.equal(courierFromMallCode('naver', ''), undefined);
  });
});

describe('courierToMallCode', () => {
  it('returns the mall code for our courier', () => {
    assert.equal(courierToMallCode('coupang', 'LOTTE'), 'HYUNDAI');
    assert.equal(courierToMallCode('naver', 'LOGEN'), 'KGB');
    assert.equal(courierToMallCode('naver', 'CUPOST'), 'CUPARCEL');
    assert.equal(courierToMallCode('coupang', 'DIRECT'), 'DIRECT');
    assert.equal(courierToMallCode('naver', 'CJ대한통운'), 'CJGLS');
  });

  it('returns null when the mall has no known code or the courier is unknown', () => {
    assert.equal(courierToMallCode('naver', 'DIRECT'), null);
    assert.equal(courierToMallCode('coupang', 'CUPOST'), null);
    assert.equal(courierToMallCode('coupang', 'NOPE'), null);
  });
});
