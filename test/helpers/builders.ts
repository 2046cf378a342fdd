// Orders as a mall would deliver them, written straight into the test server's database (collection from real
// malls is tested on its own). Every call makes fresh ids, so tests never depend on each other's data.
import type { Db } from '../../server/db/knex.ts';
import { newId, ID_PREFIX } from '../../server/db/ids.ts';
import { buildOrder, insertIntakes, type LineFields } from '../../server/modules/orders/intake.ts';

let seq = 0;

export type MakeOrder = {
  status?: string;
  lines?: number;
  quantity?: number;
  channel?: string;
  channelKind?: string;
  paidAt?: string;
  recipient?: string;
  mallOrderId?: string;
  mallAccountId?: string | null;
  source?: 'mall' | 'manual' | 'direct';
  unitPrice?: number;
  /** Product name of each line, in turn (default 무선 이어폰 1, 2, …). */
  products?: string[];
  option?: string;
  ordererName?: string;
  recipientMobile?: string;
};

export async function makeOrder(db: Db, o: MakeOrder = {}) {
  const n = ++seq;
  const paidAt = o.paidAt ?? new Date().toISOString();
  const status = o.status ?? 'NEW';
  const unitPrice = o.unitPrice ?? 12900;
  const lines: LineFields[] = Array.from({ length: o.lines ?? 1 }, (_, i) => ({
    mall_account_id: o.mallAccountId ?? null,
    mall_line_id: `${2026112200000 + n * 10 + i}`,
    mall_product_id: `P${1000 + i}`,
    product_name: o.products?.length ? o.products[i % o.products.length]! : `무선 이어폰 ${i + 1}`,
    option_text: o.option ?? '색상: 화이트',
    quantity: o.quantity ?? 1,
    unit_price: unitPrice,
    amount: unitPrice * (o.quantity ?? 1),
    status,
  }));
  const built = buildOrder(
    {
      source: o.source ?? 'mall',
      mall_account_id: o.mallAccountId ?? null,
      mall_order_id: o.mallOrderId ?? `${20261122000000 + n}`,
      channel_kind: o.channelKind ?? 'mall',
      channel_name: o.channel ?? '쿠팡',
      orderer_name: o.ordererName ?? '김민준',
      orderer_phone: '010-1234-5678',
      recipient_name: o.recipient ?? '이서연',
      recipient_phone: '0504-1234-5678',
      recipient_mobile: o.recipientMobile ?? '010-9876-5432',
      recipient_zip: '06236',
      recipient_address1: '서울특별시 강남구 테헤란로 152',
      recipient_address2: '강남파이낸스센터 10층',
      delivery_memo: '문 앞에 놓아주세요',
      ordered_at: paidAt,
      paid_at: paidAt,
      total_amount: lines.reduce((s, l) => s + l.amount, 0),
    },
    lines,
    { action: 'collect', actor: { type: 'system', id: null }, batchId: null, reason: 'test fixture' },
  );
  await insertIntakes(db, [built]);
  return { id: built.order.id, lineIds: built.lines.map((l) => l.id) };
}

/** Puts lines (of one or several orders) into one box, as merge-packing will, with an optional number. */
export async function putInBox(db: Db, lineIds: string[], box: { courier?: string; tracking?: string | null; status?: string } = {}) {
  const id = newId('box');
  const now = new Date().toISOString();
  await db('boxes').insert({
    id,
    courier: box.courier ?? (box.tracking ? 'CJ' : null),
    tracking_number: box.tracking ?? null,
    invoiced_at: box.tracking ? now : null,
    send_status: 'not_sent',
    version: 1,
    created_at: now,
    updated_at: now,
  });
  await db('order_lines')
    .whereIn('id', lineIds)
    .update({ box_id: id, ...(box.status ? { status: box.status } : {}) });
  return id;
}

let skuSeq = 0;

/**
 * A SKU of the seller's catalogue, written straight into the database (the catalogue API is tested on its own). The
 * first SKU puts the catalogue in use: from then on waiting lines without a match are unmatched.
 */
