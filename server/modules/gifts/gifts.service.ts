// Gifts, preview → apply → undo (issue 12 §4, after the invoice import's pattern). The preview reads the orders
// now and says per order which rules hold and which gift lines they would add, with the order's version. Apply
// runs in one transaction: it reads the orders again (locked on PostgreSQL), refuses (409, naming them) if any
// moved since the preview or a rule no longer holds, adds the gift lines through the orders module under one
// batch, and keeps the batch's undo record packed as one JSON value on its gift_batches row. Undo removes the lines
// the batch added, in one transaction, while nothing after the apply depends on them (each order still at the
// version the apply left it).
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { orderNumbersOf } from '../orders/allocation-lines.repo.ts';
import { giftCandidates } from '../orders/gift-orders.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { addGiftLines, giftLinesNow, orderVersions, removeGiftLines, type GiftToAdd } from '../orders/gift-lines.ts';
import { rulesFor } from './gift-match.ts';
import { iso } from './gift-rules.service.ts';
import { giftsMessages as m } from './gifts.messages.ts';
import * as repo from './gifts.repo.ts';
import { kstMinute } from '../../../shared/time.ts';

type Conn = Parameters<typeof giftCandidates>[0];

/** Orders named in a refusal: the first 20, then how many more. */
const named = (ids: readonly string[]) => ids.slice(0, 20).join(', ') + (ids.length > 20 ? ` … (+${ids.length - 20})` : '');

/** Per eligible order, the rules that hold for it now (only those asked for, when some are). */
async function decide(db: Conn, orderIds: readonly string[] | null, ruleIds: readonly string[] | undefined, lock = false) {
  // Under lock (apply) the rules are read for share, and the orders always: a rule deleted meanwhile no longer holds.
  const rules = (await repo.listRules(db, ruleIds, lock ? 'share' : undefined)).filter((r) => r.active);
  const orders = rules.length || lock ? await giftCandidates(db, orderIds, lock) : [];
  return { rules, orders: orders.map((o) => ({ order: o, holds: o.eligible ? rulesFor(rules, o) : [] })) };
}

export async function previewGifts(db: Db, body: { order_ids?: string[] | undefined; rule_ids?: string[] | undefined }) {
  const { orders } = await decide(db, body.order_ids ?? null, body.rule_ids);
  const items = orders
    .filter((o) => o.holds.length)
    .map(({ order, holds }) => ({
      order_id: order.id,
      version: order.version,
      mall_order_id: order.mall_order_id,
      channel_name: order.channel_name,
      gifts: holds.map((r) => ({
        rule_id: r.id,
        rule_name: r.name,
        sku_code: r.gift_sku_code,
        sku_name: r.gift_sku_name,
        sku_option: r.gift_sku_option,
        quantity: r.gift_quantity,
      })),
    }));
  return { orders: items.length, lines: items.reduce((n, i) => n + i.gifts.length, 0), items };
}

type ApplyBody = { items: { order_id: string; version: number; rule_ids: string[] }[] };

