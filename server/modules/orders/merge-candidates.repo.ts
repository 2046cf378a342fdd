// The lines on the shipping desk that merge-packing may put together (issue 12), with their orders' recipients.
// Order tables are the orders module's; merge asks here and changes lines and boxes through the working set.
import type { Knex } from 'knex';
import { CLAIM_STATUSES } from '../../../shared/lifecycle.ts';
import { selectPacked, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

/** A line on the desk with its order's recipient name: all the plan needs to tell which orders may share one. */
export type DeskName = { order_id: string; recipient_name: string | null };

/** A line that may merge, with what its order says of the recipient (what the plan compares) and what the sheet shows. */
export type CandidateRow = {
  line_id: string;
  order_id: string;
  line_no: number;
  order_version: number;
  recipient_name: string | null;
  recipient_phone: string | null;
  recipient_mobile: string | null;
  recipient_zip: string | null;
  recipient_address1: string | null;
  recipient_address2: string | null;
  box_id: string | null;
  product_name: string;
  option_text: string | null;
  quantity: number;
  mall_order_id: string | null;
  channel_name: string;
};

/** Each field of a candidate row and the column it is read from: one list for the select and the packed read. */
const CANDIDATE_COLUMNS: Record<keyof CandidateRow, string> = {
  line_id: 'l.id',
  order_id: 'l.order_id',
  line_no: 'l.line_no',
  order_version: 'o.version',
  recipient_name: 'o.recipient_name',
  recipient_phone: 'o.recipient_phone',
  recipient_mobile: 'o.recipient_mobile',
  recipient_zip: 'o.recipient_zip',
  recipient_address1: 'o.recipient_address1',
  recipient_address2: 'o.recipient_address2',
  box_id: 'l.box_id',
  product_name: 'l.product_name',
  option_text: 'l.option_text',
  quantity: 'l.quantity',
  mall_order_id: 'o.mall_order_id',
  channel_name: 'o.channel_name',
};
const FIELDS = Object.keys(CANDIDATE_COLUMNS);
const NAME_FIELDS = ['order_id', 'recipient_name'];

const CLAIMED = Object.values(CLAIM_STATUSES).map((s) => s.requested);

/**
 * The desk: released (READY) lines in no box or a box without a number, not sold out or unmatched, of orders not
 * held, merge-locked, deleted or with a line under a claim. `statusIndex: false` keeps SQLite from finding the lines
 * through the status index (it would, for a list of orders too, walking every READY line instead of the orders').
 */
function desk(db: Conn, o: { statusIndex: boolean }): Knex.QueryBuilder {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .whereNull('b.tracking_number')
    .where('l.sold_out', false)
    .where('l.unmatched', false)
    .where('o.hold', false)
    .where('o.merge_locked', false)
    .whereNull('o.deleted_at')
    // One list of the claimed orders, made once (few lines are under a claim), rather than a lookup per line: on
    // SQLite this halved the statement's time for 100,000 lines. order_id is never null, so NOT IN is NOT EXISTS.
    .whereNotIn('o.id', db('order_lines as c').select('c.order_id').whereIn('c.status', CLAIMED));
  // A unary + makes the column no index's term on SQLite; PostgreSQL plans by its statistics.
  return o.statusIndex || isPostgres(db as Knex) ? q.where('l.status', 'READY') : q.whereRaw('+?? = ?', ['l.status', 'READY']);
}

/**
 * Every line on the desk, with only its order and recipient name, in no particular order (sorting 100,000 rows in
 * SQL cost more than the plan itself). Orders whose name no other order has cannot merge: their recipients are
 * never read (candidateLines reads the rest), which on a 100,000-line desk is most of them.
 */
export async function deskNames(db: Conn): Promise<DeskName[]> {
  const q = desk(db, { statusIndex: true }).select('l.order_id', 'o.recipient_name');
  return (await selectPacked(db, q, NAME_FIELDS)) as DeskName[];
}

/** The desk's lines of these orders, with everything the plan compares and the preview's sheet shows. */
export async function candidateLines(db: Conn, orderIds: readonly string[]): Promise<CandidateRow[]> {
  if (!orderIds.length) return [];
  const q = desk(db, { statusIndex: false }).select(Object.entries(CANDIDATE_COLUMNS).map(([field, column]) => `${column} as ${field}`));
  return (await selectPacked(db, whereIdIn(db, q, 'o.id', orderIds), FIELDS)) as CandidateRow[];
}
