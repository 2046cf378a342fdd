// The lines a courier booking file is made of: each shipping line with its box and its order's recipient. A merged
// box holds lines of several orders; shared/files/booking-rows.ts turns the lines of one box into one row.
// Lines waiting for their number (READY) usually have no box yet — boxes are made when a number is set — so such a
// line is keyed by its order id: the courier echoes that key back and the invoice import numbers the order's lines
// (orders/line-references.repo.ts reads both kinds of key).
import type { BookingLine } from '../../../shared/files/booking-rows.ts';
import type { Knex } from 'knex';
import { BEFORE_FIRST_NUMBER, LEAVES_BOX, type Status } from '../../../shared/lifecycle.ts';
import { WHOLE_SHIPMENT_MALLS } from '../../../shared/malls.ts';
import { whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

export type BookingFilter = {
  statuses?: readonly Status[] | undefined;
  boxIds?: readonly string[] | undefined;
  /** The boxes these lines are in (labels of the selected rows). */
  lineIds?: readonly string[] | undefined;
};

/** Statuses of a line that has not had its first number yet (shared/lifecycle.ts), as the query binds them. */
const BEFORE_NUMBER = [...BEFORE_FIRST_NUMBER];

/**
 * Where line `x` of order `xo` keeps its parcel's label from being printed (송장 출력 제외): its order is held (a
 * hold refuses every number and ship), it is sold out without its first number (it gets none), or its mall takes a
 * shipment whole (Coupang) and a sold-out item of that shipment has no number yet (engine/core.ts shipmentSoldOut).
 * The number the courier sends back for it could not be set.
 */
function stuck(db: Db, x: string, xo: string) {
  return (w: Knex.QueryBuilder) =>
    w
      .where(`${xo}.hold`, true)
      .orWhere((q) => q.where(`${x}.sold_out`, true).whereIn(`${x}.status`, BEFORE_NUMBER))
      .orWhere((q) =>
        q.whereIn(`${x}.status`, BEFORE_NUMBER).whereExists((sibling) =>
          sibling
            .select(db.raw('1'))
            .from('order_lines as sl')
            .join('mall_accounts as ma', 'ma.id', 'sl.mall_account_id')
            .whereRaw(`sl.order_id = ${x}.order_id`)
            .whereRaw(`sl.mall_shipment_id = ${x}.mall_shipment_id`)
            .whereRaw(`sl.id <> ${x}.id`)
            .where('sl.sold_out', true)
            .whereIn('sl.status', BEFORE_NUMBER)
            .whereIn('ma.mall_type', [...WHOLE_SHIPMENT_MALLS]),
        ),
      );
}

/**
 * Lines by box or, without one, by order (oldest first), cancelled and returned lines left out (they do not ship).
 * A line that is stuck (above) is left out on its own when it has no box — its order's other lines are numbered by
 * the courier's result, unless they are stuck too — and with its whole box when it has one: a box is numbered as a
 * unit, so one stuck line in a merged box would have the courier's number refused for all of it.
 */
export async function bookingLines(db: Db, f: BookingFilter): Promise<BookingLine[]> {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .whereNull('o.deleted_at')
    .whereNotIn('l.status', LEAVES_BOX as Status[])
    .where((w) => w.whereNotNull('l.box_id').orWhereNot(stuck(db, 'l', 'o')))
    .where((w) =>
      w.whereNull('l.box_id').orWhereNotExists((box) =>
        box
          .select(db.raw('1'))
          .from('order_lines as bl')
          .join('orders as bo', 'bo.id', 'bl.order_id')
          .whereRaw('bl.box_id = l.box_id')
          .whereNotIn('bl.status', LEAVES_BOX as Status[])
          .where(stuck(db, 'bl', 'bo')),
      ),
    )
    .select(
      db.raw('coalesce(l.box_id, l.order_id) as box_id'),
      'b.tracking_number',
      'b.courier',
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
  if (f.lineIds?.length)
    q.whereIn('l.box_id', whereIdIn(db, db('order_lines as sel').select('sel.box_id').whereNotNull('sel.box_id'), 'sel.id', f.lineIds));
  return (await q) as BookingLine[];
}
