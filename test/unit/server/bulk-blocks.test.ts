// How a big bulk call is cut into blocks: items that may touch the same rows (one order, orders sharing a box, one
// tracking number, one unknown id named twice) always share a block; blocks keep request order inside and stay
// within the size unless one group is bigger.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { groupBlocks, type BlockItem } from '../../../server/modules/orders/bulk-blocks.ts';
import type { Discovery } from '../../../server/modules/orders/working-set-load.ts';

const item = (id: string, numbers: string[] = []): BlockItem => ({ id, numbers });
const found = (lines: [string, string, string | null][], boxes: [string, string | null][] = []): Discovery => ({
  lines: lines.map(([id, order_id, box_id]) => ({ id, order_id, box_id })),
  targetOrders: new Set(lines.map(([, o]) => o)),
  boxes: boxes.map(([id, tracking_number]) => ({ id, tracking_number })),
});

describe('groupBlocks', () => {
  it('packs unrelated items in request order, at most the block size each', () => {
    const items = ['lin_1', 'lin_2', 'lin_3', 'lin_4', 'lin_5'].map((id) => item(id));
    const f = found(items.map((i, k) => [i.id, `ord_${k}`, null]));
    assert.deepEqual(groupBlocks(items, f, 2), [[0, 1], [2, 3], [4]]);
  });

  it('keeps the lines of one order, and an order with its lines, together', () => {
    const items = [item('ord_a'), item('lin_b1'), item('lin_c1'), item('lin_a2'), item('lin_b2')];
    const f = found([
      ['lin_a2', 'ord_a', null],
      ['lin_b1', 'ord_b', null],
      ['lin_b2', 'ord_b', null],
      ['lin_c1', 'ord_c', null],
    ]);
    assert.deepEqual(groupBlocks(items, f, 2), [[0, 3], [1, 4], [2]]);
  });

  it('joins orders that share a box, and items that ask for the number a box carries', () => {
    const items = [item('lin_a'), item('lin_c'), item('lin_d'), item('lin_b'), item('lin_e', ['N1'])];
    const f = found(
      [
        ['lin_a', 'ord_a', 'box_1'],
        ['lin_b', 'ord_b', 'box_1'],
        ['lin_c', 'ord_c', 'box_2'],
        ['lin_d', 'ord_d', null],
        ['lin_e', 'ord_e', null],
      ],
      [['box_2', 'N1']],
    );
    assert.deepEqual(groupBlocks(items, f, 2), [[0, 3], [1, 4], [2]]);
  });

  it('joins items asking for the same number, and an unknown id named twice', () => {
    const items = [item('lin_x', ['N9']), item('lin_zz'), item('lin_y'), item('lin_w', ['N9']), item('lin_zz')];
    const f = found([
      ['lin_x', 'ord_x', null],
      ['lin_y', 'ord_y', null],
      ['lin_w', 'ord_w', null],
    ]);
    assert.deepEqual(groupBlocks(items, f, 2), [[0, 3], [1, 4], [2]]);
  });

  it('never splits a group bigger than the block size', () => {
    const items = [item('lin_1'), item('lin_2'), item('lin_3'), item('lin_4')];
    const f = found([
      ['lin_1', 'ord_a', null],
      ['lin_2', 'ord_a', null],
      ['lin_3', 'ord_a', null],
      ['lin_4', 'ord_b', null],
    ]);
    assert.deepEqual(groupBlocks(items, f, 2), [[0, 1, 2], [3]]);
  });
});

describe('SHIPSHEET_BULK_BLOCK_ITEMS', () => {
  it('defaults to 2,000 and takes only a whole number of at least 1', () => {
    assert.equal(loadConfig({}).bulkBlockItems, 2000);
    assert.equal(loadConfig({ SHIPSHEET_BULK_BLOCK_ITEMS: '500' }).bulkBlockItems, 500);
    for (const bad of ['0', '-3', '2.5', 'many']) assert.throws(() => loadConfig({ SHIPSHEET_BULK_BLOCK_ITEMS: bad }), /SHIPSHEET_BULK_BLOCK_ITEMS/);
  });
});
