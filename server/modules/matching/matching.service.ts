// Product matching with memory (PRODUCT.md §2.3, seed 002): a mall product + option of one channel maps to SKUs with
// quantities. Matches are applied where lines come in (applyRememberedMatches, from intake: collect, order upload,
// direct trade), to every waiting line of a product + option when the operator matches it (saveMatches), and taken
// back from the waiting lines when removed. Lines change through the orders module's line-matches repo: each change
// gives the line and its order a new version and writes a history row.
import type { Knex } from 'knex';
import type {
  MatchView,
  SaveMatchesBody,
  SaveMatchResult,
  SaveMatchesResponse,
  SaveMatchRow,
  UnmatchedList,
} from '../../../shared/api/matching.schema.ts';
import { saveMatchesBody } from '../../../shared/api/matching.schema.ts';
import { OWN_CHANNEL_KINDS } from '../../../shared/api/orders.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type Text } from '../../../shared/i18n.ts';
import { skuSummary } from '../../../shared/matching.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { settleStock } from '../allocation/settle.ts';
import { insertHistory, type HistoryRow } from '../orders/history.repo.ts';
import * as lines from '../orders/line-matches.repo.ts';
import { refreshSoldOut, refreshSoldOutOfLines } from '../sold-out/sold-out.service.ts';
import * as repo from './matching.repo.ts';
import { matchingMessages as M } from './matching.messages.ts';
import { suggestionsFor } from './suggest.ts';

export { catalogueInUse } from './matching.repo.ts';

type Conn = Knex | Knex.Transaction;
const SYSTEM: Actor = { type: 'system', id: null };
/** A row's result with its message unrendered (the HTTP edge renders it in the caller's language). */
type SaveResult = Omit<SaveMatchResult, 'message'> & { message?: Text };

/**
 * Remembered matches applied to lines just brought in (one collect page, one upload, one direct order), in the
 * caller's transaction: matched lines get match_id, their own SKU copies and the summary as sku_code; the rest are
 * flagged unmatched while the catalogue is in use. A few set-based statements whatever the number of lines. The
 * lines are new, so no version or history row is added: they start this way. A line matched to a SKU that is forced
 * sold-out (강제품절) is flagged sold-out as well, through the sold-out module, with its history row.
 */
export async function applyRememberedMatches(db: Conn, lineIds: readonly string[], options: { flagUnmatched?: boolean } = {}): Promise<void> {
  if (!lineIds.length || !(await repo.catalogueInUse(db))) return;
  const scope = { lineIds };
  await lines.setMatches(db, scope, null);
  await lines.copyLineSkus(db, scope);
  if (options.flagUnmatched !== false) await lines.flagUnmatched(db, scope, null);
  await refreshSoldOutOfLines(db, lineIds, SYSTEM);
}

/**
 * Every waiting line without a match, once the catalogue is in use: remembered matches applied first, the rest
 * flagged unmatched. Call it when the catalogue may have just come into use (the first SKU created): lines that
 * came in while it was empty were never flagged. Cheap when nothing waits unflagged.
 */
export async function flagUnmatchedWaitingLines(db: Db, actor: Actor = SYSTEM): Promise<{ matched: number; flagged: number }> {
  return db.transaction(async (trx) => {
    if (!(await repo.catalogueInUse(trx))) return { matched: 0, flagged: 0 };
    const now = new Date().toISOString();
    const batchId = newId(ID_PREFIX.batch);
    const matched = await lines.setMatches(trx, { waiting: true }, { now });
    if (matched.length) await lines.copyLineSkus(trx, { lineIds: matched.map((l) => l.id) });
    const flagged = await lines.flagUnmatched(trx, { waiting: true }, { now });
    await record(trx, actor, batchId, now, matched, 'match');
    await record(trx, actor, batchId, now, flagged, 'flag_unmatched');
    await refreshSoldOutOfLines(
      trx,
      matched.map((l) => l.id),
      actor,
    );
    return { matched: matched.length, flagged: flagged.length };
  });
}

/** Why a changed or removed match gives its lines' allocated stock back (stock history). */
const UNMATCH_REASON = '매칭 변경';

/** History rows (the status stays; the action says what changed) and new order versions for changed lines. */
async function record(trx: Conn, actor: Actor, batchId: string, now: string, changed: lines.ChangedLine[], action: string) {
  if (!changed.length) return;
  const rows: HistoryRow[] = changed.map((l) => ({
    entity: 'line',
    entity_id: l.id,
    order_id: l.order_id,
    action,
    from_status: l.status,
    to_status: l.status,
    actor_type: actor.type,
    actor_id: actor.id,
    reason: action === 'match' ? l.sku_code : null,
    batch_id: batchId,
    at: now,
  }));
  await insertHistory(trx, rows);
  await lines.bumpOrders(
    trx,
    changed.map((l) => l.order_id),
    now,
  );
}

/**
 * Lines a changed or removed match left unmatched: recorded, and what was allocated for their old SKUs goes back to
 * what is available (they need other SKUs now).
 */
