// npm start's sample catalogue: on a fresh database, a SKU for every product and option the sandbox malls sell
// (korean-data.ts PRODUCTS), with some stock in the default warehouse, so a new user sees the sandbox orders arrive
// as unmatched (matching is enforced once the shop has a SKU) and can match them in the 매칭 sheet. Only into an
// empty catalogue, never over the seller's own; started by startDevSandboxes, which only npm start runs.
import { newId } from '../db/ids.ts';
import type { Db } from '../db/knex.ts';
import { DEFAULT_WAREHOUSE_ID } from '../db/migrations/20261127000000_catalogue.ts';
import { PRODUCTS } from './korean-data.ts';
import { insertIntoEmptyCatalogue, type SampleSkuRow, type SampleStock } from './sample-catalogue.repo.ts';

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

export const SAMPLE_STOCK_REASON = '샘플 상품 재고 (npm start)';

export type SampleSku = Omit<SampleSkuRow, 'id'> & { on_hand: number };

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

/** Fills an empty catalogue with the sample; answers how many SKUs it made (0 when the shop had SKUs already). */
export async function ensureSampleCatalogue(db: Db): Promise<number> {
  const rows = sampleCatalogue().map(({ on_hand, ...sku }) => ({ sku: { ...sku, id: newId('sku') }, on_hand }));
  const stock: SampleStock[] = rows.map((r) => ({ sku_id: r.sku.id, on_hand: r.on_hand }));
  return insertIntoEmptyCatalogue(
    db,
    rows.map((r) => r.sku),
    stock,
    DEFAULT_WAREHOUSE_ID,
    SAMPLE_STOCK_REASON,
  );
}
