// Spreadsheet templates and invoice imports (issue 10 §1, §3), for the pane's 파일 tab: list, save, edit and guess
// templates and download a sample of one; preview an invoice file (nothing written), apply it, list imports and
// undo one. Every import takes its rows as a `source`: the active sheet's values or an uploaded file.
import type { Response } from 'express';
import {
  fileTemplate,
  fileTemplateList,
  guessBody,
  guessResponse,
  importIdParams,
  importResultFileBody,
  invoiceImportBody,
  invoiceImportList,
  invoiceImportResult,
  templateBody,
  templateIdParams,
  templateListQuery,
  undoResponse,
} from '../../../shared/api/file-imports.schema.ts';
import { message, render, type Lang } from '../../../shared/i18n.ts';
import type { AppDeps } from '../../deps.ts';
import { withAutoSends } from '../../jobs/auto-send.ts';
import { exportFileInfo, writeExport } from '../../files/export.ts';
import { fileImportsMessages } from '../../modules/files/file-imports.messages.ts';
import { appliedResultSheet, previewResultSheet, type ResultSheet } from '../../modules/files/invoice-result-file.ts';
import type { ImportSummary } from '../../modules/files/invoice-import.service.ts';
import { listImports, runInvoiceImport } from '../../modules/files/invoice-import.service.ts';
import { undoImport } from '../../modules/files/invoice-undo.ts';
import { writeTemplateSample } from '../../modules/files/template-sample.ts';
import {
  createTemplate,
  definitionOf,
  deleteTemplate,
  getTemplate,
  guessFor,
  listTemplates,
  updateTemplate,
  type StoredTemplate,
} from '../../modules/files/templates.service.ts';
import { startDownload } from '../download.ts';
import { route } from '../route.ts';

/**
 * A result file: each row's number in the file (what a result's "(14행)" names: title rows above the header count),
 * the file's header and rows, and the result column, in the caller's language, as XLSX.
 */
async function sendResultFile(res: Response, sheet: ResultSheet, lang: Lang): Promise<void> {
  startDownload(res, exportFileInfo({ format: 'xlsx', name: sheet.name }));
  await writeExport(res, {
    format: 'xlsx',
    name: sheet.name,
    columns: [
      { header: render(message(fileImportsMessages.row_column), lang), width: 6 },
      ...sheet.header.map((h) => ({ header: h === null ? '' : String(h), width: 16, text: true })),
      { header: render(message(fileImportsMessages.result_column), lang), width: 48 },
    ],
    rows: sheet.rows.map((r) => [r.row, ...r.cells, r.result === null ? null : render(r.result, lang)]),
  });
}

