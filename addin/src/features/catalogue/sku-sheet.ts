// The 상품 sheet's round trip: pull the catalogue into the sheet (hidden id and version columns) and a hidden
// snapshot of each row as pulled; push the rows the operator changed or added, each checked locally first (a status
// word the pane does not know is never guessed), and write a result beside every row sent or checked. Applied rows
// are rewritten as the server saved them (a new row learns its id and version), and the snapshot follows.
import type { SkuRowResult } from '../../../../shared/api/catalogue.schema.ts';
import { SKU_PAGE_MAX, SKU_SHEET_MAX_ROWS, type SkuSheetRow, type SkuView } from '../../../../shared/api/catalogue.schema.ts';
import { format, render, type Lang, type Messages } from '../../../../shared/i18n.ts';
import { SKU_COLUMNS, SKU_DATA_COLUMNS, SKU_TEXT_COLUMNS } from '../../../../shared/sheet/sku-columns.ts';
import { parseSkuRow, skuCells } from '../../../../shared/sheet/sku-rows.ts';
import type { Api } from '../../api/client.ts';
import { listSkus, pushSkuSheet } from '../../api/catalogue.ts';
import { readColumns, readTable, writeCells, writeTable, type CellPatches, type Progress } from '../../excel/sheets.ts';
import { textOf, type CellValue } from '../../sheet/cells.ts';
import { putBeside } from '../../sheet/columns.ts';
import { RESULT_LABELS } from '../orders/order-sheet.ts';

export const SKU_SHEET = '상품';
export const SKU_SNAPSHOT_SHEET = '_shipsheet_skus';
const SNAPSHOT_HEADER = ['id', 'version', 'signature'];
/** Empty rows below the catalogue that get the text formats too, for new SKUs typed under it. */
const RESERVE_ROWS = 500;

const messages = {
  no_sheet: { ko: '상품 시트가 없습니다. 먼저 상품을 불러오세요.', en: 'There is no 상품 sheet. Pull the catalogue first.' },
  copied_row: {
    ko: '같은 상품키의 행이 위에 있습니다. 새 상품이면 상품키·상품버전 칸을 비우세요',
    en: 'A row above has the same SKU key; for a new SKU, clear the key and version cells',
  },
} satisfies Messages;

type ResultLabel = keyof typeof RESULT_LABELS;
type RowResult = { label: ResultLabel; message: string };

/** What a row holds, by column id. */
type RowCells = Record<string, CellValue>;

/** A row's content as one text, to tell whether the operator changed it since the pull. */
export function signatureOf(cells: Readonly<RowCells>): string {
  return SKU_DATA_COLUMNS.map((c) => textOf(cells[c.id])).join('\u0001');
}

