// The queries behind the mall jobs, on order data: which collected lines exist, what to confirm or send, what the
// mall last said and which of its changes wait. Private to the orders module: others go through mall-lines.service.ts.
import type { Knex } from 'knex';
import { readStoredText, storedText, type Text } from '../../../shared/i18n.ts';
import type { Status } from '../../../shared/lifecycle.ts';
import { isMismatch } from '../../../shared/mall-word.ts';
import type { MallChange } from '../../connectors/types.ts';
import { selectWhereIn, updateByIds, updateValues, whereIdIn } from '../../db/bulk.ts';
import { chunk, type Db } from '../../db/knex.ts';

export type CollectedLine = { id: string; order_id: string; mall_line_id: string; status: string; version: number; product_name: string | null };

/** Lines of this account already collected, by the mall's line id. */
export async function collectedLines(db: Db, accountId: string, mallLineIds: string[]): Promise<Map<string, CollectedLine>> {
  const rows = (await whereIdIn(db, db('order_lines').where('mall_account_id', accountId), 'mall_line_id', mallLineIds).select(
    'id',
    'order_id',
    'mall_line_id',
    'status',
    'version',
    'product_name',
  )) as CollectedLine[];
  return new Map(rows.map((r) => [r.mall_line_id, r]));
}

/** Of these lines, those whose open (requested) claim was entered here, not reported by their mall. */
export async function linesWithOwnClaim(db: Db, lineIds: readonly string[]): Promise<Set<string>> {
  if (!lineIds.length) return new Set();
  const rows = (await whereIdIn(db, db('claims').where({ state: 'requested', source: 'manual' }), 'line_id', lineIds).select('line_id')) as {
    line_id: string;
  }[];
  return new Set(rows.map((r) => r.line_id));
}

/**
 * The mall claims an operator refused here (withdrawn, the mall to be told: claim-decisions job), by line: a sync
 * that still finds one requested at the mall must not enter it again.
 */
export async function claimsRefusedHere(db: Db, lineIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!lineIds.length) return out;
  const rows = (await whereIdIn(
    db,
    db('claims').where({ state: 'withdrawn', source: 'mall', mall_decision: 'reject' }).whereNotNull('mall_claim_id'),
    'line_id',
    lineIds,
  ).select('line_id', 'mall_claim_id')) as { line_id: string; mall_claim_id: string }[];
  for (const r of rows) out.set(r.line_id, (out.get(r.line_id) ?? new Set()).add(r.mall_claim_id));
  return out;
}

export async function maxLineNo(db: Db | Knex.Transaction, orderId: string): Promise<number> {
  const row = await db('order_lines').where({ order_id: orderId }).max({ n: 'line_no' }).first();
  return Number(row?.n ?? 0);
}

export async function orderIdByMallOrderId(db: Db | Knex.Transaction, accountId: string, mallOrderId: string): Promise<string | undefined> {
  const row = await db('orders').where({ mall_account_id: accountId, mall_order_id: mallOrderId }).whereNull('deleted_at').first('id');
  return row?.id;
}

/** The given lines grouped by the mall account they came from (lines of no mall are left out). */
export async function linesByAccount(db: Db, lineIds: string[]): Promise<Map<string, string[]>> {
  const rows = (await whereIdIn(db, db('order_lines').whereNotNull('mall_account_id'), 'id', lineIds)
    .select('id', 'mall_account_id')
    .orderBy('id')) as {
    id: string;
    mall_account_id: string;
  }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.mall_account_id, [...(out.get(r.mall_account_id) ?? []), r.id]);
  return out;
}

export type ConfirmRow = {
  id: string;
  version: number;
  mall_line_id: string;
  mall_shipment_id: string | null;
  mall_order_id: string;
  product_name: string | null;
};

/** Lines still unconfirmed at the mall (PAID), optionally only the given ones. */
export async function linesToConfirm(db: Db, accountId: string, lineIds?: string[]): Promise<ConfirmRow[]> {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .where('l.mall_account_id', accountId)
    .where('l.status', 'PAID')
    .whereNull('o.deleted_at')
    .whereNotNull('l.mall_line_id')
    .select('l.id', 'l.version', 'l.mall_line_id', 'l.mall_shipment_id', 'o.mall_order_id', 'l.product_name')
    .orderBy('l.id');
  if (lineIds) whereIdIn(db, q, 'l.id', lineIds);
  return q;
}

