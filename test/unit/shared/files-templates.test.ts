import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { renderCellIssue } from '../../../shared/files/cell-messages.ts';
import { guessHeaderRow, headerKey, matchColumns } from '../../../shared/files/header.ts';
import { guessTemplate, mapRows, MAX_DATA_ROWS } from '../../../shared/files/map-rows.ts';
import type { Cell } from '../../../shared/files/normalise.ts';
import { BUILT_IN_TEMPLATES, findBuiltInTemplate, FIELD_KINDS, type Template } from '../../../shared/files/templates.ts';

const template = (id: string): Template => {
  const found = findBuiltInTemplate(id);
  assert.ok(found, id);
  return found;
};

/** A wholesale buyer's order sheet: a merged title, a date line, a blank row, the header on row 4. */
const wholesale: Cell[][] = [
  ['(주)가나상사 발주서', null, null, null, null],
  ['발주일: 2025-11-30'],
  [],
  ['주문번호', ' 수취인 ', '수취인\n연락처', '주소', '상품명', '수량', '금액', 'ＳＫＵ', '담당자'],
  ['A-1', '홍길동', 1012345678, '서울 강남구 테헤란로 1', '사과 5kg', 2, '129,000원', 'APL-5', '김'],
  ['A-2', null, '010-2222-3333', '부산 해운대구 1', '배 3kg', 1, 30000],
  ['A-3', '이몽룡', '010-3333-4444', '대전 서구 2', '감 1kg', 0, -5000],
  [],
  ['A-4', '성춘향', 212345678, '서울 종로구 3', '귤 2kg', '3개', '₩12,000'],
];

describe('header matching', () => {
  it('ignores spaces, line breaks, full-width letters, case and marks', () => {
    assert.equal(headerKey(' 수취인\n연락처(*) '), headerKey('수취인연락처'));
    assert.equal(headerKey('ＳＫＵ'), headerKey('sku'));
    assert.equal(headerKey(12), '');
  });

  it('gives each sheet column to one field only', () => {
    const found = matchColumns(['주문번호', '운송장번호'], template('invoice_lotte'));
    assert.deepEqual(
      [...found],
      [
        ['box_key', 0],
        ['tracking_number', 1],
      ],
    );
  });

  it('guesses the header row below title rows without a template', () => {
    assert.equal(guessHeaderRow(wholesale), 3);
    assert.equal(guessHeaderRow([['제목'], ['a', 'b', 'c']]), null, 'a header with nothing below is no header');
  });
});

describe('guessTemplate', () => {
  it('picks the wholesale template for an order sheet, with its header row', () => {
    const guess = guessTemplate(wholesale);
    assert.equal(guess?.template.id, 'order_wholesale');
    assert.equal(guess?.header_row, 4);
    assert.ok(guess && guess.score >= 0.5 && guess.score <= 1);
  });

  it('reports courier result files that look alike as ties for the operator to settle', () => {
    const guess = guessTemplate([['고객주문번호', '운송장번호', '수취인']]);
    assert.equal(guess?.template.id, 'invoice_cj');
    assert.deepEqual(guess?.ties, ['invoice_hanjin']);
  });

  it('prefers the template that explains more columns', () => {
    const guess = guessTemplate([['박스키', '택배사', '운송장번호']]);
    assert.equal(guess?.template.id, 'invoice_generic');
    assert.deepEqual(guess?.ties, []);
  });

  it('puts saved templates first and filters by type', () => {
    const saved: Template = { ...template('order_wholesale'), id: 'tpl_saved', builtIn: false };
    assert.equal(guessTemplate(wholesale, { templates: [saved, ...BUILT_IN_TEMPLATES] })?.template.id, 'tpl_saved');
    assert.equal(guessTemplate(wholesale, { type: 'invoice_import' }), null);
    assert.equal(guessTemplate([['아무', '열', '이름']]), null);
  });
});

