import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { excelSerialToDate, normaliseCell } from '../../../shared/files/normalise.ts';
import { cellMessages } from '../../../shared/files/cell-messages.ts';
import { format } from '../../../shared/i18n.ts';

const ok = (value: unknown) => ({ ok: true, value });

describe('normaliseCell: digits (tracking, mall order and line numbers)', () => {
  it('turns numbers Excel stored into digit strings', () => {
    assert.deepEqual(normaliseCell(12345678901, 'digits'), ok('12345678901'));
    assert.deepEqual(normaliseCell(607012345678, 'digits'), ok('607012345678'));
    assert.deepEqual(normaliseCell(999_999_999_999_999, 'digits'), ok('999999999999999'));
  });

  it('refuses a 16-digit number Excel has already damaged, and anything past 2^53', () => {
    const damaged = normaliseCell(2024113012345670, 'digits');
    assert.deepEqual(damaged, { ok: false, code: 'excel_precision_lost', params: { value: '2024113012345670' } });
    const huge = normaliseCell(1.2345678901234568e21, 'digits');
    assert.equal(huge.ok, false);
    assert.equal(!huge.ok && huge.code, 'excel_precision_lost');
    assert.equal(!huge.ok && huge.params.value, '1234567890123456774144');
  });

  it('says why in the catalog, in Korean first', () => {
    const result = normaliseCell(2024113012345670, 'digits');
    assert.ok(!result.ok);
    const text = format(cellMessages[result.code], { ...result.params, column: '주문번호' }, 'ko');
    assert.match(text, /^주문번호: Excel이 15자리 넘는 숫자를 이미 바꿨습니다\(2024113012345670\)/);
    assert.match(format(cellMessages[result.code], { ...result.params, column: 'Order' }, 'en'), /more than 15 digits/);
  });

  it('refuses scientific notation such as 6.89E+11', () => {
    assert.deepEqual(normaliseCell('6.89E+11', 'digits'), { ok: false, code: 'excel_scientific', params: { value: '6.89E+11' } });
    assert.equal(normaliseCell(' 6.07012e11 ', 'digits').ok, false);
  });

  it('keeps text cells as typed, without Excel artefacts', () => {
    assert.deepEqual(normaliseCell("'0012345", 'digits'), ok('0012345'));
    assert.deepEqual(normaliseCell('607012345678.0', 'digits'), ok('607012345678'));
    assert.deepEqual(normaliseCell('１２３４５', 'digits'), ok('12345'));
    assert.deepEqual(normaliseCell('20241130-0000123', 'digits'), ok('20241130-0000123'));
    assert.deepEqual(normaliseCell('12345678901234567890', 'digits'), ok('12345678901234567890'));
  });

  it('refuses fractions and negatives as identifiers', () => {
    assert.equal(normaliseCell(12.5, 'digits').ok, false);
    assert.equal(normaliseCell(-5, 'digits').ok, false);
  });
});

describe('normaliseCell: codes (SKU and product codes, barcodes)', () => {
  it('keeps codes with letters and lists of barcodes as text', () => {
    assert.deepEqual(normaliseCell(' A-100 ', 'code'), ok('A-100'));
    assert.deepEqual(normaliseCell('8801234567890, 880100', 'code'), ok('8801234567890, 880100'));
    assert.deepEqual(normaliseCell(8801234567890, 'code'), ok('8801234567890'));
    // Without a signed exponent it is not what Excel writes: a seller may have meant it.
    assert.deepEqual(normaliseCell('2E10', 'code'), ok('2E10'));
  });

  it('refuses a code or a barcode of the list that Excel turned into scientific notation, as digits are', () => {
    assert.deepEqual(normaliseCell('8.80123E+12', 'code'), { ok: false, code: 'excel_scientific', params: { value: '8.80123E+12' } });
    assert.deepEqual(normaliseCell('880100, 8.80123E+12', 'code'), { ok: false, code: 'excel_scientific', params: { value: '8.80123E+12' } });
    assert.deepEqual(normaliseCell(3162161220003540, 'code'), { ok: false, code: 'excel_precision_lost', params: { value: '3162161220003540' } });
  });
});

