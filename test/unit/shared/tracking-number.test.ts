import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { format } from '../../../shared/i18n.ts';
import {
  checkTrackingNumber,
  describeLengths,
  isValidMod7,
  isValidS10,
  normalizeTrackingNumber,
  s10CheckDigit,
  trackingMessages,
} from '../../../shared/tracking-number.ts';
import type { Issue } from '../../../shared/tracking-number.ts';

// Valid mod-7 samples were computed by hand: e.g. 60701234567 = 7 × 8671604938 + 1 → 607012345671.
const CJ_12_OK = '607012345671';
const CJ_12_BAD = '607012345672';
const CJ_10_OK = '4012345676';
const LOTTE_12_OK = '244612345670';
const LOTTE_12_BAD = '244612345671';
const HANJIN_12_OK = '401234567893';
const HANJIN_10_BAD = '4206123450';
const LOGEN_11_OK = '31234567895';
const LOGEN_11_BAD = '31234567896';

const codes = (issues: Issue[]) => issues.map((i) => i.code);

describe('normalizeTrackingNumber', () => {
  const ok = (raw: unknown, value: string) => assert.deepEqual(normalizeTrackingNumber(raw), { ok: true, value });
  const fails = (raw: unknown, code: string) => {
    const result = normalizeTrackingNumber(raw);
    assert.equal(result.ok, false);
    assert.equal(result.ok ? undefined : result.code, code);
  };

  it('keeps a clean number', () => ok(CJ_12_OK, CJ_12_OK));
  it('strips hyphens as printed on CJ labels (4-4-4)', () => ok('6070-1234-5671', CJ_12_OK));
  it('strips spaces, tabs and no-break spaces', () => ok(' 6070 1234\t5671\u00a0', CJ_12_OK));
  it('strips dots used as separators', () => ok('6070.1234.5671', CJ_12_OK));
  it("strips Excel's leading apostrophe", () => ok("'607012345671", CJ_12_OK));
  it('strips the ".0" a number cell leaves behind', () => ok('607012345671.0', CJ_12_OK));
  it('strips thousands separators of a #,##0 cell', () => ok('607,012,345,671', CJ_12_OK));
  it('converts full-width digits and hyphens', () => ok('６０７０－１２３４－５６７１', CJ_12_OK));
  it('accepts a number cell value', () => ok(607012345671, CJ_12_OK));
  it('accepts a bigint, exactly even beyond 15 digits', () => {
    ok(607012345671n, CJ_12_OK);
    ok(12345678901234567n, '12345678901234567');
  });
  it('upper-cases letters so S10 numbers compare', () => ok('ee 473 124 829 us', 'EE473124829US'));
  it('keeps a clean S10 number as it is, and cleans one with lower-case letters', () => {
    ok('EE473124829US', 'EE473124829US');
    ok('EE473124829us', 'EE473124829US');
  });

  it('rejects scientific notation because digits are lost', () => fails('6.07012E+11', 'excel_scientific'));
  it('rejects lower-case and comma-decimal scientific notation', () => {
    fails('6.07012e+11', 'excel_scientific');
    fails('6,07012E+11', 'excel_scientific');
  });
  it("rejects number cells beyond Excel's 15 digits", () => fails(1234567890123456, 'excel_precision_lost'));
  it('rejects fractional and negative numbers', () => {
    fails(6070.5, 'invalid_value');
    fails(-607012345671, 'invalid_value');
    fails(Number.NaN, 'invalid_value');
    fails(-1n, 'invalid_value');
  });
  it('rejects values of other types', () => fails(true, 'invalid_value'));
  it('reports empty input', () => {
    fails('', 'empty');
    fails('  - ', 'empty');
    fails(null, 'empty');
    fails(undefined, 'empty');
  });
});

describe('isValidMod7', () => {
  it('accepts numbers whose last digit is the rest mod 7', () => {
    for (const n of [CJ_12_OK, CJ_10_OK, LOTTE_12_OK, HANJIN_12_OK, LOGEN_11_OK]) assert.equal(isValidMod7(n), true, n);
  });
  it('rejects a wrong last digit', () => {
    for (const n of [CJ_12_BAD, LOTTE_12_BAD, HANJIN_10_BAD, LOGEN_11_BAD]) assert.equal(isValidMod7(n), false, n);
  });
  it('never accepts a last digit of 7, 8 or 9', () => assert.equal(isValidMod7('000000000007'), false));
  it('rejects non-digits', () => assert.equal(isValidMod7('60701234567A'), false));
  it('computes exactly beyond the float-safe range', () => {
    // 9007199254740993 (2^53 + 1) mod 7 = 5; a double rounds it to 2^53 and would give 4.
    assert.equal(isValidMod7('90071992547409935'), true);
    assert.equal(isValidMod7('90071992547409934'), false);
  });
  it('agrees with big-integer arithmetic on numbers up to the longest stored (40 digits)', () => {
    let seed = 7;
    const digit = () => (seed = (seed * 48271) % 2147483647) % 10;
    for (let n = 0; n < 500; n++) {
      const body = Array.from({ length: 1 + (n % 39) }, digit).join('');
      const right = String(Number(BigInt(body) % 7n));
      assert.equal(isValidMod7(body + right), true, body + right);
      assert.equal(isValidMod7(body + String((Number(right) + 1 + (n % 6)) % 7)), false, body);
    }
  });
});

