// Writing npm start's sample catalogue: SKUs and their stock in the default warehouse, with the stock history row
// every stock change has, all in one transaction and only into an empty catalogue.
import type { Db } from '../db/knex.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { SkuRow } from '../modules/catalogue/skus.repo.ts';

export type SampleSkuRow = Pick<SkuRow, 'id' | 'code' | 'name' | 'option_text' | 'cost' | 'price'>;

export type SampleStock = { sku_id: string; on_hand: number };

/**
 * Inserts the SKUs and their stock (warehouse `warehouseId`) when the catalogue has no SKU yet; answers how many were
 * inserted (0 when it had some, or when another instance starting on the same database filled it first).
 */
export async function insertIntoEmptyCatalogue(
  db: Db,
  skus: readonly SampleSkuRow[],
  stock: readonly SampleStock[],
  warehouseId: string,
  reason: string,
): Promise<number> {
  try {
    return await db.transaction(async (trx) => {
      const [row] = (await trx('skus').count({ n: '*' })) as { n: number | string }[];
      if (Number(row?.n ?? 0) > 0) return 0;
      const now = new Date().toISOString();
      await trx('skus').insert(skus.map((s) => ({ ...s, status: 'active', version: 1, created_at: now, updated_at: now })));
      const stocked = stock.filter((s) => s.on_hand > 0);
      if (stocked.length) {
        await trx('stock').insert(
          stocked.map((s) => ({ sku_id: s.sku_id, warehouse_id: warehouseId, on_hand: s.on_hand, allocated: 0, version: 1, updated_at: now })),
        );
        await trx('stock_history').insert(
          stocked.map((s) => ({
            sku_id: s.sku_id,
            warehouse_id: warehouseId,
            kind: 'count',
            on_hand_before: 0,
            on_hand_after: s.on_hand,
            allocated_before: 0,
            allocated_after: 0,
            reason,
            actor_type: 'system',
            at: now,
          })),
        );
      }
      return skus.length;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}
