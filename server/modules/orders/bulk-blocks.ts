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
  const orderOfLine = new Map<string, string>();
  for (const l of found.lines) {
    orderOfLine.set(l.id, l.order_id);
    if (l.box_id) groups.join(node(orders, l.order_id), node(boxes, l.box_id));
  }
  for (const b of found.boxes) if (b.tracking_number) groups.join(node(boxes, b.id), node(numbers, b.tracking_number));
  // Each item's node: its order's, or one of its own when its id leads to no order (unknown ids; a repeated unknown
  // id shares the node of its first naming, so a duplicate lands in the same block).
  const unknown = new Map<string, number>();
  const itemNodes = items.map((item) => {
    const order = orderOfLine.get(item.id) ?? (item.id.startsWith(`${ID_PREFIX.order}_`) ? item.id : undefined);
    const n = order ? node(orders, order) : node(unknown, item.id);
    for (const number of item.numbers) groups.join(n, node(numbers, number));
    return n;
  });

  // Members of each group, ascending; a Map keeps groups in the order of their first item.
  const members = new Map<number, number[]>();
  itemNodes.forEach((n, index) => {
    const root = groups.find(n);
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  });

  const blocks: number[][] = [];
  let current: number[] = [];
  for (const group of members.values()) {
    if (current.length && current.length + group.length > blockItems) {
      blocks.push(current.sort((a, b) => a - b));
      current = [];
    }
    current.push(...group);
  }
  if (current.length) blocks.push(current.sort((a, b) => a - b));
  return blocks;
}

/** Union-find over numbered nodes (orders, boxes, numbers, unknown ids). */
class Groups {
  private readonly parent: number[] = [];

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