describe('S10 check digit', () => {
  it('reproduces the standard example EE473124829US', () => {
    assert.equal(s10CheckDigit('47312482'), 9);
    assert.equal(isValidS10('EE473124829US'), true);
  });
  it('maps 11 − 0 = 11 to 5', () => {
    // 3·8 + 5·6 + 8·4 + 1·2 + 2·3 + 7·5 + 4·9 + 0·7 = 165 = 15·11
    assert.equal(s10CheckDigit('35812740'), 5);
  });
  it('maps 11 − 1 = 10 to 0', () => {
    // 165 + 8·7 = 221 = 20·11 + 1
    assert.equal(s10CheckDigit('35812748'), 0);
  });
  it('rejects a wrong check digit or shape', () => {
    assert.equal(isValidS10('EE473124828US'), false);
    assert.equal(isValidS10('E473124829US'), false);
    assert.equal(isValidS10('EE4731248299US'), false);
  });
  it('refuses a serial that is not 8 digits', () => assert.throws(() => s10CheckDigit('1234567')));
});

describe('describeLengths', () => {
  it('lists two lengths and shortens runs', () => {
    assert.equal(describeLengths([12, 10]), '10, 12');
    assert.equal(describeLengths([10, 11]), '10, 11');
    assert.equal(describeLengths([8, 9, 10, 11, 12, 13, 14, 15, 16]), '8–16');
    assert.equal(describeLengths([10, 11, 12, 14]), '10–12, 14');
  });
});

