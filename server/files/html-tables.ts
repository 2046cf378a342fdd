// A web page saved under an Excel name: what many Korean seller centers' 엑셀 다운로드 gives (an HTML table named .xls,
// often with mso-number-format styles), and what Excel itself opens without a word. Each <table> becomes a sheet of
// text cells as Excel shows them: the cell's text (tags dropped, entities decoded, runs of spaces one space, <br> a
// line break), a colspan or rowspan leaving the cells it covers after its first empty — as merged XLSX cells read.
// A table inside another (a layout table around the data) is a sheet of its own; its text is not the outer cell's.
import { Parser } from 'htmlparser2';
import type { Cell } from '../../shared/files/normalise.ts';

export type HtmlTable = { rows: Cell[][]; filledRows: number };

/** Whether decoded text is an HTML page rather than CSV: it opens with a tag and holds a table. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text) && /<table[\s>]/i.test(text.slice(0, 1_000_000));
}

/** A line break inside a cell, kept through the whitespace collapsing (U+2028, never in a seller's file as such). */
const BREAK = '\u2028';

type Building = {
  order: number;
  rows: Cell[][];
  filledRows: number;
  row: Cell[] | null;
  cell: { text: string[]; colspan: number; rowspan: number } | null;
  /** Columns a rowspan from above still covers: column → rows left. */
  covered: Map<number, number>;
};

const span = (value: string | undefined): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
};

function cellText(parts: readonly string[]): Cell {
  const text = parts
    .join('')
    .replace(/[\s\u00a0]+/g, (run) => (run.includes(BREAK) ? BREAK : ' '))
    .split(BREAK)
    .map((line) => line.trim())
    .join('\n')
    .trim();
  return text === '' ? null : text;
}

/** Fills `row` up to the next column no rowspan from above covers; the covered ones stay empty. */
function skipCovered(t: Building, row: Cell[]): void {
  while ((t.covered.get(row.length) ?? 0) > 0) row.push(null);
}

/**
 * The tables of an HTML page, largest first (the data table before the layout around it: a sheet picked without a
 * name is the first with rows). Rows past `maxRows` are counted, not kept.
 */
export function htmlTables(html: string, maxRows: number): HtmlTable[] {
  const open: Building[] = [];
  const done: Building[] = [];
  let opened = 0;
  let skipping = 0;
  const top = () => open[open.length - 1];

  const endCell = (t: Building) => {
    if (!t.cell || !t.row) return;
    skipCovered(t, t.row);
    const at = t.row.length;
    t.row.push(cellText(t.cell.text));
    for (let c = 1; c < t.cell.colspan; c++) t.row.push(null);
    if (t.cell.rowspan > 1) for (let c = at; c < at + t.cell.colspan; c++) t.covered.set(c, t.cell.rowspan);
    t.cell = null;
  };
  const endRow = (t: Building) => {
    endCell(t);
    if (!t.row) return;
    const row = t.row;
    // Columns covered from above past the row's last cell are part of it too.
    for (const [c, left] of t.covered) if (left > 0 && c >= row.length) while (row.length <= c) row.push(null);
    for (const [c, left] of t.covered) t.covered.set(c, left - 1);
    t.filledRows++;
    if (t.rows.length < maxRows) t.rows.push(row);
    t.row = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') skipping++;
        if (name === 'table') {
          open.push({ order: opened++, rows: [], filledRows: 0, row: null, cell: null, covered: new Map() });
          return;
        }
        const t = top();
        if (!t) return;
        if (name === 'tr') {
          endRow(t);
          t.row = [];
        } else if (name === 'td' || name === 'th') {
          endCell(t);
          t.row ??= [];
          t.cell = { text: [], colspan: span(attrs.colspan), rowspan: span(attrs.rowspan) };
        } else if (name === 'br' && t.cell) t.cell.text.push(BREAK);
      },
      ontext(text) {
        const cell = top()?.cell;
        if (cell && !skipping) cell.text.push(text);
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skipping = Math.max(0, skipping - 1);
        const t = top();
        if (!t) return;
        if (name === 'td' || name === 'th') endCell(t);
        else if (name === 'tr') endRow(t);
        else if (name === 'table') {
          endRow(t);
          done.push(open.pop()!);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // A table left open at the end of a cut-off page still holds its rows.
  while (open.length) {
    const t = open.pop()!;
    endRow(t);
    done.push(t);
  }
  return done
    .filter((t) => t.filledRows > 0)
    .sort((a, b) => b.filledRows - a.filledRows || a.order - b.order)
    .map(({ rows, filledRows }) => ({ rows, filledRows }));
}
