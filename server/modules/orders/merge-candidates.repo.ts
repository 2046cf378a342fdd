// The lines on the shipping desk that merge-packing may put together (issue 12), with their orders' recipients.
// Order tables are the orders module's; merge asks here and changes lines and boxes through the working set.
import type { Knex } from 'knex';
import { CLAIM_STATUSES } from '../../../shared/lifecycle.ts';
import { selectPacked, whereIdIn } from '../../db/bulk.ts';

type Conn = Knex | Knex.Transaction;

/** A line that may merge, with what its order says of the recipient: what the plan compares. */
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
};

/** What the preview's sheet shows of a line besides its recipient. */
export type SheetFields = {
  line_id: string;
  box_id: string | null;
  product_name: string;
  option_text: string | null;
  quantity: number;
  mall_order_id: string | null;
  channel_name: string;
};

const FIELDS = [
  'line_id',
  'order_id',
  'line_no',
  'order_version',
  'recipient_name',
  'recipient_phone',
  'recipient_mobile',
  'recipient_zip',
  'recipient_address1',
  'recipient_address2',
];
const SHEET_FIELDS = ['line_id', 'box_id', 'product_name', 'option_text', 'quantity', 'mall_order_id', 'channel_name'];

const CLAIMED = Object.values(CLAIM_STATUSES).map((s) => s.requested);

/**
 * The shipping desk's lines that may merge: released (READY), in no box or a box without a number, not sold out or
 * unmatched, of orders not held, merge-locked, deleted or with a line under a claim; in no particular order (sorting
 * 100,000 rows in SQL cost more than the plan itself: the caller groups them by order). Only what the plan needs:
 * the sheet's fields are read for the lines that end up in a group (sheetFields), a third of a 100,000-line desk.
 */
export async function candidateLines(db: Conn): Promise<CandidateRow[]> {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .where('l.status', 'READY')
    .whereNull('b.tracking_number')
    .where('l.sold_out', false)
    .where('l.unmatched', false)
    .where('o.hold', false)
    .where('o.merge_locked', false)
    .whereNull('o.deleted_at')
    // One list of the claimed orders, made once (few lines are under a claim), rather than a lookup per line: on
    // SQLite this halved the statement's time for 100,000 lines. order_id is never null, so NOT IN is NOT EXISTS.
    .whereNotIn('o.id', db('order_lines as c').select('c.order_id').whereIn('c.status', CLAIMED))
    .select(
      'l.id as line_id',
      'l.order_id',
      'l.line_no',
      'o.version as order_version',
      'o.recipient_name',
      'o.recipient_phone',
      'o.recipient_mobile',
      'o.recipient_zip',
      'o.recipient_address1',
      'o.recipient_address2',
    );
  return (await selectPacked(db, q, FIELDS)) as CandidateRow[];
}

/** The sheet's fields of these lines (gone lines absent), by line id. */
export async function sheetFields(db: Conn, lineIds: readonly string[]): Promise<Map<string, SheetFields>> {
  if (!lineIds.length) return new Map();
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .select('l.id as line_id', 'l.box_id', 'l.product_name', 'l.option_text', 'l.quantity', 'o.mall_order_id', 'o.channel_name');
  const rows = (await selectPacked(db, whereIdIn(db, q, 'l.id', lineIds), SHEET_FIELDS)) as SheetFields[];
  return new Map(rows.map((r) => [r.line_id, r]));
}
