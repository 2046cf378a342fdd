// The CS lists (issue 12 §6, seed 004). Delayed return pickups (회수지연): a return requested and not completed
// after N days gets the line flag return_pickup_delayed, with history — found by a scheduled check
// (server/jobs/return-pickup.schedule.ts) and again on each read of the list, so the list is never behind. Claims
// waiting (open claims by type, with their age) and cancels withdrawn at the mall (the order ships again; listed until
// acknowledged). Actions on the rows go through the transitions API; acknowledging is this module's own.
import { decodeCursor, encodeCursor, isString } from '../../domain/cursor.ts';
import type { Knex } from 'knex';
import { message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import { seesRecipients, type Actor } from '../../domain/actor.ts';
import { maskTextFields, namesOf } from '../../../shared/mask-record.ts';
import { insertStaying } from '../orders/history.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { lockFlagLines, setLineFlag } from '../orders/line-flags.repo.ts';
import { csMessages } from './cs.messages.ts';
import * as repo from '../orders/cs-claims.repo.ts';

type Conn = Db | Knex.Transaction;

const DAY_MS = 86400_000;
/** History action of the flag (status_history.action). */
export const RETURN_DELAY_ACTION = 'return_pickup_delayed';
export const ACKNOWLEDGE_ACTION = 'acknowledge_withdrawal';

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * Flags the lines of returns requested more than `days` days before `now` and still not completed. Answers the ids
 * flagged now (a line already flagged is left as it is: one history row per delay).
 */
export async function flagDelayedReturns(db: Conn, actor: Actor, days: number, now = new Date()): Promise<string[]> {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction(async (trx) => {
    const lines = await lockFlagLines(trx, repo.overdueReturnLineIds(trx, before), { return_pickup_delayed: false });
    await setLineFlag(trx, lines, 'return_pickup_delayed', true, {
      action: RETURN_DELAY_ACTION,
      // A stored Message, said in each reader's language.
      reason: historyReason(historyMessages.return_pickup_delayed, { days }),
      actor,
      now: now.toISOString(),
    });
    return lines.map((l) => l.id);
  });
}

/**
 * A row of a CS list. Its claim reason is free text an operator or the mall wrote ("김하늘 고객 010-… 취소요청"):
 * masked for viewers, as the order's own detail shows it to them (PRODUCT.md §6.6).
 */
function view(row: repo.ClaimLineRow, now: number, actor: Actor) {
  const { updated_at: _updated, type: _type, requested_at, orderer_name: _orderer, recipient_name: _recipient, ...rest } = row;
  const shown = seesRecipients(actor) ? rest : maskTextFields(rest, ['reason'], namesOf(row));
  return { ...shown, requested_at: iso(requested_at), age_days: Math.floor((now - new Date(requested_at).getTime()) / DAY_MS) };
}

type Query = { limit: number; cursor?: string | undefined };

/** 회수지연: the flagged lines still waiting for their return (the overdue ones flagged first, by the system). */
export async function listDelayedReturns(db: Db, actor: Actor, days: number, query: Query) {
  const flagged = await flagDelayedReturns(db, { type: 'system', id: null }, days);
  const rows = await repo.delayedReturns(db, { after: decodeCursor(query.cursor, isString), limit: query.limit + 1 });
  const more = rows.length > query.limit;
  const items = (more ? rows.slice(0, query.limit) : rows).map((r) => view(r, Date.now(), actor));
  const next = more ? encodeCursor(items[items.length - 1]!.line_id) : null;
  return { items, next_cursor: next, delay_days: days, flagged_now: flagged.length };
}

/** 클레임대기: open claims, of one type or all, oldest first, with their age in days. */
export async function listOpenClaims(db: Db, actor: Actor, query: Query & { type?: string | undefined }) {
  return claimPage(actor, query, (after, limit) => repo.openClaims(db, { after, limit, type: query.type }));
}

/** A page of claims with their type and age, oldest first (claim ids sort in creation order). */
async function claimPage(actor: Actor, query: Query, read: (after: string | undefined, limit: number) => Promise<repo.ClaimLineRow[]>) {
  const rows = await read(decodeCursor(query.cursor, isString), query.limit + 1);
  const more = rows.length > query.limit;
  const items = (more ? rows.slice(0, query.limit) : rows).map((r) => ({ ...view(r, Date.now(), actor), type: r.type }));
  return { items, next_cursor: more ? encodeCursor(items[items.length - 1]!.claim_id) : null };
}

/** 취소철회: cancels withdrawn in the last `days` days, not acknowledged yet — each line must ship again. */
export async function listWithdrawnCancels(db: Db, actor: Actor, query: Query & { days: number }) {
  const since = new Date(Date.now() - query.days * DAY_MS).toISOString();
  const rows = await repo.withdrawnCancels(db, { after: decodeCursor(query.cursor, isString), limit: query.limit + 1, since });
  const more = rows.length > query.limit;
  const items = (more ? rows.slice(0, query.limit) : rows).map((r) => ({ ...view(r, Date.now(), actor), withdrawn_at: iso(r.updated_at) }));
  const out = items.map(({ age_days: _age, ...rest }) => rest);
  return { items: out, next_cursor: more ? encodeCursor(out[out.length - 1]!.claim_id) : null };
}

/** 반품입고: return and exchange claims whose goods have not come back yet, oldest first. */
export async function listReturnsToReceive(db: Db, actor: Actor, query: Query) {
  return claimPage(actor, query, (after, limit) => repo.returnsToReceive(db, { after, limit }));
}

/** Acknowledges withdrawn cancels: off the list, with a history row on each claim saying who saw it. */
export async function acknowledgeWithdrawn(db: Db, actor: Actor, claimIds: readonly string[]) {
  return db.transaction(async (trx) => {
    const asked = [...new Set(claimIds)];
    const rows = await repo.lockUnacknowledged(trx, asked);
    const now = new Date().toISOString();
    await repo.markAcknowledged(
      trx,
      rows.map((r) => r.id),
      actor.id,
      now,
    );
    await insertStaying(
      trx,
      'claim',
      rows.map((r) => ({ ...r, status: 'withdrawn' })),
      { action: ACKNOWLEDGE_ACTION, actor, reason: null, at: now },
    );
    const done = new Set(rows.map((r) => r.id));
    const results = asked.map((id) =>
      done.has(id)
        ? { claim_id: id, result: 'acknowledged' as const }
        : { claim_id: id, result: 'not_found' as const, message: message(csMessages.not_withdrawn) },
    );
    return { acknowledged: done.size, results };
  });
}
