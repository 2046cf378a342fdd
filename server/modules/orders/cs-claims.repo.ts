// The CS lists' reads of the order tables (claims with their lines and orders, sold-out-lines.repo.ts's way) and the
// acknowledgement of a withdrawn cancel, for server/modules/cs. Line flags are set through line-flags.repo.ts.
import type { Knex } from 'knex';
import { insertManyWrite, whereIdIn } from '../../db/bulk.ts';
import { RETURNING_STATUSES, type Status } from '../../../shared/lifecycle.ts';
import { isPostgres, type Db } from '../../db/knex.ts';

type Conn = Db | Knex.Transaction;

export type ClaimLineRow = {
  claim_id: string;
  type: string;
  line_id: string;
  line_version: number;
  order_id: string;
  order_version: number;
  mall_order_id: string | null;
  channel_name: string;
  product_name: string;
  option_text: string | null;
  /** The seller's SKU code(s) the line is matched to: what the warehouse looks for on a returned parcel. */
  sku_code: string | null;
  quantity: number;
  status: string;
  reason: string | null;
  /** The order's people, to find and mask in the reason for viewers; not shown themselves. */
  orderer_name: string | null;
  recipient_name: string | null;
  source: string;
  requested_at: string | Date;
  updated_at: string | Date;
};

function claimLines(db: Conn) {
  return db('claims as c')
    .join('order_lines as l', 'l.id', 'c.line_id')
    .join('orders as o', 'o.id', 'c.order_id')
    .whereNull('o.deleted_at')
    .select(
      'c.id as claim_id',
      'c.type',
      'l.id as line_id',
      'l.version as line_version',
      'o.id as order_id',
      'o.version as order_version',
      'o.mall_order_id',
      'o.channel_name',
      'l.product_name',
      'l.option_text',
      'l.sku_code',
      'l.quantity',
      'l.status',
      'c.reason',
      'o.orderer_name',
      'o.recipient_name',
      'c.source',
      'c.requested_at',
      'c.updated_at',
    );
}

type Page = { after?: string | undefined; limit: number };
const paged = (q: Knex.QueryBuilder, column: string, p: Page) => (p.after ? q.where(column, '>', p.after) : q).orderBy(column).limit(p.limit);

/** Lines of open return claims requested before `before` and not flagged yet: the ones to flag now. */
export function overdueReturnLineIds(db: Conn, before: string): Knex.QueryBuilder {
  return db('claims as c')
    .join('order_lines as l', 'l.id', 'c.line_id')
    .select('l.id')
    .where({ 'c.type': 'return', 'c.state': 'requested', 'l.status': 'RETURN_REQUESTED' })
    .where('c.requested_at', '<', before)
    .where('l.return_pickup_delayed', false);
}

/** Flagged lines still waiting for their return, with the open return claim, a page in line-id order. */
export async function delayedReturns(db: Conn, p: Page): Promise<ClaimLineRow[]> {
  const q = claimLines(db).where({ 'c.type': 'return', 'c.state': 'requested', 'l.status': 'RETURN_REQUESTED', 'l.return_pickup_delayed': true });
  return (await paged(q, 'l.id', p)) as ClaimLineRow[];
}

/** Open claims (requested), of one type or all, oldest first (claim ids sort in creation order). */
export async function openClaims(db: Conn, p: Page & { type?: string | undefined }): Promise<ClaimLineRow[]> {
  const q = claimLines(db).where('c.state', 'requested');
  if (p.type) q.where('c.type', p.type);
  return (await paged(q, 'c.id', p)) as ClaimLineRow[];
}

/**
 * Cancels withdrawn since `since` that nobody has acknowledged yet, while their line is to ship again: not those a
 * later claim took over (the buyer cancelled anew, or the mall re-entered the cancel: it is waiting in 클레임대기).
 */
export async function withdrawnCancels(db: Conn, p: Page & { since: string }): Promise<ClaimLineRow[]> {
  const later = db('claims as n')
    .whereRaw('n.line_id = c.line_id and n.id > c.id')
    .whereIn('n.state', ['requested', 'completed'])
    .select(db.raw('1'));
  const q = claimLines(db)
    .where({ 'c.type': 'cancel', 'c.state': 'withdrawn' })
    .whereNull('c.acknowledged_at')
    .where('c.updated_at', '>=', p.since)
    .whereNotExists(later);
  return (await paged(q, 'c.id', p)) as ClaimLineRow[];
}