async function unmatchLines(trx: Conn, actor: Actor, batchId: string, now: string, unmatched: lines.ChangedLine[]) {
  if (!unmatched.length) return;
  await record(trx, actor, batchId, now, unmatched, 'unmatch');
  await settleStock(trx as Knex.Transaction, { shipped: [], released: unmatched.map((l) => l.id) }, { actor, batchId, reason: UNMATCH_REASON, now });
}

/**
 * The unmatched waiting lines by product + option. The first SKU flags the lines already waiting, and intake flags
 * new ones; the flagging pass here still catches lines that come back to waiting without a match — a claim withdrawn
 * or an order restored (주문복원) for a line that came in under the claim, which intake does not flag because it was
 * not waiting then — so the list, and the release check that reads the flag, miss none. It writes only when such a
 * line exists.
 */
export async function listUnmatched(db: Db, query: { limit: number }): Promise<UnmatchedList> {
  await flagUnmatchedWaitingLines(db);
  const inUse = await repo.catalogueInUse(db);
  const groups = inUse ? await lines.unmatchedGroups(db, query.limit + 1) : [];
  const shown = groups.slice(0, query.limit);
  const suggestions = await suggestionsFor(db, shown);
  return {
    catalogue_in_use: inUse,
    truncated: groups.length > query.limit,
    items: shown.map((g, i) => ({ ...g, channel_name: g.channel_name, suggestions: suggestions[i]! })),
  };
}

export async function listMatches(db: Db, query: { q?: string | undefined; cursor?: string | undefined; limit: number }) {
  const rows = await repo.listMatches(db, { ...query, limit: query.limit + 1 });
  const shown = rows.slice(0, query.limit);
  return { items: await views(db, shown), next_cursor: rows.length > query.limit ? shown.at(-1)!.id : null };
}

async function views(db: Conn, rows: repo.MatchRow[]): Promise<MatchView[]> {
  const items = await repo.itemsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    created_at: new Date(r.created_at).toISOString(),
    updated_at: new Date(r.updated_at).toISOString(),
    items: items.filter((i) => i.match_id === r.id).map(({ sku_code, sku_name, quantity }) => ({ sku_code, sku_name, quantity: Number(quantity) })),
  }));
}

/**
 * Saves matches, each row on its own (one row's refusal keeps no other out), and applies each to every waiting line
 * of its product + option at once. Replacing a remembered match (with the version it was read at) first returns
 * its waiting lines to unmatched, then matches them to the new SKUs.
 */
export async function saveMatches(
  db: Db,
  actor: Actor,
  input: SaveMatchesBody,
): Promise<Omit<SaveMatchesResponse, 'results'> & { results: SaveResult[] }> {
  const body = saveMatchesBody.parse(input);
  await flagUnmatchedWaitingLines(db, actor);
  const skus = new Map(
    (
      await repo.skusByCodes(
        db,
        body.matches.flatMap((m) => m.items.map((i) => i.sku_code)),
      )
    ).map((s) => [s.code, s]),
  );
  // A mall account's key, a channel without one (kind:name), or a key lines carry (an account since removed).
  const keys = body.matches.map((m) => m.channel_key);
  const accounts = await repo.mallAccountIds(db, keys);
  const carried = await lines.channelKeysCarried(
    db,
    keys.filter((k) => !accounts.has(k) && !namedChannel(k)),
  );
  const known = (key: string) => accounts.has(key) || namedChannel(key) || carried.has(key);
  const batchId = newId(ID_PREFIX.batch);
  const seen = new Set<string>();
  const results: SaveResult[] = [];
  for (const [row, m] of body.matches.entries()) {
    const keyText = JSON.stringify([m.channel_key, m.product_key, m.option_key]);
    if (seen.has(keyText)) {
      results.push({ row, result: 'refused', code: 'duplicate_row', message: message(M.duplicate_row) });
      continue;
    }
    seen.add(keyText);
    if (!known(m.channel_key)) {
      results.push(refuse(row, 'unknown_channel', message(M.unknown_channel, { channel: m.channel_key })));
      continue;
    }
    results.push(await saveOne(db, actor, batchId, row, m, skus));
  }
  const saved = results.filter((r) => r.result === 'saved').length;
  return { saved, refused: results.length - saved, results };
}

/** A channel without a mall account, as lines carry it (line-matches.repo.ts CHANNEL_KEY_SQL): 직거래, 매장출고 or a named buyer, which may be set up before its first order. */
function namedChannel(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && (OWN_CHANNEL_KINDS as readonly string[]).includes(key.slice(0, colon)) && /\S/.test(key.charAt(colon + 1));
}

const refuse = (row: number, code: NonNullable<SaveMatchResult['code']>, text: Text): SaveResult => ({ row, result: 'refused', code, message: text });

