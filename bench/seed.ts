// Bulk test data for benchmarks: realistic order and line rows written with batch inserts (the builders in
// test/helpers write one order at a time, which is too slow for 50,000 lines).
import type { Db } from '../server/db/knex.ts';
import { newId } from '../server/db/ids.ts';

const NAMES = ['김민준', '이서연', '박지훈', '최유진', '정하늘', '강도윤', '조수아', '윤지호'];
const STREETS = ['서울특별시 강남구 테헤란로 152', '경기도 성남시 분당구 판교역로 235', '부산광역시 해운대구 센텀중앙로 79'];

export async function seedOrders(db: Db, options: { orders: number; linesPerOrder: number; status: string }): Promise<{ lineIds: string[] }> {
  const now = new Date().toISOString();
  const orders: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  for (let i = 0; i < options.orders; i++) {
    const id = newId('ord');
    orders.push({
      id,
      source: 'mall',
      mall_account_id: null,
      mall_order_id: String(30000000000000 + i),
      channel_kind: 'mall',
      channel_name: i % 2 ? '쿠팡' : '네이버',
      orderer_name: NAMES[i % NAMES.length],
      orderer_phone: '010-1234-5678',
      recipient_name: NAMES[(i + 3) % NAMES.length],
      recipient_phone: '0504-1234-5678',
      recipient_mobile: '010-9876-5432',
      recipient_zip: '06236',
      recipient_address1: STREETS[i % STREETS.length],
      recipient_address2: `${(i % 30) + 1}층 ${i % 100}호`,
      delivery_memo: '문 앞에 놓아주세요',
      ordered_at: now,
      paid_at: now,
      order_date: now.slice(0, 10),
      total_amount: 25800 * options.linesPerOrder,
      shipping_fee: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    for (let j = 0; j < options.linesPerOrder; j++) {
      lines.push({
        id: newId('lin'),
        order_id: id,
        line_no: j + 1,
        mall_line_id: String(40000000000000 + i * 10 + j),
        mall_product_id: `P${1000 + j}`,
        product_name: `무선 이어폰 프로 ${j + 1}`,
        option_text: '색상: 화이트 / 케이스 포함',
        quantity: 1,
        unit_price: 25800,
        amount: 25800,
        status: options.status,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await db.transaction(async (trx) => {
    await trx.batchInsert('orders', orders, 500);
    await trx.batchInsert('order_lines', lines, 500);
  });
  return { lineIds: lines.map((l) => l.id as string) };
}

/**
 * `count` active SKU rows (ids `sku_b00000`…, codes `SKU-00000`…) for the catalogue benches (match, allocate) to
 * insert with their own matches, line SKUs or stock.
 */
export function benchSkus(
  count: number,
  now: string,
): { id: string; code: string; name: string; status: string; version: number; created_at: string; updated_at: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `sku_b${String(i).padStart(5, '0')}`,
    code: `SKU-${String(i).padStart(5, '0')}`,
    name: `벤치 상품 ${i}`,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  }));
}