describe('normaliseCell: phone and zip', () => {
  it('restores the leading 0 a number cell dropped, and hyphenates as the malls do', () => {
    assert.deepEqual(normaliseCell(1012345678, 'phone'), ok('010-1234-5678'));
    assert.deepEqual(normaliseCell(212345678, 'phone'), ok('02-1234-5678'));
    assert.deepEqual(normaliseCell('01012345678', 'phone'), ok('010-1234-5678'));
    assert.deepEqual(normaliseCell('0505-1234-5678', 'phone'), ok('0505-1234-5678'));
  });

  it('refuses what is not a phone number', () => {
    assert.deepEqual(normaliseCell('12-34', 'phone'), { ok: false, code: 'invalid_phone', params: { value: '12-34' } });
    assert.equal(normaliseCell('1.01E+10', 'phone').ok, false);
  });

  it('pads a zip stored as a number and refuses other lengths', () => {
    assert.deepEqual(normaliseCell(4524, 'zip'), ok('04524'));
    assert.deepEqual(normaliseCell('06236', 'zip'), ok('06236'));
    assert.deepEqual(normaliseCell('135-080', 'zip'), ok('135080'));
    assert.deepEqual(normaliseCell('6236', 'zip'), { ok: false, code: 'zip_zero_lost', params: { value: '6236' } });
    assert.equal(normaliseCell('123', 'zip').ok, false);
  });
});

describe('normaliseCell: money and quantity', () => {
  it('reads won with units, symbols, commas and spaces', () => {
    for (const raw of ['129,000원', '₩129,000', ' 129000 ', 'KRW 129,000', '129,000 원', 129000, 129000.00000001]) {
      assert.deepEqual(normaliseCell(raw, 'money'), ok(129000), String(raw));
    }
    assert.deepEqual(normaliseCell('０', 'money'), ok(0));
  });

  it('refuses negatives unless the caller allows them, and fractions of a won', () => {
    assert.deepEqual(normaliseCell('-1,000', 'money'), { ok: false, code: 'money_negative', params: { value: '-1,000' } });
    assert.deepEqual(normaliseCell('-1,000', 'money', { allowNegative: true }), ok(-1000));
    assert.equal(normaliseCell(99.5, 'money').ok, false);
    assert.equal(normaliseCell('12만원', 'money').ok, false);
  });

  it('reads quantities and refuses zero, fractions and words', () => {
    assert.deepEqual(normaliseCell(3, 'quantity'), ok(3));
    assert.deepEqual(normaliseCell('3개', 'quantity'), ok(3));
    assert.deepEqual(normaliseCell('2 EA', 'quantity'), ok(2));
    assert.deepEqual(normaliseCell(0, 'quantity'), { ok: false, code: 'quantity_not_positive', params: { value: '0' } });
    assert.equal(normaliseCell(1.5, 'quantity').ok, false);
    assert.equal(normaliseCell('many', 'quantity').ok, false);
    const big = normaliseCell(100000, 'quantity');
    assert.deepEqual(big, { ok: false, code: 'quantity_too_large', params: { value: '100000', max: 99999 } });
  });
});

describe('normaliseCell: dates', () => {
  it('reads Excel serials with the 1900 leap-year bug', () => {
    assert.deepEqual(normaliseCell(45991, 'date'), ok('2025-11-30'));
    assert.deepEqual(normaliseCell(45991.75, 'date'), ok('2025-11-30'));
    assert.equal(excelSerialToDate(1), '1900-01-01');
    assert.equal(excelSerialToDate(59), '1900-02-28');
    assert.equal(excelSerialToDate(60), null);
    assert.equal(excelSerialToDate(61), '1900-03-01');
    assert.equal(excelSerialToDate(0), null);
  });

  it('reads the date texts sellers type and Dates from exceljs', () => {
    for (const raw of ['2025-11-30', '2025.11.30', '2025/11/30', '2025. 11. 30.', '2025-11-30 14:05:00', '20251130', '２０２５-１１-３０']) {
      assert.deepEqual(normaliseCell(raw, 'date'), ok('2025-11-30'), raw);
    }
    assert.deepEqual(normaliseCell(new Date(Date.UTC(2025, 10, 30)), 'date'), ok('2025-11-30'));
  });

  it('refuses impossible or unreadable dates', () => {
    assert.equal(normaliseCell('2025-02-30', 'date').ok, false);
    assert.equal(normaliseCell('2025-11', 'date').ok, false);
    assert.equal(normaliseCell('30/11/2025', 'date').ok, false);
  });
});