export async function applyGifts(db: Db, actor: Actor, info: Partial<RequestInfo>, body: ApplyBody) {
  const batchId = newId(ID_PREFIX.batch);
  const now = new Date().toISOString();
  const asked = new Map(body.items.map((i) => [i.order_id, i]));
  const ruleIds = [...new Set(body.items.flatMap((i) => i.rule_ids))];
  const result = await db.transaction(async (trx) => {
    const { orders } = await decide(trx, [...asked.keys()], ruleIds, true);
    const byId = new Map(orders.map((o) => [o.order.id, o]));
    const moved = [...asked.values()].filter((i) => byId.get(i.order_id)?.order.version !== i.version).map((i) => i.order_id);
    if (moved.length) throw new AppError('conflict', 'order_moved', message(m.order_moved, { orders: named(moved) }), { details: { orders: moved } });
    const gifts: GiftToAdd[] = [];
    const lapsed: string[] = [];
    for (const item of asked.values()) {
      const { holds } = byId.get(item.order_id)!;
      const holding = new Map(holds.map((r) => [r.id, r]));
      if (item.rule_ids.some((id) => !holding.has(id))) lapsed.push(item.order_id);
      for (const id of new Set(item.rule_ids)) {
        const r = holding.get(id);
        if (!r) continue;
        gifts.push({
          order_id: item.order_id,
          rule_id: r.id,
          sku_id: r.gift_sku_id,
          sku_code: r.gift_sku_code,
          sku_name: r.gift_sku_name,
          sku_option: r.gift_sku_option,
          quantity: r.gift_quantity,
          deduct_stock: r.deduct_stock,
        });
      }
    }
    if (lapsed.length) {
      throw new AppError('conflict', 'rule_no_longer_holds', message(m.rule_no_longer_holds, { orders: named(lapsed) }), {
        details: { orders: lapsed },
      });
    }
    const added = await addGiftLines(trx, gifts, { actor, batchId, reason: historyReason(m.apply_reason), now });
    const byOrder = new Map<string, { id: string; rule_id: string }[]>();
    for (const l of added) byOrder.set(l.order_id, [...(byOrder.get(l.order_id) ?? []), { id: l.id, rule_id: l.rule_id }]);
    const items = [...byOrder].map(([order_id, lines]) => ({ order_id, version: asked.get(order_id)!.version + 1, lines }));
    await repo.insertBatch(trx, {
      id: batchId,
      orders: items.length,
      lines: added.length,
      undo: items.map((i) => [i.order_id, i.version, i.lines.map((l) => l.id)]),
      created_by: actor.id,
      created_at: now,
    });
    return { batch_id: batchId, orders: items.length, lines: added.length, items };
  });
  await writeAudit(db, actor, info, {
    action: 'gifts_applied',
    entity: 'gift_batch',
    entityId: batchId,
    detail: { orders: result.orders, lines: result.lines },
  });
  return result;
}

export async function undoGiftBatch(db: Db, actor: Actor, info: Partial<RequestInfo>, id: string) {
  const undoBatchId = newId(ID_PREFIX.batch);
  const now = new Date().toISOString();
  const result = await db.transaction(async (trx) => {
    // The batch row locked: a second undo at once waits for the first and sees its mark.
    const batch = await repo.findBatch(trx, id, true);
    if (!batch) throw new AppError('not_found', 'batch_not_found', message(m.batch_not_found, { id }));
    if (batch.undone_at) throw new AppError('conflict', 'batch_undone', message(m.batch_undone, { at: kstMinute(iso(batch.undone_at)) }));
    const versions = await orderVersions(
      trx,
      batch.undo.map(([orderId]) => orderId),
      true,
    );
    const lineIds = batch.undo.flatMap(([, , lines]) => lines);
    const lines = new Map((await giftLinesNow(trx, lineIds)).map((l) => [l.id, l]));
    // Anything after the apply (a hold, a release, another line) moved the order's version: the gift may be in use.
    const blocked = batch.undo
      .filter(([orderId, after, ids]) => versions.get(orderId) !== after || ids.some((l) => lines.get(l)?.version !== 1))
      .map(([orderId]) => orderId);
    if (blocked.length)
      // Named as the operator knows them (mall order numbers), as the merge and allocation undos name them.
      throw new AppError('conflict', 'undo_blocked', message(m.undo_blocked, { orders: named(await orderNumbersOf(trx, blocked)) }), {
        details: { orders: blocked },
      });
    await removeGiftLines(trx, [...lines.values()], {
      actor,
      batchId: undoBatchId,
      reason: historyReason(historyMessages.gifts_undone, { batch: id }),
      now,
    });
    await repo.markUndone(trx, id, actor.id, now);
    return { batch_id: id, undo_batch_id: undoBatchId, orders: batch.orders, lines: lines.size };
  });
  await writeAudit(db, actor, info, {
    action: 'gifts_undone',
    entity: 'gift_batch',
    entityId: id,
    detail: { orders: result.orders, lines: result.lines },
  });
  return result;
}

export async function listGiftBatches(db: Db, limit: number) {
  const rows = await repo.listBatches(db, limit);
  return {
    items: rows.map((b) => ({
      id: b.id,
      orders: b.orders,
      lines: b.lines,
      created_at: iso(b.created_at),
      created_by: b.created_by,
      undone_at: b.undone_at ? iso(b.undone_at) : null,
    })),
  };
}
