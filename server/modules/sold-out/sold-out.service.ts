// Sold-out (품절): the flag on order lines that cannot ship for want of stock, the list of them, and their release
// after a stock fix (품절해제, seed 004). The flag is set here and only here: by refreshSoldOut when a SKU is forced
// sold-out (the catalogue calls it after a status change), and by flagSoldOut for whoever else finds a line it
// cannot serve (allocation, next issue). It is cleared by releaseSoldOut, which checks each line against its SKUs'
// status and the stock available over every warehouse.
import { decodeCursor, encodeCursor, isPair } from '../../domain/cursor.ts';
import type { Knex } from 'knex';
import type { ReleaseRefusal, ReleaseResult, SoldOutItem, SoldOutPage } from '../../../shared/api/sold-out.schema.ts';
import { message, type Message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { lockFlagLines, setLineFlag, type FlagLine } from '../orders/line-flags.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { allocateReleasedLines } from '../allocation/release-allocation.ts';
import { soldOutMessages } from './sold-out.messages.ts';
import * as orderLines from '../orders/sold-out-lines.repo.ts';
import * as repo from './sold-out.repo.ts';

type Conn = Db | Knex.Transaction;

/** History actions of the flag (status_history.action). */
export const SOLD_OUT_ACTIONS = { flag: 'sold_out', release: 'release_sold_out' } as const;

/** With a Message in place of the rendered text: the HTTP edge renders it in the caller's language. */
type Unrendered<T> = Omit<T, 'message'> & { message?: Message };

/**
 * Flags these lines sold out (those not flagged yet), with the reason in their history. The one place the flag is
 * set: refreshSoldOut uses it, and so will allocation for lines it cannot serve. Runs in the caller's transaction.
 */
export async function flagSoldOut(trx: Conn, lineIds: readonly string[], actor: Actor, reason: string | null): Promise<string[]> {
  const lines = await lockFlagLines(trx, lineIds, { sold_out: false });
  await setLineFlag(trx, lines, 'sold_out', true, { action: SOLD_OUT_ACTIONS.flag, reason, actor, now: new Date().toISOString() });
  return lines.map((l) => l.id);
}

/**
 * After a status change of these SKUs: every waiting line (PAID, NEW, READY) of a live order that needs one of
 * them while it is forced sold-out (강제품절) gets the sold-out flag. A SKU made active again clears nothing: the
 * lines wait on the list for 품절해제, which checks the stock. Answers the ids of the lines flagged now.
 */
export async function refreshSoldOut(db: Conn, skuIds: readonly string[], actor: Actor): Promise<string[]> {
  if (!skuIds.length) return [];
  const run = async (trx: Knex.Transaction) => {
    const lines = await lockFlagLines(trx, orderLines.waitingLinesOfSoldOutSkus(trx, skuIds));
    const now = new Date().toISOString();
    // Lines grouped by the forced SKUs they need, so each line's history names its own.
    for (const [codes, group] of await byForcedCodes(trx, lines)) {
      await setLineFlag(trx, group, 'sold_out', true, {
        action: SOLD_OUT_ACTIONS.flag,
        // A stored Message, said in each reader's language.
        reason: historyReason(historyMessages.sold_out_skus, { codes }),
        actor,
        now,
      });
    }
    return lines.map((l) => l.id);
  };
  // Inside the caller's transaction this is a savepoint: the flag goes with the status change that caused it.
  return db.transaction(run);
}

/**
 * After lines were given SKUs (a match applied at intake or saved by the operator): those that need a SKU forced
 * sold-out now carry the flag too, like the lines that waited when it was set. In the caller's transaction.
 */
export async function refreshSoldOutOfLines(db: Conn, lineIds: readonly string[], actor: Actor): Promise<string[]> {
  return refreshSoldOut(db, await repo.forcedSkusOfLines(db, lineIds), actor);
}

/** The lines by the codes of the forced sold-out SKUs each needs (`A100, B200`). */
async function byForcedCodes(trx: Conn, lines: readonly FlagLine[]): Promise<Map<string, FlagLine[]>> {
  const skus = await repo.skusOfLines(
    trx,
    lines.map((l) => l.id),
  );
  const codes = new Map<string, string[]>();
  for (const s of skus) {
    if (s.status !== 'sold_out') continue;
    const list = codes.get(s.line_id);
    if (list) list.push(s.code);
    else codes.set(s.line_id, [s.code]);
  }
  const out = new Map<string, FlagLine[]>();
  for (const line of lines) {
    const key = (codes.get(line.id) ?? []).join(', ');
    const group = out.get(key);
    if (group) group.push(line);
    else out.set(key, [line]);
  }
  return out;
}

// ---- the list --------------------------------------------------------------------------------------------------

type Need = { sku_id: string; code: string; name: string; status: string; needed: number };
type Check = { ok: true } | { ok: false; code: Exclude<ReleaseRefusal, 'not_found' | 'not_sold_out'>; message: Message };

/** Whether a line needing `needs` could be released with `available` stock per SKU: a forced SKU first, then stock. */
function releaseCheck(needs: readonly Need[], available: ReadonlyMap<string, number>): Check {
  const forced = needs.find((n) => n.status === 'sold_out');
  if (forced) return { ok: false, code: 'sku_sold_out', message: message(soldOutMessages.sku_sold_out, { code: forced.code }) };
  for (const n of needs) {
    const has = available.get(n.sku_id) ?? 0;
    if (has < n.needed) {
      return { ok: false, code: 'stock_short', message: message(soldOutMessages.stock_short, { code: n.code, needed: n.needed, available: has }) };
    }
  }
  return { ok: true };
}

/** Each line's SKUs with what it needs of them, and the stock available of every SKU named. */
async function needsOf(db: Conn, lines: readonly { line_id: string; quantity: number }[]) {
  const skus = await repo.skusOfLines(
    db,
    lines.map((l) => l.line_id),
  );
  const quantity = new Map(lines.map((l) => [l.line_id, l.quantity]));
  const needs = new Map<string, Need[]>();
  for (const s of skus) {
    const list = needs.get(s.line_id) ?? [];
    list.push({ sku_id: s.sku_id, code: s.code, name: s.name, status: s.status, needed: s.per_unit * (quantity.get(s.line_id) ?? 0) });
    needs.set(s.line_id, list);
  }
  return { needs, available: await availableFor(db, [...new Set(skus.map((s) => s.sku_id))]) };
}

/**
 * What a release may count on of each SKU: on hand − allocated over every warehouse, less the units lines released
 * from sold-out before still take without an allocation (released with no allocation in use, or not READY yet).
 * Without it a second 품절해제 — another click, another operator — would count the same stock again.
 */
async function availableFor(db: Conn, skuIds: readonly string[]): Promise<Map<string, number>> {
  const [stock, taken] = await Promise.all([
    repo.availableBySku(db, skuIds),
    orderLines.unallocatedReleasedUnits(db, skuIds, SOLD_OUT_ACTIONS.release),
  ]);
  for (const [sku, units] of taken) stock.set(sku, (stock.get(sku) ?? 0) - units);
  return stock;
}

/** The flagged lines, a page at a time, each with its SKUs, their stock and whether it could be released now. */
export async function listSoldOut(db: Db, query: { limit: number; cursor?: string | undefined }): Promise<Unrendered<SoldOutPage>> {
  const after = decodeCursor(query.cursor, isPair);
  const rows = await orderLines.soldOutLines(db, { after, limit: query.limit + 1 });
  const more = rows.length > query.limit;
  const lines = more ? rows.slice(0, query.limit) : rows;
  const [{ needs, available }, count] = await Promise.all([needsOf(db, lines), orderLines.countSoldOutLines(db)]);
  const items = lines.map((line): Unrendered<SoldOutItem> => {
    const own = needs.get(line.line_id) ?? [];
    const check = releaseCheck(own, available);
    return {
      ...line,
      status: line.status as SoldOutItem['status'],
      skus: own.map((n) => ({ ...n, available: available.get(n.sku_id) ?? 0 })),
      releasable: check.ok,
      ...(check.ok ? {} : { code: check.code, message: check.message }),
    };
  });
  const last = lines[lines.length - 1];
  return { items, next_cursor: more && last ? encodeCursor([last.order_id, last.line_id]) : null, count } as Unrendered<SoldOutPage>;
}

// ---- release ---------------------------------------------------------------------------------------------------

type Released = { released: number; refused: number; results: Unrendered<ReleaseResult>[]; stock: { sku_id: string; available: number }[] };

/**
 * 품절해제: the given lines (or every flagged line) that can be served now lose the flag, with the reason in their
 * history. Lines are taken oldest order first, and stock one line is released against is not counted again for the
 * next — nor by a later release while the line holds no allocation (availableFor) — so releases never release more
 * than the stock covers. Each line gets its result: released, or why not.
 */
export async function releaseSoldOut(db: Db, actor: Actor, body: { line_ids?: string[] | undefined; reason: string }): Promise<Released> {
  return db.transaction(async (trx) => {
    // One release at a time: what one releases takes stock the next must see (availableFor), whoever presses it.
    await repo.releaseTurn(trx);
    const asked = body.line_ids ? [...new Set(body.line_ids)] : undefined;
    const flagged = await lockFlagLines(trx, asked ?? orderLines.soldOutLineIds(trx), asked ? {} : { sold_out: true });
    const rows = flagged.length ? await orderLines.soldOutLines(trx, { limit: flagged.length, lineIds: flagged.map((l) => l.id) }) : [];
    const byId = new Map(rows.map((r) => [r.line_id, r]));
    const { needs, available } = await needsOf(trx, rows);
    const left = new Map(available);
    const results = new Map<string, Unrendered<ReleaseResult>>();
    const release: FlagLine[] = [];
    const lineById = new Map(flagged.map((l) => [l.id, l]));
    for (const row of rows) {
      const own = needs.get(row.line_id) ?? [];
      const check = releaseCheck(own, left);
      if (!check.ok) {
        results.set(row.line_id, { line_id: row.line_id, result: 'refused', code: check.code, message: check.message });
        continue;
      }
      for (const n of own) left.set(n.sku_id, (left.get(n.sku_id) ?? 0) - n.needed);
      release.push(lineById.get(row.line_id)!);
      results.set(row.line_id, { line_id: row.line_id, result: 'released', line_version: row.line_version + 1 });
    }
    await setLineFlag(trx, release, 'sold_out', false, {
      action: SOLD_OUT_ACTIONS.release,
      reason: body.reason,
      actor,
      now: new Date().toISOString(),
    });
    // When allocation is in use, the released lines get their stock now (allocation/release-allocation.ts).
    await allocateReleasedLines(
      trx,
      release.map((l) => l.id),
      actor,
    );
    // In the order asked (or the list's order); ids asked that are not flagged lines of live orders say why.
    const order = asked ?? rows.map((r) => r.line_id);
    const out = order.map(
      (id): Unrendered<ReleaseResult> =>
        results.get(id) ??
        (lineById.has(id) && !byId.has(id)
          ? { line_id: id, result: 'refused', code: 'not_sold_out', message: message(soldOutMessages.not_sold_out) }
          : { line_id: id, result: 'refused', code: 'not_found', message: message(soldOutMessages.not_found) }),
    );
    const released = out.filter((r) => r.result === 'released').length;
    // What the SKUs have now, read again: the released lines take theirs (allocated, or held unallocated), and so
    // do their orders' gifts when allocation served them too. The pane's 해제됨 cards show it.
    const after = release.length ? await availableFor(trx, [...available.keys()]) : available;
    const stock = [...after].map(([sku_id, n]) => ({ sku_id, available: n }));
    return { released, refused: out.length - released, results: out, stock };
  });
}
