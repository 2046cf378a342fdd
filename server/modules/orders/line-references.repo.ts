// The lines a reference names, for imports that name orders the way the outside world does (issue 10): our box key,
// the mall's order number, the mall's line number. Set-based: 50,000 references are a handful of statements.
import type { Knex } from 'knex';
import type { InvoiceReference } from '../../../shared/files/templates.ts';
import { selectWhereIn } from '../../db/bulk.ts';

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
