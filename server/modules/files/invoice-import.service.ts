// Invoice import (송장 일괄등록, issue 10 §3): a courier's result file or any sheet of numbers → one result per sheet
// row. Preview and apply run the very same decisions inside one transaction; a preview always rolls it back, an
// apply commits what went through (or, all-or-nothing, nothing when any row is refused) and records the import
// with each changed box's old courier, number and statuses, so the import can be undone (invoice-undo.ts).
import { countOutcomes } from '../../../shared/api/common.schema.ts';
import { IMPORT_OUTCOMES, type ImportCounts, type InvoiceImportBody, type InvoiceImportResult } from '../../../shared/api/file-imports.schema.ts';
import type { FileSource } from '../../../shared/api/files.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { cellIssueMessage } from '../../../shared/files/cell-messages.ts';
import { mapRows, type MappedRow } from '../../../shared/files/map-rows.ts';
import type { InvoiceImportTemplate } from '../../../shared/files/templates.ts';
import { message } from '../../../shared/i18n.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import type { SheetRows } from '../../files/read-workbook.ts';
import { readSource } from '../../files/source.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { isOrderKey, orderKeyLines, resolveReferences, type Resolved } from '../orders/line-references.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { Engine, addHeld } from '../orders/transition-engine.ts';
import { writeChanges } from '../orders/write-changes.ts';
import { type WorkingSet } from '../orders/working-set.ts';
import { loadWorkingSet, storedNumber } from '../orders/working-set-load.ts';
import { fileImportsMessages as m } from './file-imports.messages.ts';
import * as repo from './invoice-import.repo.ts';
import { crossCheck, InvoiceRows, repeatedRow, storeResults, type ImportRow, type RowResult } from './invoice-rows.ts';
import { packText } from '../../db/packed-text.ts';
import { getTemplate } from './templates.service.ts';
import { jsonArrayInSlices, nextTurn, OVERLAP_FROM, whileRunning } from '../../db/turns.ts';

/** An import's answer as the service gives it: InvoiceImportResult with its rows' messages unrendered. */
export type ImportAnswer = Omit<InvoiceImportResult, 'results'> & {
  results: RowResult[];
  /** Accounts that send once shipped whose boxes the apply shipped (issue 13 §6): the route starts their send jobs. */
  auto_send_accounts?: string[];
};

export type { ImportSummary } from './invoice-import.repo.ts';

export const sourceName = (source: FileSource): string => (source.kind === 'file' ? source.filename : source.name);

/** What the history rows of an import say (status_history.reason, a stored Message), so a box's history names the file. */
export const importReason = (source: FileSource): string => historyReason(historyMessages.invoice_import, { file: sourceName(source) });

async function invoiceTemplate(db: Db, id: string): Promise<InvoiceImportTemplate> {
  const { template, name } = await getTemplate(db, id);
  if (template.type !== 'invoice_import') {
    throw fieldError('template_id', m.template_wrong_type, { name: typeof name === 'string' ? name : name.ko }, { code: 'template_wrong_type' });
  }
  return template;
}

/** A cell as text, or null when empty. */
const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function importRow(mapped: MappedRow): ImportRow {
  const { values, issues } = mapped;
  const reference = text(values.box_key ?? values.mall_order_id ?? values.mall_line_id);
  const first = issues[0];
  const courier = text(values.courier);
  const number = text(values.tracking_number);
  return {
    row: mapped.row,
    reference,
    courier,
    number,
    stored: courier && number ? (storedNumber(courier, number) ?? null) : null,
    ...(first ? { issue: { code: first.code, message: cellIssueMessage(first) } } : {}),
  };
}

/** Raised inside the transaction to roll it back with the answer (a preview, or an all-or-nothing refusal). */
class RollBack {
  constructor(readonly answer: ImportAnswer) {}
}

