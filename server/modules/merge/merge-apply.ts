// Applying a merge (합포 적용): each group's mergeable lines go into one box, in one transaction, under one batch.
// Every order is read again under lock (PostgreSQL) and must still have the version the preview showed and still
// be mergeable, else the whole apply is refused naming it. A group whose lines already sit in a box of their own
// keeps that box (the lowest id); the other boxes they leave empty are removed, their rows kept in the undo record.
import type { Knex } from 'knex';
import type { MergeApplyResult } from '../../../shared/api/merge.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { CLAIM_STATUSES, type Status } from '../../../shared/lifecycle.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import { packText } from '../../db/packed-text.ts';
import { OVERLAP_FROM, whileRunning } from '../../db/turns.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { EngineCore } from '../orders/engine/core.ts';
import { flushWrites, type BoxRow, type LineRow, type OrderRow } from '../orders/working-set.repo.ts';
import { type WorkingSet } from '../orders/working-set.ts';
import { loadWorkingSet } from '../orders/working-set-load.ts';
import { rejectionKey } from './merge-plan.ts';
import { mergeMessages as m } from './merge.messages.ts';
import * as repo from './merge.repo.ts';

type OrderVersion = { id: string; version: number };
export type MergeRequest = { groups: { orders: OrderVersion[] }[]; rejected: { orders: OrderVersion[] }[] };

/** The undo record of a batch, one JSON value on its row (packed: packed-text.ts). */
export type UndoRecord = {
  /** [line id, box before (or none), box after, line version after] */
  lines: [string, string | null, string, number][];
  /** Boxes the apply made. */
  made: string[];
  /** Boxes the apply emptied and removed, whole. */
  removed: BoxRow[];
  /** [box id, version after] of every box lines went into. */
  boxes: [string, number][];
};

const CLAIMED: readonly string[] = Object.values(CLAIM_STATUSES).map((s) => s.requested);

const MERGE_REASONS = {
  manual: [historyMessages.merged, historyMessages.merge_undone],
  auto: [historyMessages.merged_auto, historyMessages.merge_auto_undone],
} as const;

/** What the history rows of a merge and its undo say (a stored Message, said in each reader's language). */
export const mergeReason = (source: 'manual' | 'auto', undo = false) => historyReason(MERGE_REASONS[source][undo ? 1 : 0]);

const nameOf = (order: OrderRow | undefined, id: string) => order?.mall_order_id ?? id;

/** The lines of an order that may go into a merged box now, or none when the order may not merge at all. */
export function mergeableLines(set: WorkingSet, order: OrderRow): LineRow[] {
  if (order.hold || order.merge_locked || order.deleted_at) return [];
  const lines = set.linesOfOrder(order.id);
  if (lines.some((l) => CLAIMED.includes(l.status))) return [];
  return lines.filter(
    (l) => (l.status as Status) === 'READY' && !l.sold_out && !l.unmatched && !(l.box_id && set.boxes.get(l.box_id)?.tracking_number),
  );
}

/** Refuses a request naming one order twice across its groups (it cannot go into two boxes). */
export function checkRequest(body: MergeRequest): void {
  const seen = new Set<string>();
  body.groups.forEach((g, i) =>
    g.orders.forEach((o, k) => {
      if (seen.has(o.id)) throw fieldError(`groups.${i}.orders.${k}`, m.order_twice, { order: o.id }, { code: 'order_twice' });
      seen.add(o.id);
    }),
  );
}

/**
 * The merge itself, in the caller's transaction: returns the batch written, or a result with no batch when nothing
 * changed. `source` says whether an operator asked or the release did (auto-merge).
 */
