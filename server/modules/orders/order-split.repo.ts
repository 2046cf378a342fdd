// Splitting an order (분할, 선배송): lines that cannot ship now move to a new order (a copy of the order: same mall
// order number, recipient and channel) so the rest ships first; and the way back, for an undo. Also the version
// touch of lines whose allocation changed (a sheet row shows it). Like every change a sheet row shows, the versions
// of the lines and orders move and each line gets a history row (from = to = its status) naming the batch.
import type { Knex } from 'knex';
import { selectWhereIn, updateRows, updateValuesWrite, whereIdIn, writeInOrder, type Write } from '../../db/bulk.ts';
import { isPostgres, type Db } from '../../db/knex.ts';
import { OVERLAP_FROM } from '../../db/turns.ts';
import { readEarly } from '../../db/read-together.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor } from '../../domain/actor.ts';
import { historyWrite, insertHistory, type HistoryRow } from './history.repo.ts';
import { historyMessages, storedReason } from './history.messages.ts';
import { message, readStoredText } from '../../../shared/i18n.ts';

type Trx = Knex.Transaction;
export type SplitChange = { actor: Actor; batchId: string; reason: string; now: string };

/**
 * The lines' versions (and their orders') move: their allocation changed. `orderIds`, when the caller knows them
 * (the lines' orders, each once), are updated by id: finding them through the lines cost an allocation of 100,000
 * lines about a third more on that statement.
 */
export async function touchLines(trx: Trx, lineIds: readonly string[], now: string, orderIds?: readonly string[]): Promise<void> {
  if (!lineIds.length) return;
  await whereIdIn(trx, trx('order_lines'), 'id', lineIds).update({ version: trx.raw('version + 1'), updated_at: now });
  const orders = orderIds ?? whereIdIn(trx, trx('order_lines').select('order_id'), 'id', lineIds);
  const q = trx('orders');
  if (Array.isArray(orders)) whereIdIn(trx, q, 'id', orders);
  else q.whereIn('id', orders as Knex.QueryBuilder);
  await q.update({ version: trx.raw('version + 1'), updated_at: now });
}

async function lineRows(trx: Trx, lineIds: readonly string[]) {
  return (await selectWhereIn(trx, 'order_lines', 'id', lineIds, ['id', 'status', 'amount', 'box_id'])) as {
    id: string;
    status: string;
    amount: number;
    box_id: string | null;
  }[];
}

function history(lines: readonly { id: string; status: string }[], orderId: string, action: string, c: SplitChange): HistoryRow[] {
  return lines.map((l) => ({
    entity: 'line',
    entity_id: l.id,
    order_id: orderId,
    action,
    from_status: l.status,
    to_status: l.status,
    actor_type: c.actor.type,
    actor_id: c.actor.id,
    reason: c.reason,
    batch_id: c.batchId,
    at: c.now,
  }));
}

/** `boxIds`: each moved line's box before the split (a line split off leaves the box it would have shipped in). */
export type Split = { orderId: string; newOrderId: string; lineIds: readonly string[]; totalBefore: number; boxIds?: readonly (string | null)[] };

/**
 * The sold-out flag the moved lines get with their move (선배송: a line split off is one that cannot be served), and
 * the history action that says so. Set in the same update as the move (one version step) instead of a second pass
 * over the same lines and their new orders; each line still gets its own history row for the flag, after its split
 * row, as setLineFlag writes it. The lines must not carry the flag yet (the caller checked their versions).
 */
export type SplitFlag = {
  action: string;
  /** The moved lines that get the flag, when not all do (a line split off with a short one of its mall shipment). */
  only?: ReadonlySet<string> | undefined;
};

/**
 * Moves each split's `lineIds` of its `orderId` to a new order copied from it; the amounts follow the lines. All
 * splits together, a set at a time: one insert of the new orders, one update of the originals' amounts, one of the
 * lines and one insert of their history. Answers per split the new order's id and the original order's amount
 * before, which the way back restores.
 */
export async function splitOrders(
  trx: Trx,
  splits: readonly { orderId: string; lineIds: readonly string[] }[],
  c: SplitChange,
  flag?: SplitFlag,
): Promise<Split[]> {
  if (!splits.length) return [];
  // The table's columns (for the copies), read behind the statements below where the connection takes it.
  const orderColumns = readEarly(trx, () => trx('orders').columnInfo());
  const totalOf = new Map(
    (
      (await selectWhereIn(
        trx,
        'orders',
        'id',
        splits.map((s) => s.orderId),
        ['id', 'total_amount'],
      )) as { id: string; total_amount: number }[]
    ).map((o) => [o.id, o.total_amount]),
  );
  const lines = new Map(
    (
      await lineRows(
        trx,
        splits.flatMap((s) => s.lineIds),
      )
    ).map((l) => [l.id, l]),
  );
  const out: Split[] = [];
  const made: [string, string, number][] = [];
  const totals: [string, number][] = [];
  const moves: [string, string, null, ...boolean[]][] = [];
  for (const s of splits) {
    const totalBefore = totalOf.get(s.orderId)!;
    const moved = s.lineIds.map((id) => lines.get(id)!);
    const amount = moved.reduce((sum, l) => sum + l.amount, 0);
    const newOrderId = newId(ID_PREFIX.order);
    made.push([s.orderId, newOrderId, amount]);
    totals.push([s.orderId, totalBefore - amount]);
    // A line split off ships later, on its own: it leaves the box (a merged box, say) the rest ships in now.
    for (const id of s.lineIds) moves.push(flag?.only ? [id, newOrderId, null, flag.only.has(id)] : [id, newOrderId, null]);
    out.push({ orderId: s.orderId, newOrderId, lineIds: s.lineIds, totalBefore, boxIds: moved.map((l) => l.box_id) });
  }
  const columns = Object.keys(await orderColumns());
  // Each write is built while the database runs the one before (writeInOrder): the history rows (three per
  // split-off line with the flag) are made while the lines move.
  await writeInOrder(
    [
      () => copyOrdersWrite(trx, columns, made, c.now),
      () => updateValuesWrite(trx, 'orders', ['total_amount'], totals, { updated_at: c.now }),
      () =>
        flag?.only
          ? updateValuesWrite(trx, 'order_lines', ['order_id', 'box_id', 'sold_out'], moves, { updated_at: c.now })
          : updateValuesWrite(
              trx,
              'order_lines',
              ['order_id', 'box_id'],
              moves,
              flag ? { updated_at: c.now, sold_out: true } : { updated_at: c.now },
            ),
      () => historyWrite(trx, splitHistory(out, lines, c, flag)),
    ],
    moves.length >= OVERLAP_FROM,
  );
  return out;
}