describe('normaliseCell: text, couriers, empties and Excel errors', () => {
  it('trims text and joins the lines of an Alt+Enter cell', () => {
    assert.deepEqual(normaliseCell('  서울시 강남구\n  테헤란로 1 ', 'text'), ok('서울시 강남구 테헤란로 1'));
    assert.deepEqual(normaliseCell(1234, 'text'), ok('1234'));
    // 16 digits typed into a General cell: Excel kept 15 and rounded the rest — named, never read as text.
    assert.deepEqual(normaliseCell(3162161220003540, 'text'), { ok: false, code: 'excel_precision_lost', params: { value: '3162161220003540' } });
    assert.deepEqual(normaliseCell(316216122000354, 'text'), ok('316216122000354'));
  });

  it('refuses NUL and other control characters', () => {
    assert.deepEqual(normaliseCell('홍길\u0000동', 'text'), { ok: false, code: 'control_chars', params: { value: '홍길?동' } });
    assert.equal(normaliseCell('12\u000734', 'digits').ok, false);
  });

  it("refuses half a surrogate pair (a file's _xD800_ or &#xD800;) in every text kind, and keeps a whole pair", () => {
    assert.deepEqual(normaliseCell('정\uD800우', 'text'), { ok: false, code: 'lone_surrogate', params: { value: '정\uFFFD우' } });
    assert.equal(normaliseCell('정\uDC00우', 'code').ok, false);
    assert.equal(normaliseCell('12\uD800', 'digits').ok, false);
    assert.equal(normaliseCell('010\uDBFF-1234-5678', 'phone').ok, false);
    assert.deepEqual(normaliseCell('정\uD83D\uDE00우', 'text'), ok('정\uD83D\uDE00우'));
  });

  it('reads courier names to our codes', () => {
    assert.deepEqual(normaliseCell('CJ 대한통운(주)', 'courier'), ok('CJ'));
    assert.deepEqual(normaliseCell('로젠', 'courier'), ok('LOGEN'));
    assert.deepEqual(normaliseCell('아무택배', 'courier'), { ok: false, code: 'unknown_courier', params: { value: '아무택배' } });
  });

  it('gives null for empty cells of every kind', () => {
    for (const kind of ['text', 'code', 'digits', 'phone', 'zip', 'money', 'quantity', 'date', 'courier'] as const) {
      assert.deepEqual(normaliseCell(null, kind), ok(null));
      assert.deepEqual(normaliseCell('   ', kind), ok(null));
      assert.deepEqual(normaliseCell(undefined, kind), ok(null));
    }
  });

  it('refuses Excel error values for every kind', () => {
    for (const kind of ['text', 'digits', 'money', 'date'] as const) {
      assert.deepEqual(normaliseCell('#N/A', kind), { ok: false, code: 'excel_error', params: { value: '#N/A' } });
    }
  });

  it('takes plain ids and digit strings as they are, and sends everything else through every rule', () => {
    // Printable ASCII without spaces skips the rules (nothing in them changes it); one character outside goes through.
    assert.deepEqual(normaliseCell('box_01HX9Z', 'text'), ok('box_01HX9Z'));
    assert.deepEqual(normaliseCell('0607012345678', 'digits'), ok('0607012345678'));
    assert.deepEqual(normaliseCell(' #ref! ', 'text'), { ok: false, code: 'excel_error', params: { value: '#ref!' } });
    assert.deepEqual(normaliseCell('a#b', 'text'), ok('a#b'));
    assert.deepEqual(normaliseCell('１２３', 'digits'), ok('123'));
    assert.deepEqual(normaliseCell("'0123", 'digits'), ok('0123'));
    assert.deepEqual(normaliseCell('123.0', 'digits'), ok('123'));
    assert.deepEqual(normaliseCell('6.89E+11', 'digits'), { ok: false, code: 'excel_scientific', params: { value: '6.89E+11' } });
    assert.deepEqual(normaliseCell('box\u00a01', 'text'), ok('box\u00a01'));
    assert.deepEqual(normaliseCell('box 1\n', 'text'), ok('box 1'));
  });
});