export type SendLine = {
  box_id: string;
  courier: string;
  tracking_number: string | null;
  /**
   * The number this line's mall holds for it (what it took last), or null: the mall has none, and the box's number is
   * its first. Per line, so a box merged across accounts, or renumbered while one mall was taking its old number, is
   * a change only where a mall has a number.
   */
  mall_tracking_number: string | null;
  line_id: string;
  version: number;
  mall_line_id: string;
  mall_shipment_id: string | null;
  mall_order_id: string;
  mall_product_id: string | null;
  mall_option_id: string | null;
  product_name: string | null;
  /** When the mall accepted our 발주확인 of the line; null: not known to be confirmed there. */
  mall_confirmed_at: string | null;
};

/**
 * Shipped boxes of this account whose numbers the mall has not accepted yet, with their lines. A box merged across
 * accounts (합포장) is sent to each mall for its own lines: marked sent by another account's job, it is still due
 * here while none of this account's lines in it moved on from SHIPPED (a line the mall accepted goes IN_TRANSIT).
 */
export async function boxesToSend(db: Db, accountId: string, boxIds?: string[]): Promise<SendLine[]> {
  const sentHere = db('order_lines as x')
    .select(db.raw('1'))
    .whereRaw('x.box_id = b.id')
    .where('x.mall_account_id', accountId)
    .whereNot('x.status', 'SHIPPED');
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .join('boxes as b', 'b.id', 'l.box_id')
    .where('l.mall_account_id', accountId)
    .where('l.status', 'SHIPPED')
    .where((w) => w.whereNot('b.send_status', 'sent').orWhereNotExists(sentHere))
    .whereNotNull('b.courier')
    .whereNull('o.deleted_at')
    .select(
      'b.id as box_id',
      'b.courier',
      'b.tracking_number',
      'l.mall_tracking_number',
      'l.id as line_id',
      'l.version',
      'l.mall_line_id',
      'l.mall_shipment_id',
      'o.mall_order_id',
      'l.mall_product_id',
      'l.mall_option_id',
      'l.product_name',
      'l.mall_confirmed_at',
    )
    .orderBy(['b.id', 'l.id']);
  if (boxIds) whereIdIn(db, q, 'b.id', boxIds);
  return q;
}

/** Lines the mall accepted our 발주확인 for (not a change of ours: versions stay). */
export async function markMallConfirmed(db: Db, lineIds: string[], at: string): Promise<void> {
  if (lineIds.length) await whereIdIn(db, db('order_lines'), 'id', lineIds).update({ mall_confirmed_at: at });
}

/** A box as the mall took it: the courier and number it was sent, and the lines it was sent for. */
export type SentBox = { boxId: string; courier: string; trackingNumber: string; lines: readonly { lineId: string }[] };

/**
 * Marks sent the boxes that still carry the courier and number the mall took; answers their ids. A box changed here
 * while the mall took its old number is not: it gets sent_at and `changedError(box, its number now)` as its error,
 * and keeps waiting to be sent. Either way the lines sent remember the number their mall holds now (the next send
 * to that mall is a change); not a change of ours: versions stay.
 */
export async function markBoxesSent(
  db: Db,
  took: readonly SentBox[],
  at: string,
  changedError: (box: SentBox, current: string | null) => Text,
): Promise<string[]> {
  if (!took.length) return [];
  return db.transaction(async (trx) => {
    const rows = await selectWhereIn(
      trx,
      'boxes',
      'id',
      took.map((b) => b.boxId),
      ['id', 'courier', 'tracking_number'],
      { lock: true },
    );
    const now = new Map(rows.map((r) => [r.id as string, r as { courier: string; tracking_number: string | null }]));
    const same: string[] = [];
    for (const box of took) {
      const current = now.get(box.boxId);
      if (!current) continue;
      if (current.courier === box.courier && (current.tracking_number ?? '') === box.trackingNumber) same.push(box.boxId);
      else
        await updateByIds(trx, 'boxes', [box.boxId], {
          send_status: 'failed',
          send_error: storedText(changedError(box, current.tracking_number)),
          sent_at: at,
          updated_at: at,
        });
    }
    await updateByIds(trx, 'boxes', same, { send_status: 'sent', send_error: null, sent_at: at, updated_at: at });
    // One statement for the part, each line its box's number (a statement per box cost a 10,000-box send a second).
    await updateValues(
      trx,
      'order_lines',
      ['mall_tracking_number'],
      took.flatMap((box) => box.lines.map((l) => [l.lineId, box.trackingNumber || null])),
    );
    return same;
  });
}

