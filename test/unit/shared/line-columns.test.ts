import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { fromLineColumns, lineColumnsPage, toLineColumns } from '../../../shared/api/order-views.schema.ts';

describe('lines view as column arrays', () => {
  const items = [
    { line_id: 'lin_1', status: 'NEW', quantity: 2, hold: false },
    { line_id: 'lin_2', status: 'READY', quantity: 1, hold: true },
  ];

  it('round-trips rows through columns and rows', () => {
    const page = toLineColumns({ items, next_cursor: 'c' }, ['line_id', 'status', 'quantity', 'hold']);
    assert.deepEqual(page.rows[1], ['lin_2', 'READY', 1, true]);
    assert.deepEqual(fromLineColumns(page), items);
    assert.equal(page.next_cursor, 'c');
  });

  it('holds every value to its field type, and every row to the column count', () => {
    const ok = { columns: ['line_id', 'status', 'quantity'], rows: [['lin_1', 'NEW', 2]], next_cursor: null };
    assert.equal(lineColumnsPage.safeParse(ok).success, true);
    const wrongType = lineColumnsPage.safeParse({ ...ok, rows: [['lin_1', 'SOMEWHERE', 2]] });
    assert.equal(wrongType.success, false);
    assert.deepEqual(wrongType.error?.issues[0]?.path, ['rows', 0, 1]);
    assert.equal(lineColumnsPage.safeParse({ ...ok, rows: [['lin_1', 'NEW']] }).success, false);
    assert.equal(lineColumnsPage.safeParse({ ...ok, columns: ['line_id', 'status', 'password_hash'] }).success, false);
  });
});
