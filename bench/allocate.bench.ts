// allocate: stock allocation (재고할당) preview and apply on 10,000 and 100,000 released (READY, matched) lines —
// 5,000 SKUs, 3 warehouses (MAIN with half the SKUs' stock, two more by code), each line one SKU (one in five a set
// of two), stock for about four lines in five — under 선배송 (the policy that does the most: allocations, splits,
// sold-out flags). Seconds for the preview and for the apply through the services the routes call, and the growth
// from 10k to 100k. Target (with merge): 100k merge + allocate ≤ 3 s on SQLite; growth ≤ 12×.
import type { Db } from '../server/db/knex.ts';
import { applyAllocation, previewAllocation } from '../server/modules/allocation/allocation.service.ts';
import { benchServer, report, round, seconds } from './harness.ts';
import { benchSkus, seedOrders } from './seed.ts';

const SKUS = 5_000;
const system = { type: 'system', id: null } as const;

async function seedCatalogue(db: Db, lineIds: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  const skus = benchSkus(SKUS, now);
  const warehouses = ['W2', 'W3'].map((code) => ({
    id: `wh_${code}`,
    code,
    name: code,
    kind: 'warehouse',
    is_default: false,
    active: true,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  const lineSkus: Record<string, unknown>[] = [];
  lineIds.forEach((id, i) => {
    lineSkus.push({ line_id: id, sku_id: skus[i % SKUS]!.id, quantity: 1 });
    if (i % 5 === 0) lineSkus.push({ line_id: id, sku_id: skus[(i + 1) % SKUS]!.id, quantity: 1 });
  });
  // Per SKU about 0.8 × the units its lines need, spread over the three warehouses.
  const perSku = Math.max(1, Math.round((lineIds.length * 1.2 * 0.8) / SKUS));
  const stock: Record<string, unknown>[] = [];
  for (const [i, s] of skus.entries()) {
    const whs = ['wh_default', 'wh_W2', 'wh_W3'];
    whs.forEach((w, j) => {
      const q = Math.floor(perSku / 3) + (j < perSku % 3 ? 1 : 0) + (i % 7 === j ? 1 : 0);
      if (q > 0) stock.push({ sku_id: s.id, warehouse_id: w, on_hand: q, allocated: 0, version: 1, updated_at: now });
    });
  }
  await db.transaction(async (trx) => {
    await trx.batchInsert('skus', skus, 500);
    await trx.batchInsert('warehouses', warehouses, 100);
    await trx.batchInsert('line_skus', lineSkus, 400);
    await trx.batchInsert('stock', stock, 400);
  });
}

async function measure(lines: number) {
  const s = await benchServer();
  const db = s.deps.db;
  try {
    const { lineIds } = await seedOrders(db, { orders: lines / 2, linesPerOrder: 2, status: 'READY' });
    await seedCatalogue(db, lineIds);
    const preview = await seconds(() => previewAllocation(db, system, { policy: 'available', order_rule: 'date' }));
    const apply = await seconds(() => applyAllocation(db, system, preview.result.batch_id));
    return { preview: preview.seconds, apply: apply.seconds, counts: apply.result.counts, rows: preview.result.rows.length };
  } finally {
    await s.close();
  }
}

export async function run(): Promise<void> {
  const small = await measure(10_000);
  const large = await measure(100_000);
  const total = (m: typeof small) => m.preview + m.apply;
  report({
    bench: 'allocate',
    database: 'sqlite',
    skus: SKUS,
    warehouses: 3,
    policy: 'available (선배송)',
    lines_10k: { preview_seconds: round(small.preview), apply_seconds: round(small.apply), counts: small.counts },
    lines_100k: { preview_seconds: round(large.preview), apply_seconds: round(large.apply), rows: large.rows, counts: large.counts },
    seconds_100k: round(total(large)),
    ratio: round(total(large) / total(small), 2),
    target_ratio: 12,
  });
}