async function saveOne(db: Db, actor: Actor, batchId: string, row: number, m: SaveMatchRow, skus: Map<string, repo.SkuRef>): Promise<SaveResult> {
  const unknown = m.items.filter((i) => !skus.has(i.sku_code)).map((i) => i.sku_code);
  if (unknown.length) return refuse(row, 'unknown_sku', message(M.unknown_sku, { codes: unknown.join(', ') }));
  const twice = m.items.find((i, k) => m.items.findIndex((j) => j.sku_code === i.sku_code) !== k);
  if (twice) return refuse(row, 'duplicate_sku', message(M.duplicate_sku, { code: twice.sku_code }));
  const summary = skuSummary(m.items);
  const items = m.items.map((i) => ({ sku_id: skus.get(i.sku_code)!.id, quantity: i.quantity }));
  const key = { channel_key: m.channel_key, product_key: m.product_key, option_key: m.option_key };
  try {
    return await db.transaction(async (trx) => {
      const now = new Date().toISOString();
      const existing = await repo.findMatchByKey(trx, key, true);
      let id: string;
      let version: number;
      let unmatched: lines.ChangedLine[] = [];
      if (existing) {
        // The same SKUs and quantities saved again (a sheet pushed twice): nothing to change, and not refused — the
        // row keeps saying it is matched (PRODUCT.md §6.1: re-pushing the same sheet is harmless).
        if (sameItems(await repo.itemsOf(trx, [existing.id]), m.items)) {
          return {
            row,
            result: 'saved',
            code: 'unchanged',
            match_id: existing.id,
            version: existing.version,
            sku_summary: existing.sku_summary,
            lines_matched: 0,
            lines_unmatched: 0,
            message: message(M.unchanged, { summary: existing.sku_summary }),
          } satisfies SaveResult;
        }
        if (m.version === undefined) return refuse(row, 'already_matched', message(M.already_matched, { summary: existing.sku_summary }));
        if (m.version !== existing.version) {
          return refuse(row, 'stale_version', message(M.stale_version, { seen: m.version, current: existing.version }));
        }
        id = existing.id;
        version = existing.version + 1;
        unmatched = await lines.unsetMatch(trx, id, now);
        await unmatchLines(trx, actor, batchId, now, unmatched);
        await repo.updateMatch(trx, id, {
          product_name: m.product_name || existing.product_name,
          option_text: m.option_text === undefined ? existing.option_text : m.option_text,
          sku_summary: summary,
          updated_at: now,
        });
      } else {
        id = newId(ID_PREFIX.match);
        version = 1;
        await repo.insertMatch(trx, {
          id,
          ...key,
          product_name: (m.product_name || m.product_key).slice(0, 300),
          option_text: m.option_text ?? (m.option_key || null),
          sku_summary: summary,
          created_by: actor.id,
          created_at: now,
          updated_at: now,
        });
      }
      await repo.replaceItems(trx, id, items);
      const matched = await lines.setMatches(trx, { waiting: true, matchIds: [id] }, { now });
      if (matched.length) await lines.copyLineSkus(trx, { lineIds: matched.map((l) => l.id) });
      await record(trx, actor, batchId, now, matched, 'match');
      // Matched to a SKU forced sold-out: the lines join the sold-out list like those that waited when it was set.
      await refreshSoldOut(
        trx,
        items.map((i) => i.sku_id),
        actor,
      );
      return {
        row,
        result: 'saved',
        match_id: id,
        version,
        sku_summary: summary,
        lines_matched: matched.length,
        lines_unmatched: unmatched.length,
        message: message(M.saved, { summary, lines: matched.length }),
      } satisfies SaveResult;
    });
  } catch (error) {
    // Another operator saved the same product + option first: theirs stands until this one is read again.
    if (!isUniqueViolation(error)) throw error;
    // Theirs is committed once the violation is reported: what it matched to is read for the message.
    const theirs = await repo.findMatchByKey(db, key, false);
    return refuse(row, 'already_matched', message(M.already_matched, { summary: theirs?.sku_summary ?? '?' }));
  }
}

/** Whether a remembered match's items are the SKU codes and quantities of a row (in any order). */
function sameItems(stored: readonly repo.MatchItemRow[], typed: SaveMatchRow['items']): boolean {
  const key = (items: readonly { sku_code: string; quantity: number }[]) =>
    items
      .map((i) => `${i.sku_code}\u0000${Number(i.quantity)}`)
      .sort()
      .join('\u0001');
  return stored.length === typed.length && key(stored) === key(typed);
}

/** Removes a match: its waiting lines are unmatched again; lines past waiting keep what they were packed with. */
export async function removeMatch(db: Db, actor: Actor, id: string): Promise<{ match_id: string; lines_unmatched: number }> {
  return db.transaction(async (trx) => {
    const match = await repo.findMatch(trx, id, true);
    if (!match) throw new AppError('not_found', 'match_not_found', message(M.match_not_found, { id }));
    const now = new Date().toISOString();
    const unmatched = await lines.unsetMatch(trx, id, now);
    await unmatchLines(trx, actor, newId(ID_PREFIX.batch), now, unmatched);
    await repo.deleteMatch(trx, id);
    return { match_id: id, lines_unmatched: unmatched.length };
  });
}
