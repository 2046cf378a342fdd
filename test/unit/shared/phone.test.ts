import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { isSafeNumber, maskName, maskPhone, normalizePhone, parsePhone, phoneMatchKey } from '../../../shared/phone.ts';
import type { NormalizedPhone } from '../../../shared/phone.ts';

const phone = (digits: string, kind: NormalizedPhone['kind'], formatted: string): NormalizedPhone => ({ digits, kind, formatted });

describe('normalizePhone', () => {
  const cases: Array<[unknown, NormalizedPhone]> = [
    ['010-1234-5678', phone('01012345678', 'mobile', '010-1234-5678')],
    ['01012345678', phone('01012345678', 'mobile', '010-1234-5678')],
    ['011-123-4567', phone('0111234567', 'mobile', '011-123-4567')],
    ['016 1234 5678', phone('01612345678', 'mobile', '016-1234-5678')],
    ['02-123-4567', phone('021234567', 'landline', '02-123-4567')],
    ['(02) 1234-5678', phone('0212345678', 'landline', '02-1234-5678')],
    ['031-123-4567', phone('0311234567', 'landline', '031-123-4567')],
    ['064 712 3456', phone('0647123456', 'landline', '064-712-3456')],
    ['044-1234-5678', phone('04412345678', 'landline', '044-1234-5678')],
    ['0505-1234-5678', phone('050512345678', 'safe', '0505-1234-5678')],
    ['050412345678', phone('050412345678', 'safe', '0504-1234-5678')],
    // The 050x prefix is the first group whatever the length (0505-123-4567 is how such numbers are written).
    ['050-5123-4567', phone('05051234567', 'safe', '0505-123-4567')],
    ['0505 123 4567', phone('05051234567', 'safe', '0505-123-4567')],
    ['070-1234-5678', phone('07012345678', 'voip', '070-1234-5678')],
    ['080-123-4567', phone('0801234567', 'toll_free', '080-123-4567')],
    ['1588-1255', phone('15881255', 'business', '1588-1255')],
    ['1644 0000', phone('16440000', 'business', '1644-0000')],
    ['1800-1234', phone('18001234', 'business', '1800-1234')],
  ];
  for (const [raw, expected] of cases) {
    it(`reads ${JSON.stringify(raw)} as ${expected.kind}`, () => assert.deepEqual(normalizePhone(raw), expected));
  }

  it('parsePhone reads the same digits and kind, without the hyphenated form (merge keys compare, never print)', () => {
    for (const raw of [...cases.map(([r]) => r), '+82 10-1234-5678', 1012345678, '０１０－１２３４－５６７８', 'abc', '', null]) {
      const { digits, kind } = normalizePhone(raw);
      assert.deepEqual(parsePhone(raw), { digits, kind }, String(raw));
    }
  });

  it('turns +82 and 82 prefixes into a leading 0', () => {
    for (const raw of ['+82 10-1234-5678', '+821012345678', '82-10-1234-5678', '821012345678', '0082 10 1234 5678', '+82 (0)10-1234-5678']) {
      assert.deepEqual(normalizePhone(raw), phone('01012345678', 'mobile', '010-1234-5678'), raw);
    }
    assert.deepEqual(normalizePhone('+82 2-123-4567'), phone('021234567', 'landline', '02-123-4567'));
    assert.deepEqual(normalizePhone('+82 505 1234 5678'), phone('050512345678', 'safe', '0505-1234-5678'));
  });

  it('restores the leading 0 that an Excel number cell drops', () => {
    assert.deepEqual(normalizePhone(1012345678), phone('01012345678', 'mobile', '010-1234-5678'));
    assert.deepEqual(normalizePhone(21234567), phone('021234567', 'landline', '02-123-4567'));
    assert.deepEqual(normalizePhone('1012345678'), phone('01012345678', 'mobile', '010-1234-5678'));
  });

  it('keeps an 8-digit business number as it is', () => {
    assert.equal(normalizePhone(15881255).digits, '15881255');
  });

  it('converts full-width digits', () => {
    assert.equal(normalizePhone('０１０－１２３４－５６７８').formatted, '010-1234-5678');
  });

  it('marks anything else invalid and keeps its digits', () => {
    assert.deepEqual(normalizePhone('1234'), phone('1234', 'invalid', '1234'));
    assert.equal(normalizePhone('010-1234-56789').kind, 'invalid');
    assert.equal(normalizePhone('012-1234-5678').kind, 'invalid');
    assert.equal(normalizePhone('039-123-4567').kind, 'invalid');
    assert.equal(normalizePhone('02-012-3456').kind, 'invalid');
    assert.equal(normalizePhone('+1 415 555 2671').kind, 'invalid');
    assert.deepEqual(normalizePhone(''), phone('', 'invalid', ''));
    assert.deepEqual(normalizePhone(null), phone('', 'invalid', ''));
  });
});

describe('isSafeNumber', () => {
  it('is true for 050x numbers only', () => {
    assert.equal(isSafeNumber('0505-1234-5678'), true);
    assert.equal(isSafeNumber('+82 504 1234 5678'), true);
    assert.equal(isSafeNumber('010-1234-5678'), false);
    assert.equal(isSafeNumber('070-1234-5678'), false);
  });
});

describe('phoneMatchKey', () => {
  it('gives the same key for different spellings of one number', () => {
    assert.equal(phoneMatchKey('010-1234-5678'), '01012345678');
    assert.equal(phoneMatchKey('+82 10 1234 5678'), '01012345678');
    assert.equal(phoneMatchKey(1012345678), '01012345678');
  });

  it('is null for safe numbers and invalid input', () => {
    assert.equal(phoneMatchKey('0505-1234-5678'), null);
    assert.equal(phoneMatchKey('050-1234-5678'), null);
    assert.equal(phoneMatchKey('12'), null);
    assert.equal(phoneMatchKey(undefined), null);
  });
});

describe('maskPhone', () => {
  it('hides the middle group', () => {
    assert.equal(maskPhone('01012345678'), '010-****-5678');
    assert.equal(maskPhone('011-123-4567'), '011-***-4567');
    assert.equal(maskPhone('02-123-4567'), '02-***-4567');
    assert.equal(maskPhone('+82 505 1234 5678'), '0505-****-5678');
    assert.equal(maskPhone('0505-123-4567'), '0505-***-4567');
  });

  it('hides the last group of a business number', () => assert.equal(maskPhone('1588-1255'), '1588-****'));

  it('keeps only the last 4 digits of unparseable input', () => {
    assert.equal(maskPhone('123456789'), '*****6789');
    assert.equal(maskPhone(''), '');
  });
});

describe('maskName', () => {
  it('masks Korean names as on waybills', () => {
    assert.equal(maskName('홍길동'), '홍*동');
    assert.equal(maskName('김철'), '김*');
    assert.equal(maskName('남궁민수'), '남**수');
    assert.equal(maskName(' 홍 길동 '), '홍*동');
    assert.equal(maskName('김'), '*');
  });

  it('keeps only the first letter of Latin names', () => {
    assert.equal(maskName('John Smith'), 'J*** *****');
    assert.equal(maskName('  Lee  '), 'L**');
  });

  it('returns an empty string for empty or non-text input', () => {
    assert.equal(maskName(''), '');
    assert.equal(maskName(null), '');
  });
});
