// A big bulk call (POST /api/transitions, POST /api/sheet/push) is applied in blocks, each in a transaction of its
// own, so other requests get the database between blocks: SQLite has a single connection, and one transaction over
// 50,000 items held it for seconds. Blocks are made of whole groups of items that may touch the same rows: the
// items of one order, the orders sharing a box, and the items asking for (or boxes carrying) the same tracking
// number. Items of different groups never read or write each other's rows, so applying group by group decides
// exactly what applying the call in request order would; within a block, items keep the request's order. No row is
// written by two blocks, so a row's version moves once per call, as in a call applied in one go.
import type { Knex } from 'knex';
import { DEFAULT_BULK_BLOCK_ITEMS } from '../../config.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { ID_PREFIX } from '../../db/ids.ts';
import { discover, type Discovery, type LoadPlan } from './working-set.ts';

/** An item as blocks see it: the id it names and the tracking numbers it asks boxes to carry. */
export type BlockItem = { id: string; numbers: readonly string[] };

/**
 * The blocks of a call, as lists of item indexes in request order. A call of at most `blockItems` items is one block
 * and costs nothing extra; a bigger one first finds (without locks) the rows its items lead to, to group them.
 */
export async function planBlocks(db: Knex, items: readonly BlockItem[], plan: LoadPlan, blockItems: number): Promise<number[][]> {
  if (items.length <= blockItems) return [items.map((_, i) => i)];
  return groupBlocks(items, await discover(db, plan), blockItems);
}

/**
 * Packs the groups, in the order of their first item, into blocks of at most `blockItems` items (a bigger group
 * is a block of its own: it cannot be split).
 */
export function groupBlocks(items: readonly BlockItem[], found: Discovery, blockItems: number): number[][] {
  const groups = new Groups();
  const orders = new Map<string, number>();
  const boxes = new Map<string, number>();
  const numbers = new Map<string, number>();
  const node = (map: Map<string, number>, key: string) => {
    let n = map.get(key);
    if (n === undefined) map.set(key, (n = groups.add()));
    return n;
  };
  // Each found line's order node, by line id (one lookup per item below instead of line → order → node).
  const orderNodeOfLine = new Map<string, number>();
  for (const l of found.lines) {
    const n = node(orders, l.order_id);
    orderNodeOfLine.set(l.id, n);
    if (l.box_id) groups.join(n, node(boxes, l.box_id));
  }
  for (const b of found.boxes) if (b.tracking_number) groups.join(node(boxes, b.id), node(numbers, b.tracking_number));
  // Each item's node: its order's, or one of its own when its id leads to no order (unknown ids; a repeated unknown
  // id shares the node of its first naming, so a duplicate lands in the same block).
  const unknown = new Map<string, number>();
  const itemNodes = new Int32Array(items.length);
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    let n = orderNodeOfLine.get(item.id);
    if (n === undefined) n = item.id.startsWith(`${ID_PREFIX.order}_`) ? node(orders, item.id) : node(unknown, item.id);
    for (const number of item.numbers) groups.join(n, node(numbers, number));
    itemNodes[index] = n;
  }

  // Groups numbered in the order of their first item, with their sizes; then each group's members, ascending, laid
  // out one group after another in one array (a counting sort: no list per group).
  const groupOfRoot = new Int32Array(groups.size).fill(-1);
  const groupOfItem = new Int32Array(items.length);
  const sizes: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const root = groups.find(itemNodes[index]!);
    let g = groupOfRoot[root]!;
    if (g < 0) {
      g = groupOfRoot[root] = sizes.length;
      sizes.push(0);
    }
    groupOfItem[index] = g;
    sizes[g]!++;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) starts[g + 1] = starts[g]! + sizes[g]!;
  const members = new Int32Array(items.length);
  const filled = starts.slice(0, sizes.length);
  for (let index = 0; index < items.length; index++) members[filled[groupOfItem[index]!]!++] = index;

  // Whole groups packed into blocks of at most `blockItems` items, in the order of their first item; within a
  // block, items in request order.
  const blocks: number[][] = [];
  let from = 0;
  for (let g = 0; g < sizes.length; g++) {
    const size = starts[g]! - starts[from]!;
    if (size && size + sizes[g]! > blockItems) {
      blocks.push(Array.from(members.subarray(starts[from], starts[g]).sort()));
      from = g;
    }
  }
  if (sizes.length) blocks.push(Array.from(members.subarray(starts[from], starts[sizes.length]).sort()));
  return blocks;
}

/** Union-find over numbered nodes (orders, boxes, numbers, unknown ids). */
class Groups {
  private readonly parent: number[] = [];

  get size(): number {
    return this.parent.length;
  }

  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  find(n: number): number {
    let root = n;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression: every node on the way points at the root.
    while (this.parent[n] !== root) {
      const up = this.parent[n]!;
      this.parent[n] = root;
      n = up;
    }
    return root;
  }

  join(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Gives the event loop a turn between blocks, so requests waiting for the database are queued before the next one. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a call of `count` items block by block: the blocks are planned only when the call is bigger than one block,
 * other requests get a turn between blocks, and a block that loses a race on a tracking number (a unique violation
 * on boxes_courier_tracking_number_unique) runs again: the winner's box is then read and the item refused as
 * duplicate_tracking_number. `runBlock` gets the block's item indexes, in request order.
 */
export async function runInBlocks<T>(
  db: Knex,
  count: number,
  plan: () => { items: BlockItem[]; load: LoadPlan },
  blockItems: number = DEFAULT_BULK_BLOCK_ITEMS,
  runBlock: (indexes: readonly number[]) => Promise<T>,
): Promise<{ block: number[]; out: T }[]> {
  let blocks: number[][];
  if (count <= blockItems) blocks = [Array.from({ length: count }, (_, i) => i)];
  else {
    const { items, load } = plan();
    blocks = await planBlocks(db, items, load, blockItems);
  }
  const done: { block: number[]; out: T }[] = [];
  for (const [n, block] of blocks.entries()) {
    if (n > 0) await nextTurn();
    done.push({ block, out: await retryOnConflict(() => runBlock(block), { also: isUniqueViolation }) });
  }
  return done;
}
