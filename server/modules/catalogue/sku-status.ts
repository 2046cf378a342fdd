// What follows when a SKU's status changes, inside the transaction that changed it. The one place every status
// change (an edit, a sheet row, a file import) passes through, so whatever must react to one is called from here:
// the storefront queue, and the sold-out flag of the waiting lines that need a SKU forced sold-out.
import type { Knex } from 'knex';
import type { SkuStatus } from '../../../shared/api/catalogue.schema.ts';
import { message, storedText } from '../../../shared/i18n.ts';
import type { Actor } from '../../domain/actor.ts';
import { catalogueMessages, STOREFRONT_CHANGE_LABELS } from './catalogue.messages.ts';
import { refreshSoldOut } from '../sold-out/sold-out.service.ts';
import * as storefront from './storefront.repo.ts';

type Conn = Knex | Knex.Transaction;

export type SkuStatusState = { status: SkuStatus; limit_quantity: number | null };
export type SkuStatusChange = { skuId: string; before: SkuStatusState | null; after: SkuStatusState; at: string };

/** The change a storefront needs, if any: sold out, a (new) cap, or selling again after either. */
export function storefrontChangeOf(
  before: SkuStatusState | null,
  after: SkuStatusState,
): { change: 'sold_out' | 'limited' | 'resume'; quantity: number | null } | null {
  const was = before?.status ?? 'active';
  if (after.status === 'sold_out') return was === 'sold_out' ? null : { change: 'sold_out', quantity: null };
  if (after.status === 'limited') {
    if (was === 'limited' && before?.limit_quantity === after.limit_quantity) return null;
    return { change: 'limited', quantity: after.limit_quantity };
  }
  if (after.status === 'active' && (was === 'sold_out' || was === 'limited')) return { change: 'resume', quantity: null };
  return null;
}

/**
 * Called once per SKU whose status (or limited cap) was committed to change, inside that transaction. Returns how
 * many storefront entries it queued.
 */
export async function onSkuStatusChanged(trx: Conn, actor: Actor, change: SkuStatusChange): Promise<number> {
  // 강제품절 holds back every waiting line that needs the SKU, in the same transaction as the change. Selling again
  // clears nothing: those lines wait on the sold-out list for 품절해제, which checks the stock first.
  if (change.after.status === 'sold_out' && change.before?.status !== 'sold_out') await refreshSoldOut(trx, [change.skuId], actor);
  return enqueueStorefrontChanges(trx, actor, change);
}

/**
 * One storefront entry per mall product matched to the SKU, superseding that product's older entries that were
 * never sent. No connector can change a product's status at a mall yet, so each entry is recorded as
 * `no_connector` with the reason, instead of waiting as `queued` for a push that would never come.
 */
async function enqueueStorefrontChanges(trx: Conn, actor: Actor, change: SkuStatusChange): Promise<number> {
  const wanted = storefrontChangeOf(change.before, change.after);
  if (!wanted) return 0;
  const products = await storefront.mallProductsOf(trx, change.skuId);
  const detail = storedText(message(catalogueMessages.no_connector, { change: STOREFRONT_CHANGE_LABELS[wanted.change] }));
  for (const p of products) {
    const row: storefront.StorefrontInsert = {
      sku_id: change.skuId,
      mall_account_id: p.mall_account_id,
      // A mall account's match keys are the mall's own product and option ids.
      mall_product_id: p.product_key.slice(0, 64),
      mall_option_id: p.option_key ? p.option_key.slice(0, 64) : null,
      change: wanted.change,
      quantity: wanted.quantity,
      state: 'no_connector',
      detail,
      created_by: actor.id,
      created_at: change.at,
      updated_at: change.at,
    };
    const id = await storefront.insertChange(trx, row);
    await storefront.supersede(trx, row, id, storedText(message(catalogueMessages.superseded_by, { id })));
  }
  return products.length;
}
