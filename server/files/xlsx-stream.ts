// An XLSX package → its sheets as rows of plain cells. The parts are taken straight from the zip (zip-parts.ts;
// exceljs's streaming unzip for a zip that reader does not take), with exceljs's readers for the workbook, its
// relationships and styles, and each sheet's XML — and the shared strings — turned straight into cells through our
// own XML scanner (xml-scan.ts): no Row/Cell objects, no styles per cell, no event objects, no second pass. The cells
// come out as exceljs's full load gives them: what Excel shows (formula results, a HYPERLINK's text, rich text flat,
// errors as their text, dates as Dates by their number format) and merged ranges' value in the top-left cell only;
// a phonetic guide (furigana) is not the text.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from '../../shared/files/normalise.ts';
import { blankMerged, cellBudget, columnOf, EMPTY_ROW_SLOTS, MAX_COLUMN, MAX_ROW, spend, trimEnd, type CellBudget } from './sheet-cells.ts';
import { scanXml } from './xml-scan.ts';
import { MAX_UNPACKED_BYTES, unpackedTooLarge, zipParts } from './zip-parts.ts';

// exceljs's own pieces, so dates, numbers and decoding are the ones its full load uses (no types ship for them).
const require = createRequire(import.meta.url);
const iterateStream = require('exceljs/lib/utils/iterate-stream.js') as (stream: unknown) => AsyncIterable<Buffer>;
const utils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: number, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};

export type StreamedSheet = { name: string; hidden: boolean; rows: Cell[][]; filledRows: number };

/** What the streaming reader keeps (exceljs 4.4 lib/stream/xlsx/workbook-reader.js) beyond its published types. */
type Reader = {
  parse(): AsyncIterable<{ eventType: string; value: unknown }>;
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
  _parseRels(entry: unknown): Promise<void>;
  _parseWorkbook(entry: unknown): Promise<void>;
  _parseStyles(entry: unknown): Promise<void>;
  _parseSharedStrings(entry: unknown): AsyncGenerator<unknown>;
  sharedStrings?: string[];
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
};

/** `=HYPERLINK("url", "text")` saved without a cached result (files written by programs, not by Excel). */
const HYPERLINK = /^\s*HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)\s*$/i;

/**
 * `_x000D_` escapes in shared strings, decoded as exceljs's full load does (xform/strings/text-xform.js). A NUL
 * (`_x0000_`) or half a surrogate pair (`_xD800_`) is decoded as it is, not dropped or replaced: the cell check
 * (shared/files/normalise.ts) then refuses it on its row, naming the column.
 */
const unescapeX = (text: string) =>
  text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

/**
 * Every sheet of the package in the workbook's order. `maxRows`: past that many rows with a value a sheet's cells are
 * no longer kept, only counted (`filledRows`), so the caller can refuse it with its real size.
 */
export async function streamXlsx(bytes: Buffer, maxRows: number, maxUnpackedBytes = MAX_UNPACKED_BYTES): Promise<StreamedSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as Reader;
  // Seeded empty: what a package without the part reads as (no shared strings when all text is inline), and what
  // keeps exceljs's own unzip from parking sheets on disk (streamed).
  reader.sharedStrings = [];
  reader.workbookRels = [];
  reader.model = { sheets: [] };
  const own = {
    rels: reader._parseRels.bind(reader),
    workbook: reader._parseWorkbook.bind(reader),
    styles: reader._parseStyles.bind(reader),
  };
  const parts = (await unzipped(bytes, reader, own, maxUnpackedBytes)) ?? (await streamed(reader, own, maxUnpackedBytes));
  const context: Context = { strings: (reader.sharedStrings ?? []).map(sharedString), reader, maxRows, cells: cellBudget() };
  const sheets: StreamedSheet[] = [];
  // In the order the workbook lists them (the tabs' order), each found through its relationship to its part.
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
    const number = /worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
    const xml = number === undefined ? undefined : parts.get(number);
    if (xml === undefined) continue;
    parts.delete(number!);
    sheets.push({ name: sheet.name, hidden: (sheet.state ?? 'visible') !== 'visible', ...readSheet(xml, context) });
  }
  return sheets;
}

type PartReaders = { rels: Reader['_parseRels']; workbook: Reader['_parseWorkbook']; styles: Reader['_parseStyles'] };

const PACKAGE_PARTS = { rels: 'xl/_rels/workbook.xml.rels', workbook: 'xl/workbook.xml', styles: 'xl/styles.xml' } as const;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/**
 * A part's bytes that are not UTF-8 (a tool that wrote the XML in another encoding) make the file unreadable, as
 * Excel finds it: decoded leniently they became "�" in a name or a tracking number, imported without a word.
 */
