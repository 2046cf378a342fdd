// Gift lines in the tables: where an order's own lines stand (line numbers, box, status), inserting gift lines
// with their SKUs, and removing them again (undo of a gift batch). Set-based, whatever the number of orders.
import type { Knex } from 'knex';
import { insertMany, selectWhereIn, updateByIds, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';
import type { NewLine } from './orders.repo.ts';

type Trx = Knex.Transaction;

export type OrderPlace = { order_id: string; max_line_no: number; box_id: string | null; status: string };

/** Per order: its last line number, and the box and status its own open lines share (null / NEW when they differ). */
export async function placesOf(trx: Trx, orderIds: readonly string[]): Promise<Map<string, OrderPlace>> {
  const rows = (await selectWhereIn(trx, 'order_lines', 'order_id', [...orderIds], ['order_id', 'line_no', 'box_id', 'status', 'gift_rule_id'])) as {
    order_id: string;
    line_no: number;
    box_id: string | null;
    status: string;
    gift_rule_id: string | null;
  }[];
  const out = new Map<string, OrderPlace & { seen: boolean }>();
  for (const r of rows) {
    const p = out.get(r.order_id) ?? { order_id: r.order_id, max_line_no: 0, box_id: null, status: 'NEW', seen: false };
    p.max_line_no = Math.max(p.max_line_no, r.line_no);
    if (!r.gift_rule_id && (r.status === 'NEW' || r.status === 'READY')) {
      if (!p.seen) Object.assign(p, { box_id: r.box_id, status: r.status, seen: true });
      else {
        if (p.box_id !== r.box_id) p.box_id = null;
        if (p.status !== r.status) p.status = 'NEW';
      }
    }
    out.set(r.order_id, p);
  }
  return out;
}

export async function insertGiftLines(
  trx: Trx,
  lines: readonly (NewLine & { gift_rule_id: string })[],
  skus: readonly { line_id: string; sku_id: string; quantity: number }[],
): Promise<void> {
  await insertMany(
    trx,
    'order_lines',
    lines.map((l) => ({ ...l, version: 1 })),
  );
  await insertMany(trx, 'line_skus', skus);
}

/** Gift lines as they are now (the ones still there), for undo's check. */
export async function giftLinesNow(trx: Trx, ids: readonly string[]) {
  return (await selectWhereIn(trx, 'order_lines', 'id', [...ids], ['id', 'order_id', 'status', 'version', 'gift_rule_id'])) as {
    id: string;
    order_id: string;
    status: string;
    version: number;
    gift_rule_id: string | null;
  }[];
}

export async function orderVersions(trx: Trx, ids: readonly string[], lock: boolean): Promise<Map<string, number>> {
  const q = trx('orders').select('id', 'version').orderBy('id');
  whereIdIn(trx, q, 'id', ids);
  if (lock && isPostgres(trx as unknown as Knex)) q.forUpdate();
  return new Map(((await q) as { id: string; version: number }[]).map((r) => [r.id, r.version]));
}

export async function deleteGiftLines(trx: Trx, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await whereIdIn(trx, trx('line_skus'), 'line_id', ids).delete();
  await whereIdIn(trx, trx('order_lines'), 'id', ids).delete();
}

/** One more version for each order (a line was added to or removed from it). */
export const bumpOrders = (trx: Trx, ids: readonly string[], now: string) => updateByIds(trx, 'orders', ids, { updated_at: now });
