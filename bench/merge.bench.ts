// merge: merge-packing (합포장) on 10,000 and 100,000 released lines on the shipping desk (one order in four with a
// second line; 15 % of orders repeat an earlier order's recipient exactly, 2 % carry a 050x safe number, which only
// ever makes a review group). Seconds for the preview (read the desk, plan the groups, the sheet lines) and for the
// apply of every merge group (one transaction, one batch, the undo record packed), through the services the API
// calls; then the growth from 10k to 100k lines. Target (issue 12, with allocation): 100k merge + allocate ≤ 3 s on
// SQLite; growth ≤ 12×.
import type { Db } from '../server/db/knex.ts';
import { newId } from '../server/db/ids.ts';
import { applyMerge, previewMerge } from '../server/modules/merge/merge.service.ts';
import { benchServer, report, round, seconds } from './harness.ts';

const SIZES = [10_000, 100_000];
const system = { type: 'system', id: null } as const;

/** About `lines` READY lines; returns how many were written. */
async function seedDesk(db: Db, lines: number): Promise<number> {
  const now = new Date().toISOString();
  const orders: Record<string, unknown>[] = [];
  const rows: Record<string, unknown>[] = [];
  const recipient = (i: number) => ({
    recipient_name: `수령인${i}`,
    recipient_phone: null as string | null,
    recipient_mobile: `010-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}` as string | null,
    recipient_zip: '06236',
    recipient_address1: `서울특별시 강남구 테헤란로 ${i}`,
    recipient_address2: `${i % 30}층`,
  });
  for (let i = 0; rows.length < lines; i++) {
    const id = newId('ord');
    // 15 %: the recipient of an order seven before; 2 %: that, with a safe number instead of a mobile.
    const repeat = i >= 7 && i % 20 < 3;
    const who = recipient(repeat ? i - 7 : i);
    if (i % 50 === 0 && i >= 7) Object.assign(who, recipient(i - 7), { recipient_phone: '0504-1234-5678', recipient_mobile: null });
    orders.push({
      id,
      source: 'mall',
      mall_order_id: String(30000000000000 + i),
      channel_kind: 'mall',
      channel_name: i % 2 ? '쿠팡' : '네이버',
      orderer_name: '주문자',
      ...who,
      order_date: now.slice(0, 10),
      total_amount: 25800,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    for (let j = 0; j < (i % 4 === 0 ? 2 : 1) && rows.length < lines; j++) {
      rows.push({
        id: newId('lin'),
        order_id: id,
        line_no: j + 1,
        product_name: `무선 이어폰 ${j + 1}`,
        quantity: 1,
        unit_price: 25800,
        amount: 25800,
        status: 'READY',
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await db.transaction(async (trx) => {
    await trx.batchInsert('orders', orders, 500);
    await trx.batchInsert('order_lines', rows, 500);
  });
  return rows.length;
}

export async function run(): Promise<void> {
  const figures: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const s = await benchServer();
    try {
      await seedDesk(s.deps.db, size);
      const preview = await seconds(() => previewMerge(s.deps.db, system, { reason: 'shipping' }));
      const groups = preview.result.groups.map((g) => ({ orders: g.orders }));
      const apply = await seconds(() => applyMerge(s.deps.db, system, { groups, rejected: [] }));
      figures.push({
        lines: size,
        groups: groups.length,
        review_groups: preview.result.reviews.length,
        lines_merged: apply.result.lines,
        preview_seconds: round(preview.seconds),
        apply_seconds: round(apply.seconds),
        total_seconds: round(preview.seconds + apply.seconds),
      });
    } finally {
      await s.close();
    }
  }
  const [small, large] = figures as { total_seconds: number; preview_seconds: number; apply_seconds: number }[];
  report({
    bench: 'merge',
    database: 'sqlite',
    runs: figures,
    growth: round(large!.total_seconds / small!.total_seconds, 2),
    preview_growth: round(large!.preview_seconds / small!.preview_seconds, 2),
    apply_growth: round(large!.apply_seconds / small!.apply_seconds, 2),
    target_growth: 12,
    target: '100k merge + allocate (preview + apply) ≤ 3 s on SQLite',
  });
}