const STRICT_UTF8 = { fatal: true };
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The package's parts taken from the buffer at once (zip-parts.ts): the workbook, its relationships and styles
 * through exceljs's readers, the shared strings and sheets as text. Each sheet's text by its number; null when the
 * zip is not one zip-parts takes.
 */
async function unzipped(bytes: Buffer, reader: Reader, own: PartReaders, maxUnpackedBytes: number): Promise<Map<string, string> | null> {
  const wanted = new Set<string>([...Object.values(PACKAGE_PARTS), SHARED_STRINGS]);
  const parts = await zipParts(bytes, (name) => wanted.has(name) || SHEET_PART.test(name), maxUnpackedBytes);
  if (!parts) return null;
  const text = (name: string) => {
    const data = parts.get(name);
    return data === undefined ? undefined : new TextDecoder('utf-8', STRICT_UTF8).decode(data);
  };
  for (const part of ['rels', 'workbook', 'styles'] as const) {
    const xml = text(PACKAGE_PARTS[part]);
    if (xml !== undefined) await own[part](Readable.from([xml]));
  }
  const strings = text(SHARED_STRINGS);
  if (strings !== undefined) reader.sharedStrings = sharedStrings(strings);
  const sheets = new Map<string, string>();
  for (const name of parts.keys()) {
    const number = SHEET_PART.exec(name)?.[1];
    if (number !== undefined) sheets.set(number, text(name)!);
  }
  return sheets;
}

/** The package read as exceljs's streaming reader unzips it, part by part in the package's order. */
async function streamed(reader: Reader, own: PartReaders, maxUnpackedBytes: number): Promise<Map<string, string>> {
  // A package lists its parts in any order (Excel and exceljs put the sheets before the shared strings and the
  // workbook). Left alone, the reader parks a sheet met before those in a temporary file — personal data on disk —
  // and fails on one met before the workbook. Seeded empty, it hands every sheet over as it comes; its XML is kept
  // here in memory and read once the whole package (strings, styles, names) is known. (streamXlsx seeds it.)
  // exceljs's SAX decodes every unzipped chunk on its own, so a character whose UTF-8 bytes straddle two chunks —
  // Korean text of any length — came out as "�". Each part is handed over decoded, across chunks.
  // The parts read count against one budget, as zip-parts.ts's do: a zip bomb on this path fills no memory either.
  const budget = { left: maxUnpackedBytes };
  const text = (entry: unknown) => decoded(within(iterateStream(entry), budget));
  const decodedStream = (entry: unknown) => Readable.from(text(entry));
  reader._parseRels = (entry) => own.rels(decodedStream(entry));
  reader._parseWorkbook = (entry) => own.workbook(decodedStream(entry));
  reader._parseStyles = (entry) => own.styles(decodedStream(entry));
  // The shared strings are read here: exceljs's reader also takes a phonetic guide (furigana) for the text.
  reader._parseSharedStrings = async function* (entry) {
    reader.sharedStrings = sharedStrings(await textOf(text(entry)));
  };
  let file = '';
  reader.on('entry', (entry) => {
    if (entry.type === 'worksheet') file = entry.id ?? '';
  });
  const parts = new Map<string, string>();
  for await (const { eventType, value } of reader.parse()) {
    if (eventType !== 'worksheet') continue;
    parts.set(file, await textOf(decoded(within((value as { iterator: AsyncIterable<Buffer> }).iterator, budget))));
  }
  return parts;
}

function sharedString(text: string): Cell {
  return text === '' ? null : unescapeX(text);
}

/** UTF-8 chunks as text, a character split between two chunks kept whole. */
async function* decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', STRICT_UTF8);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Unzipped chunks, refused once the parts read so far unpack past the budget. */
async function* within(chunks: AsyncIterable<Buffer>, budget: { left: number }): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    budget.left -= chunk.length;
    if (budget.left < 0) throw unpackedTooLarge();
    yield chunk;
  }
}

/** Each `<si>` of sharedStrings.xml as its text: its `<t>`s (plain or in rich-text runs), not its phonetic runs. */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let text: string | null = null;
  let inText = false;
  let inPhonetic = false;
  scanXml(xml, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(value) {
      if (inText && text !== null) text += value;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(text ?? '');
        text = null;
      }
    },
  });
  return strings;
}

