// The add-in's Excel layer against the workbench fake (which keeps Office.js's load/sync and 5 MB rules): tables in
// byte-sized blocks, long digits kept as text, hidden keys, header tools, scattered patches, the selection.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'vitest';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { rectangles, readTable, rowBlocks, selectedRows, writeCells, writeRowsAt, writeTable } from '../../../addin/src/excel/sheets.ts';
import { writeReport } from '../../../addin/src/excel/report-sheet.ts';
import { formulaLikeCells, rowCells } from '../../../addin/src/sheet/cells.ts';
import { PAYLOAD_LIMIT_BYTES, fakeExcel, type FakeWorkbookState } from '../../../addin/src/workbench/fake-excel.ts';
import { lineRow } from '../../helpers/sheet-lines.ts';

let state: FakeWorkbookState;
beforeEach(() => {
  const excel = fakeExcel();
  state = excel.state;
  Object.assign(globalThis, { Excel: excel });
});

const orderTable = (count: number) => ({
  name: '주문',
  header: ORDER_COLUMNS.map((c) => c.header.ko),
  rows: Array.from({ length: count }, (_, i) => rowCells(lineRow(i), 'ko')),
  textColumns: ORDER_COLUMNS.flatMap((c, i) => (c.kind === 'digits' || c.kind === 'key' ? [i] : [])),
  hiddenColumns: [0, 1],
  dropdowns: [{ column: 3, source: "='_lists'!$A$2:$A$10" }],
  headerTools: true,
  activate: true,
});

describe('Excel layer: tables', () => {
  it('writes header and rows with digits kept as text, hidden keys, frozen filtered header, dropdown', async () => {
    await writeTable(orderTable(3));
    const sheet = state.find('주문')!;
    const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);
    assert.equal(sheet.get(0, col('mall_line_id'))?.value, '상품주문번호');
    assert.equal(sheet.get(1, col('mall_line_id'))?.value, '202611221000000000', '18 digits whole');
    assert.equal(sheet.get(1, col('recipient_zip'))?.value, '06236', 'leading zero kept');
    assert.equal(sheet.get(1, col('amount'))?.value, 32900, 'money stays a number');
    assert.deepEqual([...sheet.hiddenColumns], [0, 1]);
    assert.equal(sheet.frozenRows, 1);
    assert.deepEqual(sheet.filter, { row: 0, col: 0, rows: 4, cols: ORDER_COLUMNS.length });
    assert.equal(sheet.validations[0]?.list, "='_lists'!$A$2:$A$10");
    assert.equal(state.active, '주문');
  });

  it('text a buyer or the mall wrote starting with = + - or @ is written as text, never as a formula, by every write', async () => {
    const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);
    const rows = orderTable(2).rows;
    const hostile: [string, string][] = [
      ['recipient_name', '=HYPERLINK("http://evil","클릭")'],
      ['recipient_address2', '@SUM(1+1)'],
      ['delivery_memo', '+82 부재시 경비실'],
      ['product_name', '-감'],
    ];
    for (const [id, text] of hostile) rows[0]![col(id)] = text;
    await writeTable({ ...orderTable(0), rows });
    const sheet = state.find('주문')!;
    for (const [id, text] of hostile) {
      assert.equal(sheet.get(1, col(id))?.value, text, id);
      assert.equal(sheet.get(1, col(id))?.format, '@', id);
    }
    // Other cells of the row keep their General format (money stays a number).
    assert.equal(sheet.get(1, col('amount'))?.format ?? 'General', 'General');
    // A row added under the table, cells patched later and a report sheet alike.
    await writeRowsAt('주문', 3, [rows[0]!], []);
    assert.equal(sheet.get(3, col('recipient_name'))?.value, hostile[0]![1]);
    await writeCells('주문', new Map([[2, new Map([[col('memo'), '=1+1']])]]));
    assert.equal(sheet.get(2, col('memo'))?.value, '=1+1');
    await writeReport({ name: '보고', title: '보고', blocks: [{ row: 2, col: 0, header: ['상품'], rows: [['=cmd|calc']] }], charts: [] });
    assert.equal(state.find('보고')!.get(3, 0)?.value, '=cmd|calc');
  });

  it('a dash alone (a 상세주소 of "-") is left as Excel keeps it, and every cell made text is counted in its request', async () => {
    assert.deepEqual(formulaLikeCells([['-', '+', '-감', '=1', '@', '']]), [
      [0, 2],
      [0, 3],
      [0, 4],
    ]);
    // 10,000 rows each holding two formula-like cells: the blocks grow by what each cell's own format costs.
    const rows = Array.from({ length: 10_000 }, () => ['-없음', '+82 부재시', '보통 텍스트']);
    const plain = rowBlocks(rows, 0, 200_000);
    const counted = rowBlocks(rows, 0, 200_000, (row) => formulaLikeCells([row as string[]]).length * 300);
    assert.ok(counted.length > plain.length * 5, `${counted.length} vs ${plain.length}`);
  });

  it('a 50,000-line pull stays under 5 MB per request in few syncs, and reads back whole', async () => {
    await writeTable(orderTable(50_000));
    const { syncs, largestRequestBytes } = state.stats;
    assert.ok(largestRequestBytes < PAYLOAD_LIMIT_BYTES, `largest request ${largestRequestBytes}`);
    assert.ok(syncs <= 40, `${syncs} syncs`);
    const before = state.stats.syncs;
    const read = await readTable('주문');
    assert.equal(read!.rows.length, 50_001);
    assert.equal(read!.rows[50_000]![ORDER_COLUMNS.findIndex((c) => c.id === 'line_id')], 'lin_049999');
    assert.ok((state.stats.largestResponseBytes ?? 0) < PAYLOAD_LIMIT_BYTES);
    assert.ok(state.stats.syncs - before <= 20, `${state.stats.syncs - before} read syncs`);
  });

  it('a re-pull clears the old rows, filter and hidden columns of the sheet', async () => {
    await writeTable(orderTable(10));
    await writeTable({ ...orderTable(2), hiddenColumns: [2] });
    const sheet = state.find('주문')!;
    assert.equal(sheet.used()?.rows, 3);
    assert.deepEqual([...sheet.hiddenColumns], [2]);
  });

  it('reads a missing sheet as null and an empty one as no rows', async () => {
    assert.equal(await readTable('없음'), null);
    assert.deepEqual(await readTable('Sheet1'), { rows: [] });
  });
});