/** Return and exchange claims (requested or completed) whose goods have not been received yet, oldest first. */
export async function returnsToReceive(db: Conn, p: Page): Promise<ClaimLineRow[]> {
  const q = claimLines(db)
    .whereIn('c.type', ['return', 'exchange'])
    .whereIn('c.state', ['requested', 'completed'])
    .whereIn('l.status', RETURNING_STATUSES as Status[])
    .whereNotExists(db('return_receipts as r').whereRaw('r.line_id = l.id').select(db.raw('1')));
  return (await paged(q, 'c.id', p)) as ClaimLineRow[];
}

export type ReturnLineRow = {
  id: string;
  order_id: string;
  status: string;
  quantity: number;
  /** The line's return or exchange claim (the latest requested or completed one), if any. */
  claim_id: string | null;
  received_at: string | Date | null;
  received_condition: string | null;
};

/** These lines (in id order, locked on PostgreSQL) with their claim and whether they were received already. */
export async function lockReturnLines(trx: Knex.Transaction, ids: readonly string[]): Promise<ReturnLineRow[]> {
  if (!ids.length) return [];
  const claim = trx('claims as c')
    .whereRaw('c.line_id = l.id')
    .whereIn('c.type', ['return', 'exchange'])
    .whereIn('c.state', ['requested', 'completed'])
    .orderBy('c.id', 'desc')
    .limit(1)
    .select('c.id');
  const q = trx('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .whereNull('o.deleted_at')
    .leftJoin('return_receipts as r', 'r.line_id', 'l.id')
    .select('l.id', 'l.order_id', 'l.status', 'l.quantity', claim.as('claim_id'), 'r.received_at', 'r.condition as received_condition')
    .orderBy('l.id');
  whereIdIn(trx, q, 'l.id', ids);
  if (isPostgres(trx as Db)) q.forUpdate('l');
  return (await q) as ReturnLineRow[];
}

/** What each of these lines needs per unit: `[line_id, sku_id, quantity]` (its own copy of its match). */
export async function lineSkusOf(trx: Knex.Transaction, lineIds: readonly string[]): Promise<[string, string, number][]> {
  if (!lineIds.length) return [];
  const rows = (await whereIdIn(
    trx,
    trx('line_skus').select('line_id', 'sku_id', 'quantity').orderBy(['line_id', 'sku_id']),
    'line_id',
    lineIds,
  )) as {
    line_id: string;
    sku_id: string;
    quantity: number;
  }[];
  return rows.map((r) => [r.line_id, r.sku_id, Number(r.quantity)]);
}

/** Which of these lines had their returned goods received (반품 입고), and when. */
export async function loadReceipts(trx: Conn, lineIds: string[]): Promise<Map<string, string>> {
  const rows = (await whereIdIn(trx, trx('return_receipts').select('line_id', 'received_at'), 'line_id', [...new Set(lineIds)])) as {
    line_id: string;
    received_at: string | Date;
  }[];
  return new Map(rows.map((r) => [r.line_id, new Date(r.received_at).toISOString()]));
}

export type ReceiptRow = {
  line_id: string;
  order_id: string;
  claim_id: string | null;
  condition: 'sellable' | 'defective';
  warehouse_id: string | null;
  units: number;
  note: string | null;
  batch_id: string;
  received_by: string | null;
  received_at: string;
};

export async function insertReceipts(trx: Knex.Transaction, rows: readonly ReceiptRow[]): Promise<void> {
  await insertManyWrite(trx, 'return_receipts', rows)?.();
}

export type AckRow = { id: string; order_id: string; line_id: string };

/** The withdrawn, unacknowledged cancels among these ids, locked (PostgreSQL) in id order. */
export async function lockUnacknowledged(trx: Conn, ids: readonly string[]): Promise<AckRow[]> {
  const q = trx('claims')
    .select('id', 'order_id', 'line_id')
    .where({ type: 'cancel', state: 'withdrawn' })
    .whereNull('acknowledged_at')
    .orderBy('id');
  whereIdIn(trx, q, 'id', ids);
  if (isPostgres(trx as Db)) q.forUpdate();
  return (await q) as AckRow[];
}

export async function markAcknowledged(trx: Conn, ids: readonly string[], by: string | null, now: string): Promise<void> {
  if (!ids.length) return;
  await whereIdIn(trx, trx('claims'), 'id', ids).update({
    acknowledged_at: now,
    acknowledged_by: by,
    version: trx.raw('version + 1'),
    updated_at: now,
  });
}