/** The history rows of the splits: per split its lines' moves and the new order's row, then (flag) the lines' flag rows. */
function splitHistory(splits: readonly Split[], lines: Map<string, { id: string; status: string }>, c: SplitChange, flag?: SplitFlag): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const flagRows: HistoryRow[] = [];
  for (const s of splits) {
    const moved = s.lineIds.map((id) => lines.get(id)!);
    rows.push(...history(moved, s.newOrderId, 'split_order', c), {
      ...history([{ id: s.newOrderId, status: 'split' }], s.newOrderId, 'split_order', c)[0]!,
      entity: 'order',
      reason: storedReason(message(historyMessages.split_from, { reason: readStoredText(c.reason), order: s.orderId })),
    });
    const flagged = flag?.only ? moved.filter((l) => flag.only!.has(l.id)) : moved;
    if (flag) for (const row of history(flagged, s.newOrderId, flag.action, c)) flagRows.push({ ...row, batch_id: null });
  }
  for (const row of flagRows) rows.push(row);
  return rows;
}

/**
 * Inserts a copy of each order `[id, new id, total amount]` under its new id (no shipping fee, version 1), copied
 * inside the database: 10,000 orders read whole and sent back cost several times more. Every other column is the
 * original's, whatever columns the table has (`columns`, the table's).
 */
function copyOrdersWrite(trx: Trx, columns: readonly string[], made: readonly [string, string, number][], now: string): Write | null {
  if (!made.length) return null;
  const pg = isPostgres(trx as unknown as Db);
  const stamp = pg ? 'cast(? as timestamptz)' : '?';
  const given: Record<string, string> = {
    id: pg ? 'v.new_id' : 'v.value ->> 1',
    total_amount: pg ? 'v.amount' : 'v.value ->> 2',
    shipping_fee: '0',
    version: '1',
    created_at: stamp,
    updated_at: stamp,
  };
  const select = columns.map((col) => given[col] ?? `o."${col}"`);
  const bindings = columns.filter((col) => col === 'created_at' || col === 'updated_at').map(() => now);
  const from = pg
    ? 'json_to_recordset(?::json) as v(old_id text, new_id text, amount integer) join orders as o on o.id = v.old_id'
    : 'json_each(?) as v join orders as o on o.id = v.value ->> 0';
  const data = pg ? made.map(([old_id, new_id, amount]) => ({ old_id, new_id, amount })) : made;
  const sql = `insert into orders (${columns.map((col) => `"${col}"`).join(', ')}) select ${select.join(', ')} from ${from}`;
  const json = JSON.stringify(data);
  return async () => {
    await trx.raw(sql, [...bindings, json]);
  };
}

/** The way back, for all splits at once: the lines return to their orders, the amounts are restored and the split-off orders removed. */
export async function mergeSplitsBack(trx: Trx, splits: readonly Split[], c: SplitChange): Promise<void> {
  if (!splits.length) return;
  const lines = new Map(
    (
      await lineRows(
        trx,
        splits.flatMap((s) => s.lineIds),
      )
    ).map((l) => [l.id, l]),
  );
  await updateRows(
    trx,
    'order_lines',
    splits.flatMap((s) => s.lineIds.map((id, i) => ({ id, order_id: s.orderId, box_id: s.boxIds?.[i] ?? null }))),
    { updated_at: c.now },
  );
  await updateRows(
    trx,
    'orders',
    splits.map((s) => ({ id: s.orderId, total_amount: s.totalBefore })),
    { updated_at: c.now },
  );
  await whereIdIn(
    trx,
    trx('orders'),
    'id',
    splits.map((s) => s.newOrderId),
  ).delete();
  await insertHistory(
    trx,
    splits.flatMap((s) =>
      history(
        s.lineIds.map((id) => lines.get(id)!),
        s.orderId,
        'merge_split_back',
        c,
      ),
    ),
  );
}

/** Current versions of these orders (missing ones absent). */
export async function orderVersions(trx: Trx, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = (await whereIdIn(trx, trx('orders').select('id', 'version'), 'id', ids)) as { id: string; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}
