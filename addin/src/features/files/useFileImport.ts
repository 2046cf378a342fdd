// The 파일 tab's import: read the active sheet or the chosen file, pick or recognise a template, preview or apply an
// invoice import / order upload, write each row's result back, undo the last invoice import, and keep the list
// of order-upload batches (deleted with a reason).
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { orderUploadTemplateChoice } from '../../../../shared/api/order-uploads.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { ApiError, type Api } from '../../api/client.ts';
import {
  applyInvoiceImport,
  deleteOrderUpload,
  guessTemplate,
  listInvoiceImports,
  listOrderUploads,
  previewInvoiceImport,
  previewOrderUpload,
  registerOrderUpload,
  undoInvoiceImport,
  type FileSourceInput,
  type FileTemplate,
  type UploadBatch,
} from '../../api/files.ts';
import { activeSheetName, readActiveSheet } from '../../excel/import-sheet.ts';
import { errorText, said, saidJoined, useWork, type Notice, type Step } from '../work.tsx';
import { readChosenFile, fileSourceOf, type ChosenFile } from './file-source.ts';
import { isOwnSheet } from './own-sheets.ts';
import { fileMessages as fm, type FileMessage } from './files-messages.ts';
import { withoutResultColumn, writeImportResults, type ImportAnswer } from './import-results.ts';

export type ImportKind = 'invoice' | 'order';
export const templateTypeOf = (kind: ImportKind) => (kind === 'invoice' ? 'invoice_import' : 'order_upload');
const PASSWORD_CODES = new Set(['password_required', 'wrong_password']);

/** An order template goes by id: the upload route finds built-in and saved ones alike in the template store. */
function orderTemplateChoice(t: FileTemplate): z.input<typeof orderUploadTemplateChoice> {
  return { id: t.id };
}

