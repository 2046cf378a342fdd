// Adding gift lines to orders and taking them away again: the orders module's side of gifts (server/modules/gifts
// decides which orders get which gift). A gift line is a line of one SKU at unit price 0, marked with the rule
// that added it; it joins the box its order's open lines share and starts in their status. Its line_skus make it
// need its SKU like any line (allocation, shipping) — unless the rule does not deduct gift stock, when it has none.
// Each added or removed line has its history row under the caller's batch, and its order a new version.
import type { Knex } from 'knex';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor } from '../../domain/actor.ts';
import { insertHistory, type HistoryRow } from './history.repo.ts';
import * as repo from './gift-lines.repo.ts';

export type GiftToAdd = {
  order_id: string;
  rule_id: string;
  sku_id: string;
  sku_code: string;
  sku_name: string;
  sku_option: string | null;
  quantity: number;
  deduct_stock: boolean;
};

export type GiftOrigin = { actor: Actor; batchId: string; reason: string; now: string };

/** What a gift line's name starts with, as Korean order tools mark a gift. */
const GIFT_MARK = '[사은품]';

const GIFT_HISTORY = { add: 'gift_add', remove: 'gift_remove' } as const;

function history(o: GiftOrigin, line: { id: string; order_id: string }, action: string, from: string | null, to: string): HistoryRow {
  return {
    entity: 'line',
    entity_id: line.id,
    order_id: line.order_id,
    action,
    from_status: from,
    to_status: to,
    actor_type: o.actor.type,
    actor_id: o.actor.id,
    reason: o.reason,
    batch_id: o.batchId,
    at: o.now,
  };
}

/** Adds the gift lines; answers each new line's id with its order and rule. */
export async function addGiftLines(trx: Knex.Transaction, gifts: readonly GiftToAdd[], o: GiftOrigin) {
  const places = await repo.placesOf(trx, [...new Set(gifts.map((g) => g.order_id))]);
  const lines = gifts.map((g) => {
    const place = places.get(g.order_id)!;
    place.max_line_no += 1;
    return {
      id: newId(ID_PREFIX.line),
      order_id: g.order_id,
      line_no: place.max_line_no,
      mall_account_id: null,
      mall_line_id: null,
      mall_shipment_id: null,
      mall_product_id: null,
      mall_option_id: null,
      // Marked in its name, so every sheet, export and booking file shows a gift for what it is.
      product_name: `${GIFT_MARK} ${g.sku_name}`.slice(0, 300),
      option_text: g.sku_option,
      quantity: g.quantity,
      unit_price: 0,
      amount: 0,
      sku_code: g.sku_code,
      status: place.status,
      box_id: place.box_id,
      gift_rule_id: g.rule_id,
      created_at: o.now,
      updated_at: o.now,
    };
  });
  const skus = lines.flatMap((l, i) => (gifts[i]!.deduct_stock ? [{ line_id: l.id, sku_id: gifts[i]!.sku_id, quantity: 1 }] : []));
  await repo.insertGiftLines(trx, lines, skus);
  await repo.bumpOrders(trx, [...places.keys()], o.now);
  await insertHistory(
    trx,
    lines.map((l) => history(o, l, GIFT_HISTORY.add, null, l.status)),
  );
  return lines.map((l) => ({ id: l.id, order_id: l.order_id, rule_id: l.gift_rule_id }));
}

/** Gift lines now, and the orders' versions (locked on PostgreSQL), for a caller deciding whether to remove them. */
export const giftLinesNow = repo.giftLinesNow;
export const orderVersions = repo.orderVersions;

/** Removes gift lines (with their SKUs); each leaves a history row. */
export async function removeGiftLines(trx: Knex.Transaction, lines: readonly { id: string; order_id: string; status: string }[], o: GiftOrigin) {
  await repo.deleteGiftLines(
    trx,
    lines.map((l) => l.id),
  );
  await repo.bumpOrders(trx, [...new Set(lines.map((l) => l.order_id))], o.now);
  await insertHistory(
    trx,
    lines.map((l) => history(o, l, GIFT_HISTORY.remove, l.status, l.status)),
  );
}