async function textOf(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/** `cells`: what the workbook's sheets may still keep and walk, all sheets together (sheet-cells.ts). */
type Context = { strings: Cell[]; reader: Reader; maxRows: number; cells: CellBudget };

/** One `<c>` being read. */
type Pending = { column: number; type: string; style: number; formula: string | null; value: string | null };

function readSheet(xml: string, context: Context): Omit<StreamedSheet, 'name' | 'hidden'> {
  const dates = new Map<number, boolean>();
  const date1904 = context.reader.properties?.model?.date1904 === true;
  const isDate = (style: number) => {
    let known = dates.get(style);
    if (known === undefined) dates.set(style, (known = utils.isDateFmt(context.reader.styles.getStyleModel(style)?.numFmt)));
    return known;
  };
  const rows: Cell[][] = [];
  /** The numbers of the rows kept, ascending (a merged range visits only these). */
  const kept: number[] = [];
  let ascending = true;
  const merges: string[] = [];
  let filledRows = 0;
  let rowNumber = 0;
  let cells: Cell[] | null = null;
  let filled = false;
  let c: Pending | null = null;
  /** Where text goes: the formula, the value, or an inline string's text (not its phonetic runs). */
  let into: 'formula' | 'value' | null = null;
  let inPhonetic = false;

  const close = (p: Pending): Cell => {
    if (p.formula !== null) return formulaResult(p);
    if (p.value === null) return null;
    return valueOf(p.type, p.value, p.style);
  };
  const valueOf = (type: string, text: string, style: number): Cell => {
    switch (type) {
      case 's':
        return context.strings[parseInt(text, 10)] ?? null;
      case 'str':
        return nonEmpty(utils.xmlDecode(text));
      case 'inlineStr':
        return nonEmpty(text);
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return text;
      case 'd': {
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        const n = parseFloat(text);
        return isDate(style) ? utils.excelToDate(n, date1904) : n;
      }
    }
  };
  const formulaResult = (p: Pending): Cell => {
    if (p.value !== null && p.value !== '') return valueOf(p.type === 's' || p.type === 'inlineStr' ? 'str' : p.type, p.value, p.style);
    const link = p.formula ? HYPERLINK.exec(p.formula) : null;
    return link ? nonEmpty((link[1] ?? '').replace(/""/g, '"')) : null;
  };

  scanXml(xml, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = attributes.get('r');
          rowNumber = r ? parseInt(r, 10) : rowNumber + 1;
          if (!(rowNumber >= 1 && rowNumber <= MAX_ROW)) throw new Error(`xlsx: row number ${r} out of range`);
          cells = [];
          filled = false;
          break;
        }
        case 'c':
          if (cells) {
            const r = attributes.get('r');
            const s = attributes.get('s');
            const column = r ? columnOf(r) : cells.length + 1;
            if (!(column >= 1 && column <= MAX_COLUMN)) throw new Error(`xlsx: cell reference ${r} out of range`);
            c = { column, type: attributes.get('t') ?? 'n', style: s ? parseInt(s, 10) : 0, formula: null, value: null };
          }
          break;
        case 'f':
        case 't':
          // A formula or an inline string's text: present, even when empty (a value left out stays null).
          if (c) {
            into = name === 'f' ? 'formula' : 'value';
            c[into] ??= '';
          }
          break;
        case 'v':
          if (c) into = 'value';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'mergeCell': {
          const ref = attributes.get('ref');
          if (ref) merges.push(ref);
          break;
        }
      }
    },
    text(value) {
      if (c && into && !inPhonetic) c[into] = (c[into] ?? '') + value;
    },
    close(name) {
      switch (name) {
        case 'f':
        case 'v':
        case 't':
          into = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (c && cells) {
            const cell = close(c);
            if (cell !== null) {
              filled = true;
              cells[c.column - 1] = cell;
            } else if (cells.length < c.column) cells.length = c.column;
          }
          c = null;
          break;
        case 'row':
          if (cells && filled && ++filledRows <= context.maxRows) {
            const row = trimEnd(Array.from(cells, (x) => x ?? null));
            // Wide rows far apart (a cell at XFD on every row) would make billions of empty slots from a small file,
            // and a row far down as many empty rows before it (each an empty array: a few slots' worth).
            spend(context.cells, row.length + EMPTY_ROW_SLOTS * Math.max(0, rowNumber - 1 - rows.length));
            if (kept.length && rowNumber <= kept[kept.length - 1]!) ascending = false;
            if (rows[rowNumber - 1] === undefined) kept.push(rowNumber);
            rows[rowNumber - 1] = row;
          }
          cells = null;
          break;
      }
    },
  });
  if (!ascending) kept.sort((a, b) => a - b);
  for (const ref of merges) blankMerged(rows, kept, ref, context.cells);
  return { rows: Array.from({ length: rows.length }, (_, i) => rows[i] ?? []), filledRows };
}

const nonEmpty = (text: string): Cell => (text === '' ? null : text);
