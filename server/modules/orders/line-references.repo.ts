// The lines a reference names, for imports that name orders the way the outside world does (issue 10): our box key
// (a box id, or an order id for the lines a booking file sent before they had a box), the mall's order number, the
// mall's line number. Set-based: 50,000 references are a handful of statements.
import type { Knex } from 'knex';
import type { InvoiceReference } from '../../../shared/files/templates.ts';
import { LEAVES_BOX } from '../../../shared/lifecycle.ts';
import { selectWhereIn } from '../../db/bulk.ts';
import { ID_PREFIX } from '../../db/ids.ts';

type Conn = Knex | Knex.Transaction;

/** The lines each reference value names: a box's lines, an order's lines, or one line; and for orders, which. */
export type Resolved = Map<string, { lineIds: string[]; orderIds: Set<string> }>;

type FoundLine = { id: string; order_id: string; box_id: string | null; mall_line_id: string | null };
const LINE = ['id', 'order_id', 'box_id', 'mall_line_id'];

export async function resolveReferences(db: Conn, reference: InvoiceReference, values: readonly string[]): Promise<Resolved> {
  const out: Resolved = new Map();
  const add = (key: string, line: FoundLine) => {
    const entry = out.get(key) ?? { lineIds: [], orderIds: new Set<string>() };
    entry.lineIds.push(line.id);
    entry.orderIds.add(line.order_id);
    out.set(key, entry);
  };
  if (reference === 'box_key' || reference === 'mall_line_id') {
    const column = reference === 'box_key' ? 'box_id' : 'mall_line_id';
    const lines = (await selectWhereIn(db, 'order_lines', column, values, LINE)) as FoundLine[];
    for (const line of lines) add(String(line[column]), line);
    return out;
  }
  const orders = (await selectWhereIn(db, 'orders', 'mall_order_id', values, ['id', 'mall_order_id', 'deleted_at'])) as {
    id: string;
    mall_order_id: string;
    deleted_at: string | null;
  }[];
  const live = orders.filter((o) => !o.deleted_at);
  const orderNumber = new Map(live.map((o) => [o.id, o.mall_order_id]));
  const lines = (await selectWhereIn(
    db,
    'order_lines',
    'order_id',
    live.map((o) => o.id),
    LINE,
  )) as FoundLine[];
  for (const line of lines) add(orderNumber.get(line.order_id)!, line);
  return out;
}

/** A box key that is an order id: the booking file keyed that order's lines, which had no box yet, by it. */
export const isOrderKey = (key: string): boolean => key.startsWith(`${ID_PREFIX.order}_`);

/**
 * The lines an order key names: the order's lines still without a box that ship (what its booking row held: not
 * sold-out ones), for live orders only. Once the booking's result numbered them they are in a box: the key then
 * names that box's lines of the order, so a courier's corrected file (the same key, another number) renumbers it,
 * or says the number is there already. An order whose lines are in several boxes names none that way.
 */
export async function orderKeyLines(db: Conn, orderIds: readonly string[]): Promise<Resolved> {
  const out: Resolved = new Map();
  const live = new Set(
    ((await selectWhereIn(db, 'orders', 'id', orderIds, ['id', 'deleted_at'])) as { id: string; deleted_at: string | null }[])
      .filter((o) => !o.deleted_at)
      .map((o) => o.id),
  );
  const lines = (await selectWhereIn(db, 'order_lines', 'order_id', [...live], [...LINE, 'status', 'sold_out'])) as (FoundLine & {
    status: string;
    sold_out: boolean | number;
  })[];
  const leaves = new Set<string>(LEAVES_BOX);
  const boxed = new Map<string, Map<string, string[]>>();
  const add = (orderId: string, lineIds: string[]) => {
    const entry = out.get(orderId) ?? { lineIds: [], orderIds: new Set([orderId]) };
    entry.lineIds.push(...lineIds);
    out.set(orderId, entry);
  };
  for (const line of lines) {
    if (leaves.has(line.status) || line.sold_out) continue;
    if (!line.box_id) add(line.order_id, [line.id]);
    else {
      const boxes = boxed.get(line.order_id) ?? new Map<string, string[]>();
      boxes.set(line.box_id, [...(boxes.get(line.box_id) ?? []), line.id]);
      boxed.set(line.order_id, boxes);
    }
  }
  for (const [orderId, boxes] of boxed) if (!out.has(orderId) && boxes.size === 1) add(orderId, [...boxes.values()][0]!);
  return out;
}