/** A sheet's rows read through an invoice template: each row's reference, courier and number, or its cell problem. */
export async function mappedImportRows(db: Db, templateId: string, sheet: SheetRows, courier?: string) {
  const template = await invoiceTemplate(db, templateId);
  const mapped = mapRows(sheet, template, courier ? { fixed: { courier } } : {});
  if (!mapped.ok) throw new AppError('invalid_data', mapped.code, cellIssueMessage(mapped), { details: { missing: mapped.missing ?? [] } });
  return { template, mapped, rows: mapped.rows.map(importRow) };
}

export async function runInvoiceImport(
  db: Db,
  actor: Actor,
  body: InvoiceImportBody,
  apply: boolean,
  info: Partial<RequestInfo> = {},
): Promise<ImportAnswer> {
  const sheet = await readSource(body.source);
  const { template, mapped, rows } = await mappedImportRows(db, body.template_id, sheet, body.courier);
  const referenceColumn = sheet.rows[mapped.header_row - 1]?.[mapped.columns[template.reference] ?? -1];
  const references = rows.flatMap((r) => r.reference ?? []);
  // A box key names a box — the working set reads its lines anyway, so they are not looked up twice — or, for lines
  // a booking file sent before they had a box, their order.
  const byBox = template.reference === 'box_key';
  const boxKeys = byBox ? references.filter((k) => !isOrderKey(k)) : [];
  const looked = byBox ? await orderKeyLines(db, references.filter(isOrderKey)) : await resolveReferences(db, template.reference, references);
  const numbers = [...new Set(rows.flatMap((r) => r.stored ?? []))];
  const batchId = newId(ID_PREFIX.batch);
  const reason = importReason(body.source);

  // Run again on fresh rows when another import or push took one of the file's numbers (or the same box) between
  // this one's reads and its writes: the unique index refuses the loser, which then sees the winner's number and
  // refuses the row as a duplicate instead of answering a 500. A deadlock victim is run again too.
  const run = () =>
    db.transaction(async (trx) => {
      const ids = [...new Set([...looked.values()].flatMap((r) => r.lineIds))];
      // The file's rows are checked against each other while the database reads the rows they name.
      const [set, { refused, repeats }] = await whileRunning(
        loadWorkingSet(trx, { ids, actions: ['set_invoice'], trackingNumbers: numbers, ...(byBox ? { boxes: boxKeys } : {}) }),
        () => crossCheck(rows),
        rows.length >= OVERLAP_FROM,
      );
      const resolved = byBox ? withBoxLines(looked, set, boxKeys) : looked;
      const engine = new Engine(set, actor, batchId);
      const decider = new InvoiceRows(
        engine,
        set,
        template.reference,
        String(referenceColumn ?? template.reference),
        resolved,
        body.overwrite,
        reason,
      );
      const results: RowResult[] = [];
      for (const [k, r] of rows.entries()) {
        if (k > 0 && k % 1000 === 0) await nextTurn();
        const first = repeats.get(r.row);
        results.push(first !== undefined ? repeatedRow(r, first) : decider.apply(r, refused.get(r.row)));
      }
      const answer = (ok: boolean, importId: string | null): ImportAnswer => ({
        import_id: importId,
        batch_id: importId ? batchId : null,
        applied: ok,
        template_id: template.id,
        header_row: mapped.header_row,
        counts: countsOf(results),
        results,
      });
      const refusedCount = results.filter((r) => r.outcome === 'refused').length;
      if (body.all_or_nothing && refusedCount > 0) {
        const why = message(m.all_or_nothing, { count: refusedCount });
        const told = results.map((r) => (r.outcome === 'refused' ? r : { ...r, outcome: 'refused' as const, code: 'all_or_nothing', message: why }));
        throw new RollBack({ ...answer(false, null), results: told, counts: countsOf(told) });
      }
      if (!apply) throw new RollBack(answer(false, null));
      if (!decider.changed.length) return answer(true, null);
      // Boxes of accounts that ship once numbered ship now, whole; a row whose box stayed says why.
      const held = engine.finish();
      if (held.size) {
        for (const r of results)
          if (r.box_id && (r.outcome === 'new' || r.outcome === 'overwrite'))
            addHeld(
              r,
              set.linesOfBox(r.box_id).map((l) => l.id),
              held,
            );
      }
      const importId = newId(ID_PREFIX.invoiceImport);
      const created = new Set(set.writes.newBoxes.map((b) => b.id));
      const counts = countsOf(results);
      // The record's JSON (8 MB for 50,000 rows) is built and packed (packed-text.ts) while the database writes the
      // changes (server/db/turns.ts: if building fails, the writes finish before the transaction rolls back).
      const [, [stored, undoBoxes]] = await whileRunning(
        writeChanges(trx, set.writes, { actor, batchId, now: engine.now }),
        () =>
          Promise.all([
            storeResults(mapped.header_row, results),
            jsonArrayInSlices(decider.changed, (c) =>
              repo.packBox({
                box_id: c.box_id,
                row: c.row,
                old_courier: c.old_courier,
                old_tracking_number: c.old_tracking_number,
                old_send_status: c.old_send_status,
                old_sent_at: c.old_sent_at,
                box_version_after: boxVersionAfter(set, created, c.box_id),
                lines: c.lines.map((l) => ({ id: l.id, status: l.status, version: set.versionAfter(l.id) ?? 1 })),
              }),
            ).then(packText),
          ]),
        false,
      );
      await writeAudit(trx, actor, info, {
        action: 'invoice_import_applied',
        entity: 'invoice_import',
        entityId: importId,
        detail: { template_id: template.id, source_kind: body.source.kind, overwrite_on: body.overwrite, ...counts },
      });
      await repo.insertImport(
        trx,
        {
          id: importId,
          batch_id: batchId,
          created_by: actor.id,
          created_at: engine.now,
          template_id: template.id,
          source_kind: body.source.kind,
          source_name: sourceName(body.source).slice(0, 255),
          courier: body.courier ?? null,
          overwrite: body.overwrite,
          all_or_nothing: body.all_or_nothing,
          rows: counts.rows,
          new_count: counts.new,
          overwrite_count: counts.overwrite,
          unchanged_count: counts.unchanged,
          refused_count: counts.refused,
          results: stored,
          undone_at: null,
          undone_by: null,
          undo_batch_id: null,
        },
        undoBoxes,
      );
      return { ...answer(true, importId), auto_send_accounts: [...engine.autoSend] };
    });
  try {
    return await retryOnConflict(run, { also: isUniqueViolation });
  } catch (error) {
    if (error instanceof RollBack) return error.answer;
    throw error;
  }
}

/** What each box key names, as the working set read it (before any row applies): the box's lines and their orders. */
function withBoxLines(looked: Resolved, set: WorkingSet, boxIds: readonly string[]): Resolved {
  const out: Resolved = new Map(looked);
  for (const id of boxIds) {
    if (out.has(id)) continue;
    const lines = set.linesOfBox(id);
    if (lines.length) out.set(id, { lineIds: lines.map((l) => l.id), orderIds: new Set(lines.map((l) => l.order_id)) });
  }
  return out;
}

/** A box this import created starts at version 1; one it changed went up by one. */
function boxVersionAfter(set: WorkingSet, created: ReadonlySet<string>, boxId: string): number {
  if (created.has(boxId)) return 1;
  return set.boxes.get(boxId)!.version + (set.writes.boxes.has(boxId) ? 1 : 0);
}

function countsOf(results: readonly RowResult[]): ImportCounts {
  return countOutcomes(
    IMPORT_OUTCOMES,
    results.map((r) => r.outcome),
  );
}

/** Newest first. */
export async function listImports(db: Db, limit = 200): Promise<repo.ImportSummary[]> {
  return repo.listImports(db, limit);
}
