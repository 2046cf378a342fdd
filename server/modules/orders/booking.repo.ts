// The lines a courier booking file is made of: each shipping line with its box and its order's recipient. A merged
// box holds lines of several orders; shared/files/booking-rows.ts turns the lines of one box into one row.
// Lines waiting for their number (READY) usually have no box yet — boxes are made when a number is set — so such a
// line is keyed by its order id: the courier echoes that key back and the invoice import numbers the order's lines
// (orders/line-references.repo.ts reads both kinds of key).
import type { BookingLine } from '../../../shared/files/booking-rows.ts';
import { LEAVES_BOX, type Status } from '../../../shared/lifecycle.ts';
import { WHOLE_SHIPMENT_MALLS } from '../../../shared/malls.ts';
import type { Db } from '../../db/knex.ts';

export type BookingFilter = { statuses?: readonly Status[] | undefined; boxIds?: readonly string[] | undefined };

/**
 * Lines by box or, without one, by order (oldest first), cancelled and returned lines left out (they do not ship),
 * and so are sold-out lines still waiting for a number (송장 출력 제외: the number the courier sends back could not
 * be set on them, and the order's other lines would be refused with them). Held orders (출고보류) are left out
 * whole, and so is a merged box holding one: a hold refuses every number and every ship (lifecycle.ts), so their
 * label would be printed for a parcel that must not leave. So is a line whose mall shipment waits for a sold-out item.
 */
export async function bookingLines(db: Db, f: BookingFilter): Promise<BookingLine[]> {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .whereNull('o.deleted_at')
    .whereNotIn('l.status', LEAVES_BOX as Status[])
    .where((w) => w.whereNotNull('l.box_id').orWhere('l.sold_out', false))
    .where('o.hold', false)
    .where((w) =>
      w.whereNull('l.box_id').orWhereNotExists((held) =>
        held
          .select(db.raw('1'))
          .from('order_lines as bl')
          .join('orders as bo', 'bo.id', 'bl.order_id')
          .whereRaw('bl.box_id = l.box_id')
          .where('bo.hold', true)
          .whereNotIn('bl.status', LEAVES_BOX as Status[]),
      ),
    )
    // A line waiting for its first number whose mall takes its shipment whole (Coupang) waits with a sold-out item
    // of that shipment: the number could not be set on it (engine/core.ts shipmentSoldOut).
    .where((w) =>
      w.whereNot('l.status', 'READY').orWhereNotExists((soldOut) =>
        soldOut
          .select(db.raw('1'))
          .from('order_lines as sl')
          .join('mall_accounts as ma', 'ma.id', 'sl.mall_account_id')
          .whereRaw('sl.order_id = l.order_id')
          .whereRaw('sl.mall_shipment_id = l.mall_shipment_id')
          .whereRaw('sl.id <> l.id')
          .where('sl.sold_out', true)
          .where('sl.status', 'READY')
          .whereIn('ma.mall_type', [...WHOLE_SHIPMENT_MALLS]),
      ),
    )
    .select(
      db.raw('coalesce(l.box_id, l.order_id) as box_id'),
      'o.mall_order_id',
      'o.orderer_name',
      'o.recipient_name',
      'o.recipient_phone',
      'o.recipient_mobile',
      'o.recipient_zip',
      'o.recipient_address1',
      'o.recipient_address2',
      'o.delivery_memo',
      'l.product_name',
      'l.option_text',
      'l.quantity',
    )
    // The same order on both databases (NULLs sort differently there): a key's first moment, the key, the line.
    .orderByRaw('coalesce(b.created_at, o.created_at), coalesce(l.box_id, l.order_id), l.order_id, l.line_no');
  if (f.statuses?.length) q.whereIn('l.status', f.statuses as Status[]);
  if (f.boxIds?.length) q.whereIn('l.box_id', f.boxIds as string[]);
  return (await q) as BookingLine[];
}
