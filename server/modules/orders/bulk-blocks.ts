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
import { handedOver, nextTurn } from '../../db/turns.ts';
import { changeStamp } from '../../db/change-stamp.ts';
import { locksRows } from './working-set.repo.ts';
import { type WorkingSet } from './working-set.ts';
import { discover, loadWorkingSet, type FoundLine, type LoadPlan } from './working-set-load.ts';

/** An item as blocks see it: the id it names and the tracking numbers it asks boxes to carry. */
export type BlockItem = { id: string; numbers: readonly string[] };

/**
 * The blocks of a call, as lists of item indexes in request order, from the rows its items lead to (`found`). Packs
 * the groups, in the order of their first item, into blocks of at most `blockItems` items (a bigger group
 * is a block of its own: it cannot be split).
 */
export function groupBlocks(
  items: readonly BlockItem[],
  found: { lines: Iterable<FoundLine>; boxes: Iterable<{ id: string; tracking_number: string | null }> },
  blockItems: number,
): number[][] {
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

/** A bulk call as blocks run it. */
export type BlockedCall<T, D> = {
  /** The items as blocks see them, for grouping a call bigger than one block. */
  items(): BlockItem[];
  /** What the items at these indexes may touch. */
  load(indexes: readonly number[]): LoadPlan;
  /**
   * Decides the items at `indexes` on `set`, in memory: what `write` is to write (the set's writes of this block, taken
   * with it) and the block's results. Nothing here reads or writes the database.
   */
  decide(indexes: readonly number[], set: WorkingSet): Promise<D>;
  /** Writes what `decide` made, in `trx` (the block's transaction), and answers the block's results. */
  write(decided: D, trx: Knex.Transaction): Promise<T>;
};

/**
 * Runs a call of `count` items block by block, each block a transaction, other requests getting a turn between
 * blocks. A block that loses a race on a tracking number (a unique violation on boxes_courier_tracking_number_unique)
 * runs again: the winner's box is then read and the item refused as duplicate_tracking_number.
 *
 * How rows are read depends on the database. PostgreSQL: the call's rows are found without locks to group them, and
 * each block reads its own under lock. SQLite (one connection, one writer, no row locks): the rows of the whole call
 * are read once and grouped; a block's items are decided on those same rows — the next block's while the one
 * before is written, on the main thread while SQLite's works — and written when nothing at all was written since
 * they were read or since the block before (changeStamp, checked in the block's transaction). Otherwise that block
 * reads its own rows afresh and decides on them — and so does every block after it. A block that fails leaves the
 * rows read once behind, as they may hold its undone changes.
 */
export async function runInBlocks<T, D>(
  db: Knex,
  count: number,
  call: BlockedCall<T, D>,
  blockItems: number = DEFAULT_BULK_BLOCK_ITEMS,
): Promise<{ block: number[]; out: T }[]> {
  const all = Array.from({ length: count }, (_, i) => i);
  const inTransaction = <R>(work: (trx: Knex.Transaction) => Promise<R>) => retryOnConflict(() => db.transaction(work), { also: isUniqueViolation });
  const fresh = (block: readonly number[]) => async (trx: Knex.Transaction) =>
    call.write(await call.decide(block, await loadWorkingSet(trx, call.load(block))), trx);
  if (count <= blockItems) return [{ block: all, out: await inTransaction(fresh(all)) }];

  if (locksRows(db)) {
    const blocks = groupBlocks(call.items(), await discover(db, call.load(all)), blockItems);
    const done: { block: number[]; out: T }[] = [];
    for (const [n, block] of blocks.entries()) {
      if (n > 0) await nextTurn();
      done.push({ block, out: await inTransaction(fresh(block)) });
    }
    return done;
  }

  return runOnRowsReadOnce(db, all, call, blockItems, inTransaction, fresh);
}

/** runInBlocks on SQLite: the whole call's rows read once, each block decided on them while the one before is written. */
async function runOnRowsReadOnce<T, D>(
  db: Knex,
  all: number[],
  call: BlockedCall<T, D>,
  blockItems: number,
  inTransaction: <R>(work: (trx: Knex.Transaction) => Promise<R>) => Promise<R>,
  fresh: (block: readonly number[]) => (trx: Knex.Transaction) => Promise<T>,
): Promise<{ block: number[]; out: T }[]> {
  // Read outside any transaction, statement by statement, so other requests still get the connection in between;
  // the stamp taken first tells the first block whether anything was written meanwhile.
  let stamp: string | null = await changeStamp(db);
  const whole = await loadWorkingSet(db, call.load(all));
  const blocks = groupBlocks(call.items(), { lines: whole.lines.values(), boxes: whole.boxes.values() }, blockItems);
  // The next block's decision on the rows read once, made while the block before it is written.
  const decideNext = (n: number) => {
    const decided = call.decide(blocks[n]!, whole);
    // Awaited by its block's transaction; if that block never uses it, its failure is nobody's.
    decided.catch(() => undefined);
    return decided;
  };
  let next: Promise<D> | null = decideNext(0);
  const done: { block: number[]; out: T }[] = [];
  for (const [n, block] of blocks.entries()) {
    if (n > 0) await nextTurn();
    // Decided before the transaction opens: SQLite's one connection is not held while the main thread decides.
    const decided = next ? await next : null;
    const since = stamp;
    next = null;
    stamp = null;
    let tried = false;
    const step = await inTransaction(async (trx): Promise<{ out: T; stamp: string | null }> => {
      // A retry never reuses: the failed attempt's decision is in the rows in memory.
      if (!decided || tried || (await changeStamp(trx)) !== since) return { out: await fresh(block)(trx), stamp: null };
      tried = true;
      const writing = call.write(decided, trx);
      writing.catch(() => undefined); // awaited below
      if (n + 1 < blocks.length) {
        // The block's first statement under way first, so the main thread decides while the database writes.
        await handedOver();
        whole.nextBlock();
        next = decideNext(n + 1);
      }
      return { out: await writing, stamp: await changeStamp(trx) };
    });
    // A block decided afresh (or written after a retry) leaves the rows read once behind: the next decision, made
    // meanwhile on them, is dropped, and every later block reads its own.
    if (step.stamp !== null) stamp = step.stamp;
    else next = null;
    done.push({ block, out: step.out });
  }
  return done;
}