/**
 * A box the mall did not take (or that was not sent), with why: a stored Message (shared/i18n.ts), put into words in
 * the reader's language when answered (read back with readStoredText); a mall's own words stay inside it as sent.
 */
export async function markBoxFailed(db: Db, boxId: string, why: Text, at: string): Promise<void> {
  await updateByIds(db, 'boxes', [boxId], { send_status: 'failed', send_error: storedText(why), updated_at: at });
}

/** What the mall last said about lines, kept to show where it disagrees with us. */
export async function recordMallStatuses(db: Db, updates: { id: string; mall_status: string; implied: Status; at: string }[]): Promise<void> {
  const groups = new Map<string, { patch: Record<string, unknown>; ids: string[] }>();
  for (const u of updates) {
    const key = `${u.mall_status}|${u.implied}|${u.at}`;
    const g = groups.get(key) ?? { patch: { mall_status: u.mall_status, mall_implied_status: u.implied, mall_status_at: u.at }, ids: [] };
    g.ids.push(u.id);
    groups.set(key, g);
  }
  // Not a change of ours: the version stays (a sheet row is not made stale by the mall repeating itself).
  for (const g of groups.values()) await whereIdIn(db, db('order_lines'), 'id', g.ids).update(g.patch);
}

/**
 * Lines no mall addresses — gift lines, a direct order's, the rest of a line a claim split — sharing a box with
 * these (mall) lines, at one of `statuses`: they travel in the same parcel, so they move when the mall says it
 * moved (sent, delivered). `sameOrder`: only those of the given lines' own orders — a purchase confirmed is one
 * buyer's word, not the parcel's, and must not close a direct order merged into the box.
 */
export async function boxFollowers(
  db: Db,
  lineIds: readonly string[],
  statuses: readonly string[],
  o: { sameOrder?: boolean } = {},
): Promise<{ id: string; version: number }[]> {
  if (!lineIds.length) return [];
  // The given lines' box (or order) ids, as a subquery.
  const ofGivenLines = (column: string) => whereIdIn(db, db('order_lines').select(column).whereNotNull('box_id'), 'id', lineIds);
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .whereIn('l.box_id', ofGivenLines('box_id'))
    .whereNull('l.mall_line_id')
    .whereNull('o.deleted_at')
    .whereIn('l.status', [...statuses])
    .select('l.id', 'l.version')
    .orderBy('l.id');
  if (o.sameOrder) q.whereIn('l.order_id', ofGivenLines('order_id'));
  const given = new Set(lineIds);
  return ((await q) as { id: string; version: number }[]).filter((l) => !given.has(l.id));
}

