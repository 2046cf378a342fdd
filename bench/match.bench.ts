// match: remembered product matches applied to 100,000 collected lines (20,000 mall products — 10,000 product ids
// on each of two channels — and 5,000 SKUs; one product in five is a set of two SKUs, and about one line in eleven
// is of a product nobody matched) through applyRememberedMatches, the function every intake path calls (collect,
// order upload, direct trade): match_id and sku_code set, each matched line's own SKU copies inserted, the rest
// flagged unmatched. Against, in the same run:
//   baseline: the same update as one raw set-based statement (UPDATE … FROM product_matches: match_id and sku_code),
//             without the SKU copies or the unmatched flag.
import type { Db } from '../server/db/knex.ts';
import { newId, ID_PREFIX } from '../server/db/ids.ts';
import { applyRememberedMatches } from '../server/modules/matching/matching.service.ts';
import { benchServer, median, report, round, seconds } from './harness.ts';
import { benchSkus, seedOrders } from './seed.ts';

const LINES = 100_000;
const SKUS = 5_000;
const PRODUCT_IDS = 10_000; // per channel: 20,000 mall products in all
const RUNS = 3;
const CHANNELS = ['mall:쿠팡', 'mall:네이버'];

async function seedCatalogue(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const skus = benchSkus(SKUS, now);
  const matches: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  for (const channel of CHANNELS) {
    for (let p = 0; p < PRODUCT_IDS; p++) {
      const id = newId(ID_PREFIX.match);
      const a = skus[p % SKUS]!;
      const set = p % 5 === 0;
      const b = skus[(p + 1) % SKUS]!;
      matches.push({
        id,
        channel_key: channel,
        product_key: `MP${p}`,
        option_key: '',
        product_name: `벤치 상품 ${p}`,
        sku_summary: set ? `${a.code}+${b.code}×2` : a.code,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      items.push({ match_id: id, sku_id: a.id, quantity: 1 });
      if (set) items.push({ match_id: id, sku_id: b.id, quantity: 2 });
    }
  }
  await db.transaction(async (trx) => {
    await trx.batchInsert('skus', skus, 500);
    await trx.batchInsert('product_matches', matches, 500);
    await trx.batchInsert('product_match_items', items, 500);
  });
}

async function reset(db: Db): Promise<void> {
  await db('line_skus').delete();
  await db('order_lines').update({ match_id: null, sku_code: null, unmatched: false });
}

/** The same update as one statement: match_id and sku_code from the remembered match, nothing else. */
async function rawUpdate(db: Db): Promise<number> {
  return db.transaction(async (trx) => {
    await trx.raw(
      `update order_lines set match_id = pm.id, sku_code = pm.sku_summary from orders o, product_matches pm
       where o.id = order_lines.order_id and pm.channel_key = coalesce(order_lines.mall_account_id, o.channel_kind || ':' || o.channel_name)
       and pm.product_key = coalesce(order_lines.mall_product_id, order_lines.product_name)
       and pm.option_key = coalesce(order_lines.mall_option_id, order_lines.option_text, '') and order_lines.match_id is null`,
    );
    return Number((await trx('order_lines').whereNotNull('match_id').count({ n: '*' }))[0]!.n);
  });
}

export async function run(): Promise<void> {
  const s = await benchServer();
  const db = s.deps.db;
  try {
    const { lineIds } = await seedOrders(db, { orders: LINES / 2, linesPerOrder: 2, status: 'NEW' });
    await seedCatalogue(db);
    // Each line a mall product: ids past PRODUCT_IDS were never matched (≈ 1 line in 11); no option.
    await db.raw(`update order_lines set option_text = null, mall_product_id = 'MP' || ((rowid * 7919) % ${PRODUCT_IDS + 1000})`);
    const expected = Number(
      (await db('order_lines').whereRaw(`cast(substr(mall_product_id, 3) as integer) < ${PRODUCT_IDS}`).count({ n: '*' }))[0]!.n,
    );

    const ours: number[] = [];
    const raw: number[] = [];
    let counts = { matched: 0, unmatched: 0, line_skus: 0 };
    for (let i = 0; i < RUNS + 1; i++) {
      await reset(db);
      const a = await seconds(() => db.transaction((trx) => applyRememberedMatches(trx, lineIds)));
      counts = {
        matched: Number((await db('order_lines').whereNotNull('match_id').count({ n: '*' }))[0]!.n),
        unmatched: Number((await db('order_lines').where({ unmatched: true }).count({ n: '*' }))[0]!.n),
        line_skus: Number((await db('line_skus').count({ n: '*' }))[0]!.n),
      };
      await reset(db);
      const b = await seconds(() => rawUpdate(db));
      if (counts.matched !== expected || b.result !== expected || counts.unmatched !== LINES - expected) {
        throw new Error(`expected ${expected} lines matched each way, got ${JSON.stringify({ ours: counts, raw: b.result })}`);
      }
      if (i === 0) continue; // warm-up
      ours.push(a.seconds);
      raw.push(b.seconds);
    }
    const oursSeconds = median(ours);
    const rawSeconds = median(raw);
    report({
      bench: 'match',
      database: 'sqlite',
      lines: LINES,
      mall_products: PRODUCT_IDS * CHANNELS.length,
      skus: SKUS,
      matched: counts.matched,
      unmatched: counts.unmatched,
      line_skus: counts.line_skus,
      seconds: round(oursSeconds),
      lines_per_second: Math.round(LINES / oursSeconds),
      baseline_seconds: round(rawSeconds),
      baseline: 'one raw UPDATE … FROM product_matches setting match_id and sku_code (no SKU copies, no unmatched flag)',
      ratio: round(oursSeconds / rawSeconds, 2),
      target_ratio: 2,
    });
  } finally {
    await s.close();
  }
}
