// The operator's layout, pure (read from a sheet, planned for the next pull, own values by line key), and the fake
// Excel's parts it needs, with the real API's names: columnHidden and format.columnWidth reads (null when columns
// differ), onSelectionChanged raised by the user's selection and removed in its own context.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { fakeExcel, type SelectionChangedArgs } from '../../../addin/src/workbench/fake-excel.ts';
import { layRow, layoutOfSheet, ownValuesByLine, planColumns, pointsOf } from '../../../addin/src/sheet/layout.ts';

const H = (id: string) => ORDER_COLUMNS.find((c) => c.id === id)!.header.ko;
const idx = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

describe('sheet layout (pure)', () => {
  it('reads ours by header (either language), own columns by header, skips blank headers', () => {
    const layout = layoutOfSheet(
      [
        { header: 'Recipient', width: 90, hidden: false },
        { header: '포장메모', width: 60, hidden: false },
        { header: '', width: 48, hidden: false },
        { header: H('line_id'), width: 100, hidden: true },
      ],
      ORDER_COLUMNS,
    );
    assert.deepEqual(layout?.columns, [
      { id: 'recipient_name', own: false, width: 90, hidden: false },
      { id: '포장메모', own: true, width: 60, hidden: false },
      { id: 'line_id', own: false, width: 100, hidden: true },
    ]);
  });

  it('a long own header is cut to 100 UTF-16 units, never between the halves of an emoji', () => {
    const header = `${'메'.repeat(99)}📦 포장`;
    const layout = layoutOfSheet([{ header, width: 60, hidden: false }], ORDER_COLUMNS);
    assert.equal(layout?.columns[0]!.id, '메'.repeat(99));
    const fits = layoutOfSheet([{ header: `${'메'.repeat(98)}📦 포장`, width: 60, hidden: false }], ORDER_COLUMNS);
    assert.equal(fits?.columns[0]!.id, `${'메'.repeat(98)}📦`);
  });

  it('plans the layout first, then every column of ours it leaves out (defaults); null plans the default', () => {
    const plan = planColumns(
      {
        columns: [
          { id: 'recipient_name', own: false, width: 90, hidden: false },
          { id: '포장메모', own: true, width: 60, hidden: false },
          { id: 'gone_column', own: false, width: 10, hidden: false },
        ],
      },
      ORDER_COLUMNS,
    );
    assert.deepEqual(plan[0], { kind: 'ours', index: idx('recipient_name'), width: 90, hidden: false });
    assert.deepEqual(plan[1], { kind: 'own', header: '포장메모', width: 60, hidden: false });
    assert.equal(plan.length, ORDER_COLUMNS.length + 1);
    assert.deepEqual(plan[2], { kind: 'ours', index: 0, width: pointsOf(ORDER_COLUMNS[0]!.width), hidden: true });
    assert.deepEqual(
      planColumns(null, ORDER_COLUMNS).map((p) => (p.kind === 'ours' ? p.index : -1)),
      ORDER_COLUMNS.map((_, i) => i),
    );
  });

  it('own values follow the line key: kept lines keep them, new lines get empty cells', () => {
    const own = ownValuesByLine(['lin_b', 'lin_a', ''], new Map([['포장메모', ['뽁뽁이', '', 'stray']]]));
    assert.deepEqual([...own], [['lin_b', new Map([['포장메모', '뽁뽁이']])]]);
    const plan = planColumns({ columns: [{ id: '포장메모', own: true, width: null, hidden: false }] }, ORDER_COLUMNS);
    const cells = ORDER_COLUMNS.map((c) => c.id);
    assert.equal(layRow(cells, plan, own.get('lin_b'))[0], '뽁뽁이');
    assert.equal(layRow(cells, plan, own.get('lin_new'))[0], '');
  });
});

describe('fake Excel: column layout reads and selection events', () => {
  it('columnHidden and format.columnWidth need a load, and answer null for columns that differ', async () => {
    const excel = fakeExcel();
    excel.state.sheets[0]!.columnWidths.set(1, 100);
    excel.state.sheets[0]!.hiddenColumns.add(1);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const b = sheet.getRange('B1');
      assert.throws(() => b.columnHidden, /PropertyNotLoaded|not available/);
      b.load('columnHidden');
      b.format.load('columnWidth');
      const ab = sheet.getRange('A1:B1');
      ab.load('columnHidden,format/columnWidth');
      await context.sync();
      assert.equal(b.columnHidden, true);
      assert.equal(b.format.columnWidth, 100);
      assert.equal(ab.columnHidden, null);
      assert.equal(ab.format.columnWidth, null);
    });
  });

  it('a user selection raises onSelectionChanged (collection: any sheet; worksheet: its own) until removed', async () => {
    const excel = fakeExcel();
    const seen: string[] = [];
    const added = await excel.run(async (context) => {
      const all = context.workbook.worksheets.onSelectionChanged.add(async (a: SelectionChangedArgs) => void seen.push(`all ${a.address}`));
      const own = context.workbook.worksheets
        .getItem('Sheet1')
        .onSelectionChanged.add(async (a: SelectionChangedArgs) => void seen.push(`own ${a.address}`));
      // Not before the sync: the handlers are sent with it.
      excel.state.select('Sheet1', [{ row: 0, col: 0, rows: 1, cols: 1 }]);
      await context.sync();
      return { all, own };
    });
    excel.state.select('Sheet1', [{ row: 1, col: 0, rows: 2, cols: 3 }]);
    assert.deepEqual(seen, ['all A2:C3', 'own A2:C3']);
    await excel.run(added.all.context as never, async (context) => {
      added.all.remove();
      await context.sync();
    });
    excel.state.select('Sheet1', [{ row: 4, col: 1, rows: 1, cols: 1 }]);
    assert.deepEqual(seen, ['all A2:C3', 'own A2:C3', 'own B5']);
  });
});