/** The current versions of lines: a job's own change is not a stale sheet, it applies to the lines as they are now. */
export async function currentVersions(db: Db, lineIds: string[]): Promise<Map<string, number>> {
  const rows = (await whereIdIn(db, db('order_lines'), 'id', lineIds).select('id', 'version')) as { id: string; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Lines whose status disagrees with what the mall says in a way that matters (shared/lifecycle.ts `isMismatch`): a
 * claim on one side only, or the mall past shipping while we are not.
 */
export async function mismatches(db: Db, accountId: string) {
  const rows = await db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .where('l.mall_account_id', accountId)
    .whereNull('o.deleted_at')
    .whereNotNull('l.mall_implied_status')
    .whereRaw('l.mall_implied_status <> l.status')
    .select(
      'l.id as line_id',
      'l.order_id',
      'o.mall_order_id',
      'l.mall_line_id',
      'l.status',
      'l.mall_status',
      'l.mall_implied_status',
      'l.mall_status_at',
    )
    .orderBy('l.id');
  return rows.filter((r: { status: string; mall_implied_status: string }) => isMismatch(r.status as Status, r.mall_implied_status as Status));
}

/** A mall change a sync could not apply, kept to try again: the change as the connector gave it, and why it failed. */
export type PendingChange = {
  mall_line_id: string;
  line_id: string;
  change: MallChange;
  code: string | null;
  message: Text | null;
  attempts: number;
  first_failed_at: string;
  last_tried_at: string;
};

/** Mall changes of this account that earlier syncs could not apply, to be tried again (not those dismissed). */
export async function pendingChanges(db: Db, accountId: string): Promise<PendingChange[]> {
  const rows = (await db('pending_mall_changes')
    .where({ mall_account_id: accountId })
    .whereNull('dismissed_at')
    .orderBy('id')
    .select('mall_line_id', 'line_id', 'change', 'code', 'message', 'attempts', 'first_failed_at', 'last_tried_at')) as (Omit<
    PendingChange,
    'change' | 'message'
  > & { change: string; message: string | null })[];
  return rows.map((r) => ({ ...r, change: JSON.parse(r.change) as MallChange, message: readStoredText(r.message) }));
}

/** Changes an operator dismissed, per mall line: a sync does not keep these (or older ones) again. */
export async function dismissedChanges(db: Db, accountId: string): Promise<Map<string, MallChange>> {
  const rows = (await db('pending_mall_changes')
    .where({ mall_account_id: accountId })
    .whereNotNull('dismissed_at')
    .select('mall_line_id', 'change')) as {
    mall_line_id: string;
    change: string;
  }[];
  return new Map(rows.map((r) => [r.mall_line_id, JSON.parse(r.change) as MallChange]));
}

/** An operator settled the change another way: it is not retried nor counted, and not kept again by a later sync. */
export async function dismissPendingChange(db: Db, accountId: string, mallLineId: string, at: string): Promise<number> {
  return db('pending_mall_changes')
    .where({ mall_account_id: accountId, mall_line_id: mallLineId })
    .whereNull('dismissed_at')
    .update({ dismissed_at: at });
}

/** Keeps changes that could not be applied (a newer word of the mall for the same line replaces the older, dismissed or not). */
export async function keepPendingChanges(
  db: Db,
  accountId: string,
  failed: Pick<PendingChange, 'mall_line_id' | 'line_id' | 'change' | 'code' | 'message'>[],
  at: string,
): Promise<void> {
  for (const rows of chunk(failed, 200)) {
    await db('pending_mall_changes')
      .insert(
        rows.map((f) => ({
          mall_account_id: accountId,
          ...f,
          change: JSON.stringify(f.change),
          message: storedText(f.message),
          attempts: 1,
          first_failed_at: at,
          last_tried_at: at,
        })),
      )
      .onConflict(['mall_account_id', 'mall_line_id'])
      .merge({
        line_id: db.raw('excluded.line_id'),
        change: db.raw('excluded.change'),
        code: db.raw('excluded.code'),
        message: db.raw('excluded.message'),
        last_tried_at: db.raw('excluded.last_tried_at'),
        attempts: db.raw('pending_mall_changes.attempts + 1'),
        dismissed_at: null,
      });
  }
}

/** Changes that applied, or that the line no longer needs: nothing is pending for these lines any more. */
export async function clearPendingChanges(db: Db, accountId: string, mallLineIds: string[]): Promise<number> {
  if (!mallLineIds.length) return 0;
  return whereIdIn(db, db('pending_mall_changes').where({ mall_account_id: accountId }), 'mall_line_id', mallLineIds).delete();
}

/** How many changes wait per account, for the account list. */
export async function pendingChangeCounts(db: Db): Promise<Map<string, number>> {
  const rows = (await db('pending_mall_changes')
    .whereNull('dismissed_at')
    .groupBy('mall_account_id')
    .select('mall_account_id')
    .count({ n: '*' })) as { mall_account_id: string; n: number | string }[];
  return new Map(rows.map((r) => [r.mall_account_id, Number(r.n)]));
}