export function useFileImport(api: Api, lang: Lang, kind: ImportKind, templates: readonly FileTemplate[]) {
  const t = (key: FileMessage, params: Record<string, string | number> = {}) => format(fm[key], params, lang);
  const work = useWork(lang);
  const [mode, setMode] = useState<'sheet' | 'file'>('sheet');
  const [file, setChosen] = useState<ChosenFile | null>(null);
  const [password, setPassword] = useState('');
  const [needPassword, setNeedPassword] = useState(false);
  const [picked, setTemplateId] = useState('auto');
  // The last recognition, for the kind it was made for: turning to the other kind shows none of it.
  const [guessed, setGuessed] = useState<{ kind: ImportKind; recognised: FileTemplate; ties: FileTemplate[] } | null>(null);
  // A pick holds while its template is listed for this kind: after turning to the other kind, or deleting the
  // template in the editor, the import recognises again instead of finding no template and asking about ties.
  const templateId = templates.some((x) => x.id === picked) ? picked : 'auto';
  const recognised = guessed?.kind === kind ? guessed.recognised : null;
  const ties = guessed?.kind === kind ? guessed.ties : [];
  const [courier, setCourier] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [allOrNothing, setAllOrNothing] = useState(false);
  // Whose orders a file without a 거래처 column holds (a wholesaler's, a connector-less mall's): duplicates and
  // remembered matches are per channel, so two buyers' order numbers 1, 2, … never meet.
  const [channel, setChannel] = useState<{ kind: '' | 'direct' | 'store_release' | 'named'; name: string }>({ kind: '', name: '' });
  const [batches, setBatches] = useState<UploadBatch[] | null>(null);

  const chooseFile = async (chosen: File | undefined) => {
    setNeedPassword(false);
    setPassword('');
    setChosen(chosen ? await readChosenFile(chosen) : null);
  };

  async function readSource(step: Step): Promise<{ source: FileSourceInput; target: { sheet: string } | { file: true } }> {
    if (mode === 'file') {
      if (!file) throw new Error(t('no_file'));
      step(t('reading_file'));
      return { source: fileSourceOf(file, password), target: { file: true } };
    }
    // One of the pane's own sheets is never a courier's or a wholesaler's file: said before it is read (a 주문
    // sheet taken for a courier result would preview its 50,000 rows as numbers to enter).
    const active = await activeSheetName();
    if (isOwnSheet(active)) throw new Error(t('own_sheet', { name: active }));
    const sheet = await readActiveSheet((done, total) => step(t('reading_sheet', { done, total }), done / total));
    return { source: { kind: 'sheet', name: sheet.name, rows: withoutResultColumn(sheet.rows) }, target: { sheet: sheet.name } };
  }

  /** The chosen template, or the recognised one; null when several match equally (the operator chooses). */
  async function templateFor(source: FileSourceInput): Promise<FileTemplate | null> {
    if (templateId !== 'auto') {
      // The operator chose (perhaps among equally good ones): the choice stands, the question goes.
      setGuessed((g) => g && { ...g, ties: [] });
      return templates.find((x) => x.id === templateId) ?? null;
    }
    const guess = await guessTemplate(api, { source, type: templateTypeOf(kind) });
    if (!guess.template) throw new Error(t('no_guess'));
    const others = guess.ties.map((id) => templates.find((x) => x.id === id)).filter((x): x is FileTemplate => !!x);
    setGuessed({ kind, recognised: guess.template, ties: guess.ties.length ? [guess.template, ...others] : [] });
    return guess.ties.length ? null : guess.template;
  }

  function channelChoice() {
    if (!channel.kind) return {};
    if (channel.kind !== 'named') return { channel: { channel_kind: channel.kind } };
    if (!channel.name.trim()) throw new Error(t('channel_name_needed'));
    return { channel: { channel_kind: channel.kind, channel_name: channel.name.trim() } };
  }

  async function send(source: FileSourceInput, template: FileTemplate, applied: boolean): Promise<ImportAnswer> {
    if (kind === 'invoice') {
      const body = { source, template_id: template.id, overwrite, all_or_nothing: allOrNothing, ...(courier ? { courier } : {}) };
      return { kind, answer: await (applied ? applyInvoiceImport : previewInvoiceImport)(api, body) };
    }
    const body = { source, template: orderTemplateChoice(template), all_or_nothing: allOrNothing, ...channelChoice() };
    return { kind, answer: await (applied ? registerOrderUpload : previewOrderUpload)(api, body) };
  }

  /** A locked file asks for its password wherever it is first opened: recognising the template or reading the rows. */
  async function opening<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError && PASSWORD_CODES.has(error.code)) {
        setNeedPassword(true);
        throw new Error(t('password_needed', { message: error.message }));
      }
      throw error;
    }
  }

  // The notices are kept as words and numbers, said in the pane's language when shown (a switch words them again).
  function summary(result: ImportAnswer, applied: boolean): Notice {
    if (result.kind === 'invoice') {
      const { answer } = result;
      const what = !applied ? 'what_preview' : answer.applied ? 'what_applied' : 'what_not_applied';
      const text = said(fm.invoice_counts, { what: fm[what], ...answer.counts });
      return { intent: answer.counts.refused || (applied && !answer.applied) ? 'warning' : 'success', text };
    }
    const { counts } = result.answer;
    const text = said(fm.upload_counts, { what: fm[applied ? 'what_registered' : 'what_preview'], ...counts });
    return { intent: counts.invalid || counts.duplicate ? 'warning' : 'success', text };
  }

  const loadBatches = useCallback(async () => setBatches((await listOrderUploads(api, { limit: 20, include_deleted: 'true' })).items), [api]);

  const { setNotice } = work;
  const refreshBatches = useCallback(
    () => loadBatches().catch((error: unknown) => setNotice({ intent: 'error', text: errorText(error, lang) })),
    [loadBatches, setNotice, lang],
  );

  const run = (applied: boolean) =>
    work.run(async (step) => {
      const { source, target } = await readSource(step);
      const template = await opening(() => templateFor(source));
      if (!template) return { intent: 'warning', text: said(fm.ties) };
      step(t('sending'), undefined, false);
      const result = await opening(() => send(source, template, applied));
      setNeedPassword(false);
      if (result.kind === 'order' && applied) await loadBatches();
      // From here the sheet is being written: cancel would leave half a column, so the steps are not cancellable.
      const written = await writeImportResults(target, result, !applied, lang, (done, total) =>
        step(t('writing_results', { done, total }), done / total, false),
      );
      const notice = summary(result, applied);
      const where = written.column
        ? said(fm.written_beside, { sheet: written.sheet, column: written.column })
        : said(fm.written_sheet, { sheet: written.sheet });
      return { ...notice, text: saidJoined([notice.text, where], '\n') };
    });

  /** Undoes the newest invoice import; the server refuses (and says which rows) when a box has moved on since. */
  const undo = () =>
    work.run(async () => {
      const last = (await listInvoiceImports(api)).items[0];
      if (!last || last.undone_at) return { intent: 'info', text: said(fm.nothing_to_undo) };
      const done = await undoInvoiceImport(api, last.id);
      return said(fm.undone, { boxes: done.boxes });
    });

  const deleteBatch = (id: string, reason: string) =>
    work.run(async () => {
      if (!reason.trim()) return { intent: 'warning', text: said(fm.need_reason) };
      const done = await deleteOrderUpload(api, id, reason.trim());
      await loadBatches();
      return said(fm.batch_removed, { orders: done.orders.length });
    });

  return {
    work,
    options: { mode, setMode, file, chooseFile, password, setPassword, needPassword, templateId, setTemplateId, ties, recognised },
    switches: { courier, setCourier, overwrite, setOverwrite, allOrNothing, setAllOrNothing, channel, setChannel },
    preview: () => run(false),
    apply: () => run(true),
    undo,
    batches,
    refreshBatches,
    deleteBatch,
  };
}
