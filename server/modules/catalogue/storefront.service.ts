// The storefront queue as the API lists it: newest first, each entry's detail (a Message kept as JSON) rendered by
// the HTTP edge in the caller's language.
import { readStoredText } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import * as repo from './storefront.repo.ts';

export async function listStorefrontChanges(
  db: Db,
  query: { state?: string | undefined; sku_id?: string | undefined; cursor?: number | undefined; limit: number },
) {
  const { rows, next } = await repo.listChanges(db, { state: query.state, skuId: query.sku_id, beforeId: query.cursor, limit: query.limit });
  return { items: rows.map((r) => ({ ...r, detail: readStoredText(r.detail) })), next_cursor: next };
}