export async function mergeInTransaction(
  trx: Knex.Transaction,
  actor: Actor,
  body: MergeRequest,
  source: 'manual' | 'auto',
  info: Partial<RequestInfo> = {},
): Promise<MergeApplyResult> {
  const orderIds = [...new Set(body.groups.flatMap((g) => g.orders.map((o) => o.id)))];
  const set = await loadWorkingSet(trx, { ids: orderIds, actions: ['set_flags', 'set_invoice'] });
  const grouped: LineRow[][] = [];
  for (const g of body.groups) {
    const lines: LineRow[] = [];
    for (const asked of g.orders) {
      const order = set.orders.get(asked.id);
      if (!order || order.version !== asked.version) {
        throw new AppError('conflict', 'order_moved', message(m.order_moved, { order: nameOf(order, asked.id) }), {
          details: { order_id: asked.id },
        });
      }
      const own = mergeableLines(set, order);
      if (!own.length) {
        throw new AppError('conflict', 'order_not_mergeable', message(m.order_not_mergeable, { order: nameOf(order, asked.id) }), {
          details: { order_id: asked.id },
        });
      }
      lines.push(...own);
    }
    grouped.push(lines);
  }

  const batchId = newId(ID_PREFIX.batch);
  const now = new Date().toISOString();
  const core = new EngineCore(set, actor, batchId, { source: 'manual' }, now);
  const reason = mergeReason(source);
  const record: UndoRecord = { lines: [], made: [], removed: [], boxes: [] };
  let groups = 0;
  for (const lines of grouped) {
    // A box is kept only when every line in it belongs to the group: a box shared with lines that may not merge now
    // (held since, say) is not pulled into the group. Most groups' lines are in no box yet: no list, set or sort.
    let boxes: string[] | undefined;
    for (const l of lines) if (l.box_id && !boxes?.includes(l.box_id)) (boxes ??= []).push(l.box_id);
    let own: string | undefined;
    if (boxes) {
      const members = new Set(lines);
      own = boxes.sort().find((id) => set.linesOfBox(id).every((l) => members.has(l)));
    }
    const moving = own === undefined ? lines : lines.filter((l) => l.box_id !== own);
    if (own !== undefined && moving.length === 0) continue; // already one box
    let target: BoxRow;
    if (own) {
      target = set.boxes.get(own)!;
      set.patchBox(target, {});
    } else {
      target = newBox(set, now);
      record.made.push(target.id);
    }
    // The boxes lines leave, in the order they are left (most groups' lines leave none: no set made for them).
    let left: Set<string> | undefined;
    for (const line of moving) {
      record.lines.push([line.id, line.box_id, target.id, 0]);
      if (line.box_id) (left ??= new Set()).add(line.box_id);
      core.moveLine(line, 'same', 'merge', reason, { box_id: target.id });
      core.record('line', line.id, line.order_id, 'merge', line.status, line.status, reason);
    }
    for (const id of left ?? []) {
      if (set.linesOfBox(id).length) continue;
      record.removed.push({ ...set.boxes.get(id)! });
      set.writes.deletedBoxes.add(id);
    }
    record.boxes.push([target.id, own ? target.version + 1 : 1]);
    groups++;
  }
  for (const entry of record.lines) entry[3] = set.versionAfter(entry[0]) ?? 1;
  const rejections = rejectionRows(body, batchId);
  if (!groups && !rejections.length) return { batch_id: null, groups: 0, lines: 0, rejected: 0 };

  // The undo record (a line per merged line) is written out and packed (packed-text.ts) while the first writes run:
  // nothing it holds changes.
  const [, undo] = await whileRunning(flushWrites(trx, set.writes, now), () => packText(JSON.stringify(record)), record.lines.length >= OVERLAP_FROM);
  await repo.insertBatch(trx, {
    id: batchId,
    source,
    groups,
    lines: record.lines.length,
    undo,
    created_by: actor.id,
    created_at: now,
    undone_at: null,
    undone_by: null,
    undo_batch_id: null,
  });
  await repo.insertRejections(trx, rejections);
  await writeAudit(trx, actor, info, {
    action: 'merge_applied',
    entity: 'merge_batch',
    entityId: batchId,
    detail: { source, groups, lines: record.lines.length, rejected: rejections.length },
  });
  return { batch_id: batchId, groups, lines: record.lines.length, rejected: rejections.length };
}

function rejectionRows(body: MergeRequest, batchId: string) {
  const rows = new Map<string, { orders_key: string; batch_id: string; order_ids: string }>();
  for (const r of body.rejected) {
    const ids = [...new Set(r.orders.map((o) => o.id))].sort();
    const key = rejectionKey(ids);
    rows.set(key, { orders_key: key, batch_id: batchId, order_ids: JSON.stringify(ids) });
  }
  return [...rows.values()];
}

/** A box without a courier or number yet: the merged lines wait in it for their tracking number. */
function newBox(set: WorkingSet, now: string): BoxRow {
  const box: BoxRow = {
    id: newId(ID_PREFIX.box),
    courier: null,
    tracking_number: null,
    invoiced_at: null,
    shipped_at: null,
    send_status: 'not_sent',
    send_error: null,
    sent_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  set.addNewBox(box);
  return box;
}