describe('Excel layer: patches and selection', () => {
  it('groups scattered cells into few rectangles and writes them', async () => {
    const patches = new Map([
      [
        3,
        new Map([
          [1, 'a'],
          [2, 'b'],
          [5, 'c'],
        ]),
      ],
      [
        4,
        new Map([
          [1, 'd'],
          [2, 'e'],
          [5, 'f'],
        ]),
      ],
      [9, new Map([[1, 'g']])],
    ]);
    const rects = rectangles(patches);
    assert.deepEqual(rects, [
      {
        row: 3,
        col: 1,
        values: [
          ['a', 'b'],
          ['d', 'e'],
        ],
      },
      { row: 3, col: 5, values: [['c'], ['f']] },
      { row: 9, col: 1, values: [['g']] },
    ]);
    await writeCells('Sheet1', patches);
    const s = state.find('Sheet1')!;
    assert.deepEqual([s.get(4, 2)?.value, s.get(4, 5)?.value, s.get(9, 1)?.value], ['e', 'f', 'g']);
  });

  it('byte-sized row blocks never exceed the budget unless one row does', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ['가나다라마바사'.repeat(10), i]);
    const blocks = rowBlocks(rows, 0, 20_000);
    assert.ok(blocks.length > 1);
    assert.equal(blocks.at(-1)![1], 1000);
    for (const [a, b] of blocks) assert.ok(new TextEncoder().encode(JSON.stringify(rows.slice(a, b))).length <= 20_000 + (b - a));
  });

  it('the selection gives visible sheet rows only on the asked sheet', async () => {
    await writeTable(orderTable(5));
    state.select('주문', [
      { row: 2, col: 0, rows: 2, cols: 3 },
      { row: 5, col: 4, rows: 1, cols: 1 },
    ]);
    assert.deepEqual(await selectedRows('주문'), [2, 3, 5]);
    assert.deepEqual(await selectedRows('Sheet1'), []);
  });
});