describe('checkTrackingNumber', () => {
  it('accepts valid CJ numbers of 10 and 12 digits without warnings', () => {
    for (const n of [CJ_12_OK, CJ_10_OK]) {
      assert.deepEqual(checkTrackingNumber('CJ', n), { ok: true, value: n, errors: [], warnings: [] });
    }
  });

  it('only warns when a CJ number fails mod 7', () => {
    const result = checkTrackingNumber('CJ', CJ_12_BAD);
    assert.equal(result.ok, true);
    assert.deepEqual(codes(result.warnings), ['check_digit_suspect']);
    assert.deepEqual(result.errors, []);
  });

  it('rejects a 12-digit Lotte number failing mod 7', () => {
    assert.equal(checkTrackingNumber('LOTTE', LOTTE_12_OK).ok, true);
    const result = checkTrackingNumber('LOTTE', LOTTE_12_BAD);
    assert.equal(result.ok, false);
    assert.deepEqual(codes(result.errors), ['check_digit_failed']);
    assert.equal(result.value, LOTTE_12_BAD);
  });

  it('does not apply the Lotte check to 13-digit numbers', () => {
    const result = checkTrackingNumber('LOTTE', '2446123456712');
    assert.equal(result.ok, true);
    assert.deepEqual(result.warnings, []);
  });

  it('warns on Hanjin 10/12 digits but not on 14 digits', () => {
    assert.deepEqual(checkTrackingNumber('HANJIN', HANJIN_12_OK).warnings, []);
    assert.deepEqual(codes(checkTrackingNumber('HANJIN', HANJIN_10_BAD).warnings), ['check_digit_suspect']);
    const fourteen = checkTrackingNumber('HANJIN', '50821234567891');
    assert.equal(fourteen.ok, true);
    assert.deepEqual(fourteen.warnings, []);
  });

  it('warns on an 11-digit Logen number failing mod 7', () => {
    assert.deepEqual(checkTrackingNumber('LOGEN', LOGEN_11_OK).warnings, []);
    const result = checkTrackingNumber('LOGEN', LOGEN_11_BAD);
    assert.equal(result.ok, true);
    assert.deepEqual(codes(result.warnings), ['check_digit_suspect']);
  });

  it('checks length only for Korea Post parcels', () => {
    assert.equal(checkTrackingNumber('EPOST', '6012345678901').ok, true);
    assert.deepEqual(codes(checkTrackingNumber('EPOST', '601234567890').errors), ['wrong_length']);
  });

  it('reports the allowed and actual length with the courier names', () => {
    const result = checkTrackingNumber('CJ', '60701234567');
    assert.deepEqual(result.errors, [
      {
        code: 'wrong_length',
        params: { courier: 'CJ대한통운', courierEn: 'CJ Logistics', value: '60701234567', lengths: '10, 12', actual: 11 },
      },
    ]);
  });

  it('rejects letters in a domestic number', () => {
    assert.deepEqual(codes(checkTrackingNumber('CJ', '6070ABCD5671').errors), ['not_digits']);
  });

  it('rejects an empty number except for DIRECT', () => {
    assert.deepEqual(codes(checkTrackingNumber('CJ', '').errors), ['empty']);
    assert.deepEqual(checkTrackingNumber('DIRECT', ''), { ok: true, value: '', errors: [], warnings: [] });
    assert.deepEqual(checkTrackingNumber('DIRECT', null), { ok: true, value: '', errors: [], warnings: [] });
  });

  it('accepts any digits for DIRECT but still no letters', () => {
    assert.equal(checkTrackingNumber('DIRECT', '123').ok, true);
    assert.deepEqual(codes(checkTrackingNumber('DIRECT', '직접전달').errors), ['not_digits']);
  });

  it('passes Excel artefacts through to errors', () => {
    assert.deepEqual(codes(checkTrackingNumber('CJ', '6.07012E+11').errors), ['excel_scientific']);
    const fromNumberCell = checkTrackingNumber('CJ', 607012345671);
    assert.equal(fromNumberCell.ok, true);
    assert.equal(fromNumberCell.value, CJ_12_OK);
  });

  it('checks EMS numbers with S10', () => {
    assert.equal(checkTrackingNumber('EPOST_EMS', 'EE123456785KR').ok, true);
    assert.equal(checkTrackingNumber('EPOST_EMS', 'ee 358127405 kr').ok, true);
    assert.deepEqual(codes(checkTrackingNumber('EPOST_EMS', 'EE123456786KR').errors), ['check_digit_failed']);
    assert.deepEqual(codes(checkTrackingNumber('EPOST_EMS', 'EE473124829US').errors), ['s10_format']);
    assert.deepEqual(codes(checkTrackingNumber('EPOST_EMS', '1234567890123').errors), ['s10_format']);
  });

  it('accepts courier names and mall codes as well as our codes', () => {
    assert.equal(checkTrackingNumber('롯데택배', LOTTE_12_OK).ok, true);
    assert.equal(checkTrackingNumber('HYUNDAI', LOTTE_12_BAD).ok, false);
  });

  it('refuses numbers longer than the 40 characters a box stores, even for direct delivery', () => {
    const result = checkTrackingNumber('DIRECT', '9'.repeat(41));
    assert.equal(result.ok, false);
    assert.equal(result.errors[0]!.code, 'too_long');
    assert.equal(checkTrackingNumber('DIRECT', '9'.repeat(40)).ok, true);
  });

  it('rejects an unknown courier', () => {
    const result = checkTrackingNumber('FOO', CJ_12_OK);
    assert.equal(result.ok, false);
    assert.deepEqual(result.errors, [{ code: 'unknown_courier', params: { courier: 'FOO' } }]);
  });
});

describe('trackingMessages', () => {
  it('has Korean and English text for every code', () => {
    for (const [code, text] of Object.entries(trackingMessages)) {
      assert.ok(text.ko.trim() !== '' && text.en.trim() !== '', code);
      assert.match(text.ko, /[가-힣]/, `${code} ko`);
    }
  });

  it('renders every issue the checker produces without leftover placeholders', () => {
    const issues: Issue[] = [
      ...checkTrackingNumber('FOO', '1').errors,
      ...checkTrackingNumber('CJ', '').errors,
      ...checkTrackingNumber('CJ', true).errors,
      ...checkTrackingNumber('CJ', '6.07012E+11').errors,
      ...checkTrackingNumber('CJ', 1234567890123456).errors,
      ...checkTrackingNumber('CJ', '60701234567X').errors,
      ...checkTrackingNumber('CJ', '123').errors,
      ...checkTrackingNumber('EPOST_EMS', '123').errors,
      ...checkTrackingNumber('LOTTE', LOTTE_12_BAD).errors,
      ...checkTrackingNumber('CJ', CJ_12_BAD).warnings,
      ...checkTrackingNumber('DIRECT', '1'.repeat(41)).errors,
    ];
    assert.deepEqual(new Set(codes(issues)), new Set(Object.keys(trackingMessages)));
    for (const issue of issues) {
      for (const lang of ['ko', 'en'] as const) {
        const text = format(trackingMessages[issue.code], issue.params, lang);
        assert.doesNotMatch(text, /\{\w+\}/, `${issue.code} (${lang}): ${text}`);
      }
    }
  });
});
