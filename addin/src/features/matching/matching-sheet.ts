// The 매칭 sheet: pull writes one row per unmatched product + option with its best suggestion; push reads the SKU
// cells the operator typed, saves those rows' matches in one call (each applied at once to every waiting line of the
// product + option), and writes each row's result beside it. Rows left blank are not sent.
import type { SaveMatchRow, UnmatchedGroup } from '../../../../shared/api/matching.schema.ts';
import { format, type Lang, type Messages } from '../../../../shared/i18n.ts';
import { parseSkuCell } from '../../../../shared/matching.ts';
import { MATCHING_COLUMNS, TAKE_SUGGESTION } from '../../../../shared/sheet/matching-columns.ts';
import type { Api } from '../../api/client.ts';
import { listUnmatched, saveMatches } from '../../api/matching.ts';
import { readColumns, writeCells, writeTable, type CellPatches } from '../../excel/sheets.ts';
import { textOf, type CellValue } from '../../sheet/cells.ts';
import { putBeside } from '../../sheet/columns.ts';

export const MATCHING_SHEET = '매칭';

export const matchingSheetMessages = {
  saved: { ko: '매칭', en: 'Matched' },
  refused: { ko: '오류', en: 'Error' },
  empty: { ko: '상품코드를 넣으세요', en: 'enter SKU codes' },
  bad_quantity: { ko: '수량은 1 이상의 정수로 적으세요: {part}', en: 'quantities are whole numbers from 1: {part}' },
  duplicate: { ko: '같은 상품코드가 두 번 있습니다: {part}', en: 'the same SKU code twice: {part}' },
  no_suggestion: { ko: '이 행에는 추천상품이 없습니다. 상품코드를 적으세요', en: 'this row has no suggestion: type the SKU codes' },
  no_keys: { ko: '숨은 키 열이 비었습니다. 다시 불러오세요', en: 'the hidden key columns are empty: pull again' },
  no_sheet: { ko: '"{sheet}" 시트가 없습니다. 먼저 불러오세요.', en: 'There is no "{sheet}" sheet. Pull it first.' },
  suggestion_code: { ko: '{code} {name} (같은 코드)', en: '{code} {name} (same code)' },
  suggestion_name: { ko: '{code} {name} (이름 {score}%)', en: '{code} {name} (name {score}%)' },
  unchanged_rows: { ko: '(이미 매칭되어 그대로 {count})', en: '(already matched, unchanged: {count})' },
} satisfies Messages;

const say = (key: keyof typeof matchingSheetMessages, params: Record<string, string | number>, lang: Lang) =>
  format(matchingSheetMessages[key], params, lang);

function suggestionText(g: UnmatchedGroup, lang: Lang): string {
  const s = g.suggestions[0];
  if (!s) return '';
  const name = [s.sku_name, s.option_text].filter(Boolean).join(' ');
  return s.reason === 'same_code'
    ? say('suggestion_code', { code: s.sku_code, name }, lang)
    : say('suggestion_name', { code: s.sku_code, name, score: Math.round(s.score * 100) }, lang);
}

/** Writes the sheet; returns the groups written and whether the catalogue is in use (nothing is unmatched before). */
export async function pullMatchingSheet(api: Api, lang: Lang) {
  const list = await listUnmatched(api, { limit: 5000 });
  const rows: CellValue[][] = list.items.map((g) =>
    MATCHING_COLUMNS.map((c) => {
      if (c.id === 'suggestion') return suggestionText(g, lang);
      if (c.id === 'suggested_code') return g.suggestions[0]?.sku_code ?? '';
      if (c.id === 'sku' || c.output) return '';
      return (g[c.id as keyof UnmatchedGroup] as CellValue) ?? '';
    }),
  );
  await writeTable({
    name: MATCHING_SHEET,
    header: MATCHING_COLUMNS.map((c) => c.header[lang]),
    rows,
    textColumns: MATCHING_COLUMNS.flatMap((c, i) => (c.text ? [i] : [])),
    hiddenColumns: MATCHING_COLUMNS.flatMap((c, i) => (c.hidden ? [i] : [])),
    widths: MATCHING_COLUMNS.map((c) => c.width),
    headerTools: true,
    activate: true,
  });
  return { groups: rows.length, catalogueInUse: list.catalogue_in_use, truncated: list.truncated };
}

type RowRead = { ok: true; match: SaveMatchRow } | { ok: false; message: string } | null;

/** One sheet row → the match to save, what is wrong with it, or null when its SKU cell is blank. */
export function matchOfRow(cells: ReadonlyMap<string, string>, lang: Lang): RowRead {
  const typed = cells.get('sku') ?? '';
  if (!typed.trim()) return null;
  const [channel_key, product_key, option_key] = [cells.get('channel_key'), cells.get('product_key'), cells.get('option_key') ?? ''];
  if (!channel_key || !product_key) return { ok: false, message: say('no_keys', {}, lang) };
  let items: SaveMatchRow['items'];
  if (TAKE_SUGGESTION.includes(typed.trim())) {
    const code = cells.get('suggested_code');
    if (!code) return { ok: false, message: say('no_suggestion', {}, lang) };
    items = [{ sku_code: code, quantity: 1 }];
  } else {
    const parsed = parseSkuCell(typed);
    if ('error' in parsed) return { ok: false, message: say(parsed.error, { part: parsed.part }, lang) };
    items = parsed.items;
  }
  const product_name = cells.get('product_name') || undefined;
  return { ok: true, match: { channel_key, product_key, option_key, items, product_name, option_text: cells.get('option_text') || null } };
}

/**
 * Saves every row with SKU codes typed; returns the counts. Results are written beside the rows. A row saved before
 * and sent again as it was (the sheet saved twice) comes back unchanged: it still says 매칭, counted apart.
 */
export async function pushMatchingSheet(api: Api, lang: Lang) {
  const sheet = await readColumns(MATCHING_SHEET, MATCHING_COLUMNS);
  if (!sheet) throw new Error(say('no_sheet', { sheet: MATCHING_SHEET }, lang));
  const { rows, at } = sheet;
  const patches: CellPatches = new Map();
  const write = (row: number, result: string, message: string) => putBeside(at, patches, row, { result, message });
  const sending: { row: number; match: SaveMatchRow }[] = [];
  const counts = { saved: 0, refused: 0, lines: 0, unchanged: 0 };
  rows.forEach((cellsOfRow, i) => {
    const read = matchOfRow(new Map([...at].map(([id, col]) => [id, textOf(cellsOfRow[col])])), lang);
    if (!read) return;
    if (read.ok) sending.push({ row: i + 1, match: read.match });
    else {
      counts.refused++;
      write(i + 1, say('refused', {}, lang), read.message);
    }
  });
  if (sending.length) {
    const answer = await saveMatches(api, { matches: sending.map((s) => s.match) });
    for (const r of answer.results) {
      const row = sending[r.row]!.row;
      if (r.result === 'saved' && r.code === 'unchanged') counts.unchanged++;
      else if (r.result === 'saved') {
        counts.saved++;
        counts.lines += r.lines_matched ?? 0;
      } else counts.refused++;
      write(row, say(r.result === 'saved' ? 'saved' : 'refused', {}, lang), r.message ?? '');
    }
  }
  await writeCells(MATCHING_SHEET, patches);
  return counts;
}