/** Every SKU, page by page. */
async function fetchSkus(api: Api, progress?: Progress): Promise<SkuView[]> {
  const all: SkuView[] = [];
  let cursor: string | null = null;
  do {
    const page = await listSkus(api, { limit: SKU_PAGE_MAX, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.next_cursor;
    progress?.(all.length, 0);
  } while (cursor);
  return all;
}

const indexes = (ids: readonly string[]) => SKU_COLUMNS.flatMap((c, i) => (ids.includes(c.id) ? [i] : []));

/** Pulls the whole catalogue into the 상품 sheet (replacing it) and its snapshot; returns how many SKUs. */
export async function pullCatalogue(api: Api, lang: Lang, progress?: (phase: 'fetch' | 'write', done: number) => void): Promise<number> {
  const skus = await fetchSkus(api, (d) => progress?.('fetch', d));
  const cells = skus.map((s) => skuCells(s, lang));
  await writeTable(
    {
      name: SKU_SHEET,
      header: SKU_COLUMNS.map((c) => c.header[lang]),
      rows: cells.map((row) => SKU_COLUMNS.map((c) => row[c.id] ?? '')),
      textColumns: indexes(SKU_TEXT_COLUMNS),
      hiddenColumns: SKU_COLUMNS.flatMap((c, i) => ('hidden' in c && c.hidden ? [i] : [])),
      widths: SKU_COLUMNS.map((c) => c.width),
      reserveRows: RESERVE_ROWS,
      headerTools: true,
      activate: true,
    },
    (d) => progress?.('write', d),
  );
  await writeSnapshot(new Map(cells.map((row) => [String(row.id), { version: Number(row.version), signature: signatureOf(row) }])));
  return skus.length;
}

type Snapshot = Map<string, { version: number; signature: string }>;

async function writeSnapshot(snapshot: Snapshot): Promise<void> {
  await writeTable({
    name: SKU_SNAPSHOT_SHEET,
    header: SNAPSHOT_HEADER,
    rows: [...snapshot].map(([id, e]) => [id, e.version, e.signature]),
    textColumns: [0, 2],
    visibility: 'VeryHidden',
  });
}

async function readSnapshot(): Promise<Snapshot> {
  const table = await readTable(SKU_SNAPSHOT_SHEET);
  const out: Snapshot = new Map();
  for (const row of table?.rows.slice(1) ?? []) {
    const id = textOf(row[0]);
    if (id) out.set(id, { version: Number(row[1]) || 0, signature: String(row[2] ?? '') });
  }
  return out;
}

export type CataloguePushSummary = { sent: number; applied: number; unchanged: number; refused: number; check: number };

/** Pushes the changed and new rows of the 상품 sheet; results beside them. */
export async function pushCatalogue(api: Api, lang: Lang, progress?: Progress): Promise<CataloguePushSummary> {
  const sheet = await readColumns(SKU_SHEET, SKU_COLUMNS, progress);
  if (!sheet) throw new Error(format(messages.no_sheet, {}, lang));
  const snapshot = await readSnapshot();
  const label = (id: string) => SKU_COLUMNS.find((c) => c.id === id)?.header[lang] ?? id;
  const results = new Map<number, RowResult>();
  const send: { sheetRow: number; row: SkuSheetRow }[] = [];
  const seen = new Set<string>();

  sheet.rows.forEach((values, i) => {
    const sheetRow = i + 1;
    const cells: RowCells = {};
    for (const [id, col] of sheet.at) cells[id] = values[col] ?? '';
    const id = textOf(cells.id);
    if (!id && SKU_DATA_COLUMNS.every((c) => !textOf(cells[c.id]))) return; // an empty row
    if (id && seen.has(id)) return results.set(sheetRow, { label: 'check', message: format(messages.copied_row, {}, lang) });
    if (id) seen.add(id);
    const pulled = id ? snapshot.get(id) : undefined;
    if (pulled && pulled.signature === signatureOf(cells)) return; // unchanged since the pull
    const parsed = parseSkuRow(cells, label);
    if (!parsed.ok) return results.set(sheetRow, { label: 'check', message: parsed.issues.map((p) => render(p.message, lang)).join(' / ') });
    send.push({ sheetRow, row: parsed.row });
  });

  const patches: CellPatches = new Map();
  for (let from = 0; from < send.length; from += SKU_SHEET_MAX_ROWS) {
    const block = send.slice(from, from + SKU_SHEET_MAX_ROWS);
    const answer = await pushSkuSheet(api, { rows: block.map((b) => b.row) });
    answer.results.forEach((r, k) => {
      const { sheetRow } = block[k]!;
      results.set(sheetRow, resultOf(r));
      if (r.sku) {
        // The row as saved: a new row gets its id and version, every cell reads as the server keeps it.
        const saved = skuCells(r.sku, lang);
        putBeside(sheet.at, patches, sheetRow, saved);
        snapshot.set(r.sku.id, { version: r.sku.version, signature: signatureOf(saved) });
      }
    });
  }
  for (const [row, r] of results) {
    putBeside(sheet.at, patches, row, { push_result: format(RESULT_LABELS[r.label], {}, lang), push_message: r.message });
  }
  await writeCells(SKU_SHEET, patches);
  if (send.length) await writeSnapshot(snapshot);
  const count = (l: ResultLabel) => [...results.values()].filter((r) => r.label === l).length;
  return { sent: send.length, applied: count('applied'), unchanged: count('unchanged'), refused: count('refused'), check: count('check') };
}

function resultOf(r: SkuRowResult): RowResult {
  if (r.result === 'refused') return { label: 'refused', message: r.message ?? '' };
  return { label: r.code === 'unchanged' ? 'unchanged' : 'applied', message: '' };
}
