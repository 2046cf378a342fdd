// Undoing an invoice import: every box it changed gets its old courier and number back (and a box the import had
// sent again is marked sent again, as the mall still has the old number), and lines it moved READY → INVOICED go
// back to READY — through the transition engine, under a new batch, with history rows naming the file. Only while
// nothing after the import depends on it: a box or line changed since (another number, shipped, sent) refuses
// the whole undo, naming the sheet rows.
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { Engine, Refusal } from '../orders/transition-engine.ts';
import { flushWrites } from '../orders/working-set.repo.ts';
import { type WorkingSet } from '../orders/working-set.ts';
import { loadWorkingSet } from '../orders/working-set-load.ts';
import { fileImportsMessages as m } from './file-imports.messages.ts';
import * as repo from './invoice-import.repo.ts';
import { kstMinute } from '../../../shared/time.ts';

export async function findImportOrFail(db: Db, id: string): Promise<repo.ImportSummary> {
  const record = await repo.findImport(db, id);
  if (!record) throw new AppError('not_found', 'import_not_found', message(m.import_not_found, { id }));
  return record;
}

function blocked(rows: number[]): AppError {
  const list = [...new Set(rows)].sort((a, b) => a - b);
  return new AppError('conflict', 'undo_blocked', message(m.undo_blocked, { rows: list.slice(0, 20).join(', ') + (list.length > 20 ? ' …' : '') }), {
    details: { rows: list },
  });
}

/** The rows whose box or lines changed since the import. */
function changedSince(set: WorkingSet, entries: repo.ImportBoxRecord[]): number[] {
  const rows: number[] = [];
  for (const e of entries) {
    const { lines } = e;
    const box = set.boxes.get(e.box_id);
    const moved = lines.some((l) => {
      const now = set.lines.get(l.id);
      // A line the import numbered (READY before it) that is no longer 송장입력 has moved on: shipped, even by the
      // import's own call when its account ships once numbered (same version: one call is one version step).
      return !now || now.version !== l.version || now.box_id !== e.box_id || (l.status === 'READY' && now.status !== 'INVOICED');
    });
    if (moved || !box || box.version !== e.box_version_after || box.send_status === 'sent') rows.push(e.row);
  }
  return rows;
}

export async function undoImport(
  db: Db,
  actor: Actor,
  id: string,
  info: Partial<RequestInfo> = {},
): Promise<{ record: repo.ImportSummary; boxes: number; batch_id: string }> {
  const record = await findImportOrFail(db, id);
  if (record.undone_at) throw new AppError('conflict', 'import_undone', message(m.import_undone, { at: kstMinute(record.undone_at) }));
  const batchId = newId(ID_PREFIX.batch);
  const reason = historyReason(historyMessages.invoice_import_undone, { file: record.source_name });
  // Run again on fresh rows when another box took a number this undo puts back (a push or import between its reads
  // and its writes): the unique index refuses it, and the next run finds the number taken and refuses the undo as
  // undo_blocked instead of answering a 500. A deadlock victim is run again too.
  return retryOnConflict(() => undoOnce(db, actor, record, batchId, reason, info), { also: isUniqueViolation });
}

function undoOnce(db: Db, actor: Actor, record: repo.ImportSummary, batchId: string, reason: string, info: Partial<RequestInfo>) {
  const id = record.id;
  return db.transaction(async (trx) => {
    // Read again under the transaction, its row locked: a second undo running at once waits for the first and sees
    // its mark (without the lock it read the import before the first committed, and was refused as undo_blocked).
    const again = await repo.findImport(trx, id, { lock: true });
    if (again?.undone_at) throw new AppError('conflict', 'import_undone', message(m.import_undone, { at: kstMinute(again.undone_at) }));
    const entries = await repo.importBoxes(trx, id);
    const lineIds = entries.flatMap((e) => e.lines.map((l) => l.id));
    const numbers = entries.flatMap((e) => e.old_tracking_number ?? []);
    const set = await loadWorkingSet(trx, { ids: lineIds, actions: ['set_invoice', 'clear_invoice'], trackingNumbers: numbers });
    const since = changedSince(set, entries);
    if (since.length) throw blocked(since);

    const engine = new Engine(set, actor, batchId);
    const refusedRows: number[] = [];
    for (const e of entries) {
      const before = e.lines;
      try {
        if (e.old_tracking_number && e.old_courier) {
          const line = set.lines.get(before[0]!.id)!;
          const target = { line, order: set.orders.get(line.order_id)! };
          engine.apply(target, 'set_invoice', { courier: e.old_courier, tracking_number: e.old_tracking_number, overwrite: true, reason });
          if (e.old_send_status === 'sent') set.patchBox(set.boxes.get(e.box_id)!, { send_status: 'sent', sent_at: e.old_sent_at });
        } else {
          // First entry: the lines that were READY go back to READY. A box the import made goes with its number
          // (clear_invoice takes the lines out of it); a box they were in before (merged, or made by a booking
          // export) stays as it was, without the number.
          const keep_box = e.box_version_after !== null && e.box_version_after !== 1;
          for (const l of before) {
            const line = set.lines.get(l.id)!;
            if (l.status === 'READY' && line.status === 'INVOICED') {
              engine.apply({ line, order: set.orders.get(line.order_id)! }, 'clear_invoice', { reason, keep_box });
            }
          }
          // The kept box's courier as before the import too (the number went with clear_invoice).
          const kept = keep_box ? set.boxes.get(e.box_id) : undefined;
          if (kept && kept.tracking_number === null && kept.courier !== e.old_courier) set.patchBox(kept, { courier: e.old_courier });
        }
        set.commit();
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refusedRows.push(e.row);
      }
    }
    // The undo is whole or not at all, like the import's record of it.
    if (refusedRows.length) throw blocked(refusedRows);
    await flushWrites(trx, set.writes, engine.now);
    const patch = { undone_at: engine.now, undone_by: actor.id, undo_batch_id: batchId };
    await repo.markUndone(trx, id, patch);
    await writeAudit(trx, actor, info, {
      action: 'invoice_import_undone',
      entity: 'invoice_import',
      entityId: id,
      detail: { boxes: entries.length },
    });
    return { record: { ...record, ...patch }, boxes: entries.length, batch_id: batchId };
  });
}