export async function makeSku(
  db: Db,
  s: { code?: string; name?: string; option?: string | null; status?: string; barcodes?: string[]; price?: number } = {},
) {
  const n = ++skuSeq;
  const id = newId(ID_PREFIX.sku);
  const now = new Date().toISOString();
  const code = s.code ?? `T${Date.now().toString(36)}${n}`;
  await db('skus').insert({
    id,
    code,
    name: s.name ?? (s.code ? `상품 ${s.code}` : `테스트 상품 ${n}`),
    option_text: s.option ?? null,
    price: s.price ?? 10000,
    status: s.status ?? 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  });
  for (const barcode of s.barcodes ?? []) await db('sku_barcodes').insert({ barcode, sku_id: id, created_at: now });
  return { id, code };
}

/** A warehouse (or store), straight into the database. */
export async function makeWarehouse(db: Db, w: { code?: string; name?: string; kind?: 'warehouse' | 'store'; active?: boolean } = {}) {
  const n = ++skuSeq;
  const id = newId(ID_PREFIX.warehouse);
  const now = new Date().toISOString();
  const code = w.code ?? `W${Date.now().toString(36).toUpperCase()}${n}`;
  await db('warehouses').insert({
    id,
    code,
    name: w.name ?? `창고 ${n}`,
    kind: w.kind ?? 'warehouse',
    is_default: false,
    active: w.active ?? true,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  return { id, code };
}

/**
 * A remembered match of a mall product + option (per channel: a mall account id) to SKUs with quantities, written
 * straight into the tables (the matching module has its own tests).
 */
export async function makeProductMatch(
  db: Db,
  m: { channelKey: string; productKey: string; optionKey?: string; items: { skuId: string; quantity?: number }[] },
) {
  const id = newId(ID_PREFIX.match);
  const now = new Date().toISOString();
  await db('product_matches').insert({
    id,
    channel_key: m.channelKey,
    product_key: m.productKey,
    option_key: m.optionKey ?? '',
    product_name: `상품 ${m.productKey}`,
    option_text: m.optionKey || null,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  await db('product_match_items').insert(m.items.map((i) => ({ match_id: id, sku_id: i.skuId, quantity: i.quantity ?? 1 })));
  return id;
}

/** A line's own copy of its match: the SKUs (× quantity per unit of the line) it needs; sku_code summarised, matched. */
export async function setLineSkus(db: Db, lineId: string, skus: { id: string; code: string; quantity?: number }[]) {
  await db('line_skus').insert(skus.map((s) => ({ line_id: lineId, sku_id: s.id, quantity: s.quantity ?? 1 })));
  const code = skus.map((s) => `${s.code}${(s.quantity ?? 1) > 1 ? `×${s.quantity}` : ''}`).join('+');
  await db('order_lines')
    .where({ id: lineId })
    .update({ sku_code: code.slice(0, 64), unmatched: false });
}

/** Stock of a SKU in a warehouse (the default one unless said), with the history row every stock change has. */
export async function putStock(db: Db, skuId: string, onHand: number, o: { allocated?: number; warehouseId?: string } = {}) {
  const warehouse_id = o.warehouseId ?? 'wh_default';
  const allocated = o.allocated ?? 0;
  const now = new Date().toISOString();
  const before = await db('stock').where({ sku_id: skuId, warehouse_id }).first();
  if (before)
    await db('stock')
      .where({ sku_id: skuId, warehouse_id })
      .update({ on_hand: onHand, allocated, version: before.version + 1, updated_at: now });
  else await db('stock').insert({ sku_id: skuId, warehouse_id, on_hand: onHand, allocated, version: 1, updated_at: now });
  await db('stock_history').insert({
    sku_id: skuId,
    warehouse_id,
    kind: 'count',
    on_hand_before: before?.on_hand ?? 0,
    on_hand_after: onHand,
    allocated_before: before?.allocated ?? 0,
    allocated_after: allocated,
    reason: 'test fixture',
    actor_type: 'system',
    at: now,
  });
}