describe('mapRows', () => {
  it('maps a wholesale sheet to normalised values with one result per row', () => {
    const result = mapRows({ rows: wholesale }, template('order_wholesale'));
    assert.ok(result.ok);
    assert.equal(result.header_row, 4);
    assert.deepEqual(result.unused_headers, ['담당자']);
    assert.deepEqual(
      result.rows.map((r) => r.row),
      [5, 6, 7, 9],
      'blank rows are skipped, rows keep their sheet numbers',
    );
    const [first, second, third, fourth] = result.rows;
    assert.deepEqual(first?.issues, []);
    assert.equal(first?.values.recipient_mobile, '010-1234-5678');
    assert.equal(first?.values.amount, 129000);
    assert.equal(first?.values.product_code, 'APL-5');
    assert.equal(first?.values.channel_kind, 'direct', 'the template fixes the channel kind');
    assert.deepEqual(second?.issues, [{ field: 'recipient_name', code: 'required', params: { column: '수취인' } }]);
    assert.deepEqual(
      third?.issues.map((i) => [i.field, i.code]),
      [
        ['quantity', 'quantity_not_positive'],
        ['amount', 'money_negative'],
      ],
    );
    assert.equal(renderCellIssue(third!.issues[0]!, 'ko'), '수량: 수량은 1 이상이어야 합니다: 0');
    assert.equal(renderCellIssue(third!.issues[1]!, 'en'), '금액: a negative amount is not allowed here: -5000');
    assert.deepEqual([fourth?.values.recipient_mobile, fourth?.values.quantity, fourth?.values.amount], ['02-1234-5678', 3, 12000]);
  });

  it('reads a courier result file with numbers stored as numbers, the courier from the template', () => {
    const rows: Cell[][] = [
      ['CJ대한통운 운송장 출력 결과'],
      ['고객주문번호', '운송장번호'],
      ['box_abc', 607012345671],
      ['box_def', '6.07012E+11'],
      ['box_ghi', 6070123456712345],
    ];
    const result = mapRows({ rows }, template('invoice_cj'));
    assert.ok(result.ok);
    assert.deepEqual(result.rows[0]?.values, { box_key: 'box_abc', tracking_number: '607012345671', courier: 'CJ' });
    assert.equal(result.rows[1]?.issues[0]?.code, 'excel_scientific');
    assert.equal(result.rows[2]?.issues[0]?.code, 'excel_precision_lost');
    assert.equal(result.rows[2]?.issues[0]?.params.column, '운송장번호');
  });

  it('takes a courier chosen for the whole file where the file has none', () => {
    const rows: Cell[][] = [
      ['박스키', '운송장번호'],
      ['box_1', '123456789012'],
    ];
    const refused = mapRows({ rows }, template('invoice_generic'));
    assert.deepEqual(refused, { ok: false, code: 'missing_columns', params: { row: 1, columns: '택배사' }, missing: ['courier'] });
    const result = mapRows({ rows }, template('invoice_generic'), { fixed: { courier: '롯데택배' } });
    assert.ok(result.ok);
    assert.equal(result.rows[0]?.values.courier, 'LOTTE');
  });

  it('says when no header is found, and refuses more rows than the limit', () => {
    assert.deepEqual(mapRows({ rows: [['x'], [1]] }, template('invoice_cj')), { ok: false, code: 'header_not_found', params: { rows: 20 } });
    const many: Cell[][] = [['고객주문번호', '운송장번호'], ...Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => [`box_${i}`, '1'])];
    assert.deepEqual(mapRows({ rows: many }, template('invoice_cj')), {
      ok: false,
      code: 'too_many_rows',
      params: { actual: MAX_DATA_ROWS + 1, max: MAX_DATA_ROWS },
    });
  });

  it('uses a header row the operator chose', () => {
    const rows: Cell[][] = [
      ['주문번호', '운송장번호'],
      ['고객주문번호', '운송장번호'],
      ['box_1', '1'],
    ];
    const result = mapRows({ rows }, template('invoice_cj'), { headerRow: 2 });
    assert.ok(result.ok);
    assert.equal(result.header_row, 2);
    assert.deepEqual(
      result.rows.map((r) => r.values.box_key),
      ['box_1'],
    );
  });
});

describe('built-in templates', () => {
  it('ship an invoice template per courier plus generic ones, all fields known', () => {
    const ids = BUILT_IN_TEMPLATES.map((t) => t.id);
    for (const id of ['invoice_cj', 'invoice_lotte', 'invoice_hanjin', 'invoice_logen', 'invoice_epost', 'invoice_generic', 'order_wholesale']) {
      assert.ok(ids.includes(id), id);
    }
    for (const t of BUILT_IN_TEMPLATES) {
      for (const column of t.columns) assert.ok(column.field in FIELD_KINDS, `${t.id}.${column.field}`);
      if (t.type === 'invoice_import')
        assert.ok(
          t.columns.some((c) => c.field === t.reference && c.required),
          t.id,
        );
    }
  });
});
