// Merge-packing (합포장, PRODUCT.md §2.4): preview → apply → undo, the list of batches, and the automatic merge at
// release when the seller turns it on (shop setting 'auto_merge').
import type { MergeApplyResult, MergeBatch, MergeUndoResult } from '../../../shared/api/merge.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import { unpackText } from '../../db/packed-text.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { EngineCore } from '../orders/engine/core.ts';
import { flushWrites } from '../orders/working-set.repo.ts';
import { loadWorkingSet } from '../orders/working-set-load.ts';
import { getFlag } from '../settings/settings.service.ts';
import { checkRequest, mergeInTransaction, mergeReason, type MergeRequest, type UndoRecord } from './merge-apply.ts';
import { planDesk } from './merge-plan.ts';
import { mergeMessages as m } from './merge.messages.ts';
import * as repo from './merge.repo.ts';
import { kstMinute } from '../../../shared/time.ts';
import { retryOnConflict } from '../../db/errors.ts';

export { previewMerge } from './merge-plan.ts';

export const AUTO_MERGE_KEY = 'auto_merge';

export async function applyMerge(db: Db, actor: Actor, body: MergeRequest, info: Partial<RequestInfo> = {}): Promise<MergeApplyResult> {
  checkRequest(body);
  // Run again on fresh rows when a line moved into another box before its lock (MovedBeforeLock) or a deadlock.
  return retryOnConflict(() => db.transaction((trx) => mergeInTransaction(trx, actor, body, 'manual', info)));
}

/**
 * After a release: when the seller turned auto-merge on, the merge groups (never review groups) that hold at least
 * one of the released orders (or lines: `released` holds the ids the release named) are merged, as one batch. A conflict (another operator changed an order in between)
 * leaves the release as it is and the orders on the desk for a manual merge.
 */
export async function autoMergeAfterRelease(db: Db, actor: Actor, released: ReadonlySet<string>): Promise<MergeApplyResult | null> {
  if (!released.size || !(await getFlag(db, AUTO_MERGE_KEY))) return null;
  try {
    return await retryOnConflict(() =>
      db.transaction(async (trx) => {
        const desk = await planDesk(trx);
        const version = (id: string) => ({ id, version: Number(desk.byOrder.get(id)![0]!.order_version) });
        const touched = (id: string) => released.has(id) || desk.byOrder.get(id)!.some((r) => released.has(r.line_id));
        const groups = desk.merges.filter((g) => g.order_ids.some(touched)).map((g) => ({ orders: g.order_ids.map(version) }));
        if (!groups.length) return null;
        return mergeInTransaction(trx, actor, { groups, rejected: [] }, 'auto');
      }),
    );
  } catch (error) {
    if (error instanceof AppError && error.type === 'conflict') return null;
    throw error;
  }
}

export async function listBatches(db: Db, limit = 20): Promise<MergeBatch[]> {
  return (await repo.listBatches(db, limit)).map((b) => ({
    id: b.id,
    source: b.source,
    groups: Number(b.groups),
    lines: Number(b.lines),
    created_at: new Date(b.created_at).toISOString(),
    created_by: b.created_by,
    undone_at: b.undone_at ? new Date(b.undone_at).toISOString() : null,
  }));
}

/**
 * Splits a batch back: every line to the box it was in before (or none), the boxes the apply removed put back, the
 * boxes it made removed once empty; its rejected review groups are offered again. Refused, naming the orders, while
 * anything after the merge depends on it (a line or box changed since: a number entered, shipped, moved).
 */
export async function undoMerge(db: Db, actor: Actor, id: string, info: Partial<RequestInfo> = {}): Promise<MergeUndoResult> {
  return retryOnConflict(() => undoOnce(db, actor, id, info));
}

function undoOnce(db: Db, actor: Actor, id: string, info: Partial<RequestInfo>): Promise<MergeUndoResult> {
  return db.transaction(async (trx) => {
    const batch = await repo.findBatch(trx, id, { lock: true });
    if (!batch) throw new AppError('not_found', 'batch_not_found', message(m.batch_not_found, { id }));
    if (batch.undone_at) throw new AppError('conflict', 'batch_undone', message(m.batch_undone, { at: kstMinute(new Date(batch.undone_at)) }));
    const record = JSON.parse(await unpackText(batch.undo)) as UndoRecord;
    const set = await loadWorkingSet(trx, { ids: record.lines.map((l) => l[0]), actions: ['set_invoice'] });

    const blocked = new Set<string>();
    const boxAfter = new Map(record.boxes);
    for (const [lineId, , boxId, version] of record.lines) {
      const line = set.lines.get(lineId);
      const box = set.boxes.get(boxId);
      const boxMoved = !box || box.version !== boxAfter.get(boxId) || box.tracking_number !== null;
      if (!line || line.version !== version || line.box_id !== boxId || boxMoved) {
        const order = line ? set.orders.get(line.order_id) : undefined;
        blocked.add(order?.mall_order_id ?? line?.order_id ?? lineId);
      }
    }
    if (blocked.size) {
      const list = [...blocked].sort();
      throw new AppError(
        'conflict',
        'undo_blocked',
        message(m.undo_blocked, { orders: list.slice(0, 20).join(', ') + (list.length > 20 ? ' …' : '') }),
        {
          details: { orders: list },
        },
      );
    }

    const undoBatchId = newId(ID_PREFIX.batch);
    const now = new Date().toISOString();
    const core = new EngineCore(set, actor, undoBatchId, { source: 'manual' }, now);
    const reason = mergeReason(batch.source, true);
    for (const box of record.removed) set.addNewBox({ ...box });
    for (const [lineId, before] of record.lines) {
      const line = set.lines.get(lineId)!;
      core.moveLine(line, 'same', 'merge_undo', reason, { box_id: before });
      core.record('line', line.id, line.order_id, 'merge_undo', line.status, line.status, reason);
    }
    for (const boxId of record.made) if (!set.linesOfBox(boxId).length) set.writes.deletedBoxes.add(boxId);
    await flushWrites(trx, set.writes, now);
    await repo.deleteRejections(trx, batch.id);
    await repo.markUndone(trx, batch.id, { undone_at: now, undone_by: actor.id, undo_batch_id: undoBatchId });
    await writeAudit(trx, actor, info, { action: 'merge_undone', entity: 'merge_batch', entityId: batch.id, detail: { lines: record.lines.length } });
    return { batch_id: batch.id, undo_batch_id: undoBatchId, lines: record.lines.length };
  });
}
