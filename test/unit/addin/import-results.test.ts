// The 파일 tab's results in the workbook: one cell beside each row of the active sheet (after the used range, the
// same column reused by the next run, old results emptied), and the texts of each outcome.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'vitest';
import type { InvoiceImportAnswer } from '../../../addin/src/api/files.ts';
import { readActiveSheet } from '../../../addin/src/excel/import-sheet.ts';
import { isResultHeader, withoutResultColumn, writeImportResults } from '../../../addin/src/features/files/import-results.ts';
import type { FakeWorkbookState } from '../../../addin/src/workbench/fake-excel.ts';
import { installFakeExcel } from '../../helpers/fake-excel.ts';

let wb: FakeWorkbookState;
beforeEach(() => {
  wb = installFakeExcel();
});

const row = (r: Partial<InvoiceImportAnswer['results'][number]> & Pick<InvoiceImportAnswer['results'][number], 'row' | 'outcome'>) => ({
  reference: 'box_1',
  box_id: 'box_1',
  courier: 'CJ',
  tracking_number: '607000000017',
  old_courier: null,
  old_tracking_number: null,
  resend: false,
  ...r,
});

function answer(results: InvoiceImportAnswer['results'], headerRow: number): InvoiceImportAnswer {
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return {
    import_id: null,
    batch_id: null,
    applied: false,
    template_id: 'invoice_cj',
    header_row: headerRow,
    counts: { rows: results.length, new: count('new'), overwrite: count('overwrite'), unchanged: count('unchanged'), refused: count('refused') },
    results,
  };
}

const cells = (sheet: string, col: number, rows: number) => Array.from({ length: rows }, (_, r) => wb.find(sheet)!.get(r, col)?.value ?? '');

describe('import results beside the rows', () => {
  it('writes one cell per row after the used range, under the header row, as text; a second run reuses the column', async () => {
    // A courier file: a title line, an empty line, the header on row 3, three rows (numbers as Excel stored them).
    const rows = [
      ['CJ대한통운 운송장 결과'],
      [],
      ['고객주문번호', '운송장번호', '수하인'],
      ['box_a', 607000000017, '홍길동'],
      ['box_b', 607000000024, '김철수'],
      ['box_c', 12, '이영희'],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => wb.userEdit('Sheet1', i, c, String(v))));

    const read = await readActiveSheet();
    assert.equal(read.name, 'Sheet1');
    assert.equal(read.rows.length, 6);
    assert.equal(read.rows[3]![1], 607000000017, 'numbers come as Excel holds them');

    const preview = answer(
      [
        row({ row: 4, outcome: 'new', warnings: ['마지막 자리가 일반적인 검증 규칙과 맞지 않습니다'] }),
        row({ row: 5, outcome: 'overwrite', old_tracking_number: '607000000031', tracking_number: '607000000024' }),
        row({ row: 6, outcome: 'refused', code: 'invalid_tracking_number', message: '송장번호가 너무 짧습니다' }),
      ],
      3,
    );
    const written = await writeImportResults({ sheet: 'Sheet1' }, { kind: 'invoice', answer: preview }, true, 'ko');
    assert.deepEqual(written, { sheet: 'Sheet1', column: 'D' });
    assert.deepEqual(cells('Sheet1', 3, 6), [
      '',
      '',
      '가져오기결과 (미리보기)',
      '신규 607000000017 — 마지막 자리가 일반적인 검증 규칙과 맞지 않습니다',
      '덮어쓰기 607000000031 → 607000000024',
      '거부: 송장번호가 너무 짧습니다',
    ]);
    assert.equal(wb.find('Sheet1')!.get(4, 3)!.format, '@', 'a text cell: never turned into a number or a date');
    assert.equal(wb.find('Sheet1')!.get(0, 4), undefined, 'nothing written past the result column');

    // Applied, with fewer rows answered: the same column, its title changed, the old result of row 6 emptied.
    const applied = answer([row({ row: 4, outcome: 'unchanged' }), row({ row: 5, outcome: 'new' })], 3);
    const again = await writeImportResults({ sheet: 'Sheet1' }, { kind: 'invoice', answer: applied }, false, 'ko');
    assert.equal(again.column, 'D');
    assert.deepEqual(cells('Sheet1', 3, 6).slice(2), ['가져오기결과', '변경없음', '신규 607000000017', '']);
    assert.equal(wb.find('Sheet1')!.get(2, 4), undefined);
  });

  it('the next read blanks the result column, so the file is sent as it was', async () => {
    const rows = [
      ['고객주문번호', '운송장번호', '가져오기결과 (미리보기)'],
      ['box_a', 607000000017, '신규 607000000017'],
    ];
    assert.deepEqual(withoutResultColumn(rows), [
      ['고객주문번호', '운송장번호', ''],
      ['box_a', 607000000017, ''],
    ]);
    assert.ok(isResultHeader('Import result') && isResultHeader('가져오기결과') && !isResultHeader('결과'));
  });

  it('an uploaded file gets a result sheet with its row numbers, the result and what was read, as text', async () => {
    const result = answer(
      [row({ row: 2, outcome: 'new' }), row({ row: 3, outcome: 'refused', code: 'box_not_found', message: '박스를 찾지 못했습니다' })],
      1,
    );
    const written = await writeImportResults({ file: true }, { kind: 'invoice', answer: result }, false, 'ko');
    assert.deepEqual(written, { sheet: '가져오기결과' });
    const sheet = wb.find('가져오기결과')!;
    const grid = [0, 1, 2].map((r) => [0, 1, 2, 3, 4].map((c) => sheet.get(r, c)?.value ?? ''));
    assert.deepEqual(grid, [
      ['행', '가져오기결과', '참조', '택배사', '송장번호'],
      ['2', '신규 607000000017', 'box_1', 'CJ대한통운', '607000000017'],
      ['3', '거부: 박스를 찾지 못했습니다', 'box_1', 'CJ대한통운', '607000000017'],
    ]);
    assert.equal(wb.active, '가져오기결과');
  });
});
