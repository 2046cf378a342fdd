// npm start's sample catalogue: on a fresh database, a SKU for every product and option the sandbox malls sell
// (korean-data.ts PRODUCTS), with some stock in the default warehouse, so a new user sees the sandbox orders arrive
// as unmatched (matching is enforced once the shop has a SKU) and can match them in the 매칭 sheet. Only into an
// empty catalogue, never over the seller's own; started by startDevSandboxes, which only npm start runs.
// The SKUs and their stock are made the way an operator's would be — saveSku (audit row, the first SKU flagging the
// waiting lines unmatched) and the stock module's one write path (a history row per stock) — in one transaction.
import { AppError } from '../../shared/errors.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Db } from '../db/knex.ts';
import type { Actor } from '../domain/actor.ts';
import { saveSku } from '../modules/catalogue/skus.service.ts';
import { catalogueInUse } from '../modules/matching/matching.service.ts';
import { countWithin, requireWarehouse } from '../modules/stock/stock.service.ts';
import { PRODUCTS } from './korean-data.ts';

/** Short codes a seller would give these products; a product added to the sandbox later gets P<n>. */
const CODE_PREFIX: Record<string, string> = {
  '무선 블루투스 이어폰 프로': 'EARPRO',
  '국내산 햇사과 5kg 가정용': 'APPLE5K',
  '스테인리스 텀블러 500ml': 'TUMB500',
  '기모 후드 집업': 'HOODZIP',
  '유기농 현미 10kg': 'RICE10K',
  '1+1 수분 크림 50ml': 'CREAM50',
  '고속 충전 케이블 C타입 2m': 'CABLEC2',
};

/** The stock history's reason for the sample stock: the seller reads it in the history, so it says what it is. */
export const SAMPLE_STOCK_REASON = '샘플 상품 초기 재고';

export type SampleSku = { code: string; name: string; option_text: string; cost: number; price: number; on_hand: number };

/** The sample SKUs: one per sandbox product and option, code PREFIX-n, cost about 55% of the price, varied stock. */
export function sampleCatalogue(): SampleSku[] {
  const out: SampleSku[] = [];
  PRODUCTS.forEach((product, p) => {
    const prefix = CODE_PREFIX[product.name] ?? `P${p + 1}`;
    product.options.forEach((option, o) => {
      const n = out.length;
      out.push({
        code: `${prefix}-${o + 1}`,
        name: product.name,
        option_text: option,
        cost: Math.round((product.price * 0.55) / 100) * 100,
        price: product.price,
        // Every fifth SKU has none, so a 품절해제 refused for short stock can be seen too.
        on_hand: n % 5 === 2 ? 0 : 10 + ((n * 7) % 40),
      });
    });
  });
  return out;
}

const SYSTEM: Actor = { type: 'system', id: null };

/** Fills an empty catalogue with the sample; answers how many SKUs it made (0 when the shop had SKUs already). */
export async function ensureSampleCatalogue(db: Db): Promise<number> {
  const sample = sampleCatalogue();
  try {
    return await db.transaction(async (trx) => {
      if (await catalogueInUse(trx)) return 0;
      const now = new Date().toISOString();
      const warehouse = await requireWarehouse(trx, undefined, 'warehouse_code');
      const counts: { key: { skuId: string; warehouseId: string }; on_hand: number }[] = [];
      for (const { on_hand, ...fields } of sample) {
        const { sku } = await saveSku(trx, SYSTEM, { requestId: 'startup' }, { fields }, now);
        if (on_hand > 0) counts.push({ key: { skuId: sku.id, warehouseId: warehouse.id }, on_hand });
      }
      await countWithin(trx, SYSTEM, counts, SAMPLE_STOCK_REASON, now);
      return sample.length;
    });
  } catch (error) {
    // Another instance starting on the same database filled it first: its insert or its row met ours.
    if (isUniqueViolation(error) || (error instanceof AppError && error.code === 'duplicate_code')) return 0;
    throw error;
  }
}
