// The 합포 column of the lines view (order-views.repo.ts): which orders share a line's box, read per page.
import type { Knex } from 'knex';
import { LEAVES_BOX, type Status } from '../../../shared/lifecycle.ts';
import { whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

/**
 * The 합포 column (box_group): a line whose box also holds other orders' lines shows the box's first mall order
 * number and how many orders more share it ("2026112500001+2"), the same on every line of the box — so sorting or
 * filtering by it brings a merged box's rows together, and the operator sees one number is typed for all of them.
 * Empty for a line alone in its box or without one; lines that left the box (cancelled …) do not count. Read for the rows' boxes only (one grouped probe of the box
 * index), not kept on the box: merges, splits and undos change it without having to maintain it.
 */
export async function fillBoxGroups(db: Db | Knex.Transaction, rows: Record<string, unknown>[], dropBox: boolean): Promise<void> {
  const boxIds = [...new Set(rows.map((r) => r.box_id).filter((id): id is string => typeof id === 'string'))];
  const groups = new Map<string, string>();
  if (boxIds.length) {
    const shared = whereIdIn(
      db,
      db('order_lines as l')
        .join('orders as o', 'o.id', 'l.order_id')
        .select('l.box_id')
        .min('o.mall_order_id as first')
        .countDistinct('l.order_id as orders')
        // Lines that left the box (cancelled, returned, exchanged) and deleted orders are not in it any more.
        .whereNotIn('l.status', LEAVES_BOX as Status[])
        .whereNull('o.deleted_at')
        .groupBy('l.box_id')
        .havingRaw('count(distinct l.order_id) > 1'),
      'l.box_id',
      boxIds,
    );
    for (const g of (await shared) as { box_id: string; first: string | null; orders: number | string }[])
      groups.set(g.box_id, `${g.first ?? ''}+${Number(g.orders) - 1}`);
  }
  for (const r of rows) {
    r.box_group = (typeof r.box_id === 'string' && groups.get(r.box_id)) || null;
    if (dropBox) delete r.box_id;
  }
}