/** A template as answered: built-in names in the caller's language. */
function templateAnswer(t: StoredTemplate, lang: Lang) {
  return {
    id: t.template.id,
    name: typeof t.name === 'string' ? t.name : t.name[lang],
    type: t.template.type,
    built_in: t.template.builtIn,
    definition: definitionOf(t.template),
    created_by: t.created_by,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
}

export function recordAnswer(r: ImportSummary) {
  return {
    id: r.id,
    batch_id: r.batch_id,
    created_by: r.created_by,
    created_at: r.created_at,
    template_id: r.template_id,
    source_kind: r.source_kind as 'sheet' | 'file',
    source_name: r.source_name,
    courier: r.courier,
    overwrite: r.overwrite,
    all_or_nothing: r.all_or_nothing,
    counts: { rows: r.rows, new: r.new_count, overwrite: r.overwrite_count, unchanged: r.unchanged_count, refused: r.refused_count },
    undone_at: r.undone_at,
    undone_by: r.undone_by,
  };
}

export function fileImportRoutes(deps: AppDeps) {
  const { db } = deps;
  return [
    route({
      method: 'get',
      path: '/file-templates',
      tag: 'files',
      summary: 'Spreadsheet templates: the built-ins (read-only, built_in true) first, then the saved ones by name',
      access: 'viewer',
      query: templateListQuery,
      response: fileTemplateList,
      handler: async ({ query, info }) => ({
        items: (await listTemplates(db, query.type)).map((t) => templateAnswer(t, info.lang)),
        next_cursor: null,
      }),
    }),
    route({
      method: 'post',
      path: '/file-templates',
      tag: 'files',
      summary: 'Save a template (a copy of a built-in, a guessed one, or a new one)',
      access: 'operator',
      status: 201,
      body: templateBody,
      response: fileTemplate,
      handler: async ({ actor, body, info }) => templateAnswer(await createTemplate(db, actor, body), info.lang),
    }),
    route({
      method: 'put',
      path: '/file-templates/:id',
      tag: 'files',
      summary: 'Replace a saved template (name and definition; its type stays). Built-ins answer 409',
      access: 'operator',
      params: templateIdParams,
      body: templateBody,
      response: fileTemplate,
      handler: async ({ actor, params, body, info }) => templateAnswer(await updateTemplate(db, actor, params.id, body), info.lang),
    }),
    route({
      method: 'delete',
      path: '/file-templates/:id',
      tag: 'files',
      summary: 'Delete a saved template. Built-ins answer 409',
      access: 'operator',
      params: templateIdParams,
      response: 'empty',
      handler: async ({ params }) => {
        await deleteTemplate(db, params.id);
      },
    }),
    route({
      method: 'post',
      path: '/file-templates/guess',
      tag: 'files',
      summary: "The template whose headers best match a file's first rows, its score (0.5–1), header row and equally good others",
      access: 'operator',
      body: guessBody,
      response: guessResponse,
      handler: async ({ body, info }) => {
        const guess = await guessFor(db, body.source, body.type);
        return { ...guess, template: guess.template && templateAnswer(guess.template, info.lang) };
      },
    }),
    route({
      method: 'get',
      path: '/file-templates/:id/sample',
      tag: 'files',
      summary: 'A sample XLSX of the template: its header row and one made-up row (answered as the file itself)',
      access: 'viewer',
      params: templateIdParams,
      response: 'file',
      handler: async ({ params, res, info }) => {
        const { template } = await getTemplate(db, params.id);
        // Named as the operator knows the template ("한빛유통 주문서-sample.xlsx"), not by its key.
        const name = `${typeof template.name === 'string' ? template.name : template.name[info.lang]}-sample`;
        startDownload(res, exportFileInfo({ format: 'xlsx', name }));
        await writeTemplateSample(res, template, name);
      },
    }),
    route({
      method: 'post',
      path: '/invoice-imports/preview',
      tag: 'files',
      summary: 'What an invoice file would do, per sheet row: new / overwrite (old → new) / unchanged / refused with the reason. Nothing is written',
      access: 'operator',
      body: invoiceImportBody,
      response: invoiceImportResult,
      handler: async ({ actor, body }) => runInvoiceImport(db, actor, body, false),
    }),
    route({
      method: 'post',
      path: '/invoice-imports',
      tag: 'files',
      summary:
        'Apply an invoice file: numbers to boxes through the transition engine (READY → INVOICED), overwrite only when asked and only for ' +
        'INVOICED / SHIPPED boxes (a box sent to the mall is sent again), all or nothing when asked; recorded for undo',
      access: 'operator',
      body: invoiceImportBody,
      response: invoiceImportResult,
      handler: async ({ actor, body, info }) => {
        const out = await runInvoiceImport(db, actor, body, true, info);
        return withAutoSends(deps.runner, actor, { ...out, auto_send_accounts: out.auto_send_accounts ?? [] });
      },
    }),
    route({
      method: 'post',
      path: '/invoice-imports/preview/result.xlsx',
      tag: 'files',
      summary:
        "A preview's result file: the file's rows from its header down with a result column (새번호 / 덮어씀 old → new / 변경없음 / 거절: reason). " +
        'Nothing is written or kept',
      access: 'operator',
      body: invoiceImportBody,
      response: 'file',
      handler: async ({ actor, body, info, res }) => sendResultFile(res, await previewResultSheet(db, actor, body), info.lang),
    }),
    route({
      method: 'post',
      path: '/invoice-imports/:id/result.xlsx',
      tag: 'files',
      summary:
        "An applied import's result file: the same file sent again, with each row's result as the import recorded it (the server keeps only " +
        'references and tracking numbers, not the rest of the file); 409 when the file is not the one applied',
      access: 'operator',
      params: importIdParams,
      body: importResultFileBody,
      response: 'file',
      handler: async ({ params, body, info, res }) => sendResultFile(res, await appliedResultSheet(db, params.id, body.source), info.lang),
    }),
    route({
      method: 'get',
      path: '/invoice-imports',
      tag: 'files',
      summary: 'Invoice imports, newest first (the last 200)',
      access: 'viewer',
      response: invoiceImportList,
      handler: async () => ({ items: (await listImports(db)).map(recordAnswer), next_cursor: null }),
    }),
    route({
      method: 'post',
      path: '/invoice-imports/:id/undo',
      tag: 'files',
      summary: "Undo an invoice import (numbers and statuses back), unless a box it changed has changed since (409 naming the file's rows)",
      access: 'operator',
      params: importIdParams,
      response: undoResponse,
      handler: async ({ actor, params, info }) => {
        const done = await undoImport(db, actor, params.id, info);
        return { import: recordAnswer(done.record), boxes: done.boxes, batch_id: done.batch_id };
      },
    }),
  ];
}
