// Finding the header row of a sheet and matching its headers to a template. Courier and wholesale files put title
// rows, dates and merged banner cells above the header, and spell headers with stray spaces, line breaks (Alt+Enter),
// full-width letters, asterisks for required columns and varying case: all of that is ignored when comparing.
import type { Cell } from './normalise.ts';
import type { FieldName, Template } from './templates.ts';

/** How far down the header is looked for. */
export const HEADER_SEARCH_ROWS = 20;
/** Without a template, a header row has at least this many text cells. */
export const MIN_GUESSED_HEADERS = 3;

/** "수취인 \n 연락처(*)" and "수취인연락처" meet: NFKC, lower case, letters and digits only. */
export function headerKey(cell: Cell | undefined): string {
  if (typeof cell !== 'string') return '';
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Column index (0-based) of each template field found in the header row; the first matching column wins. */
export function matchColumns(headerRow: readonly Cell[], template: Template): Map<FieldName, number> {
  const byKey = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key !== '' && !byKey.has(key)) byKey.set(key, index);
  });
  const found = new Map<FieldName, number>();
  const taken = new Set<number>();
  for (const column of template.columns) {
    for (const header of column.headers) {
      const index = byKey.get(headerKey(header));
      // One sheet column feeds one field: "주문번호" cannot be both the box key and the mall order number.
      if (index !== undefined && !taken.has(index)) {
        found.set(column.field, index);
        taken.add(index);
        break;
      }
    }
  }
  return found;
}

/** `primary`: columns found under the template's own first spelling, the sign of one courier's file over another's. */
export type HeaderMatch = { score: number; matched: number; primary: number };

/**
 * How well a row works as the template's header. With every required column present the score is 0.5 plus half the
 * share of optional columns found (1 when the template has none); without, it stays below 0.5, so a complete match
 * always beats a partial one. `matched` (columns found) breaks ties: the template that explains more of the row wins.
 */
export function headerScore(headerRow: readonly Cell[], template: Template, satisfied: ReadonlySet<FieldName> = new Set()): HeaderMatch {
  const found = matchColumns(headerRow, template);
  if (found.size === 0) return { score: 0, matched: 0, primary: 0 };
  const required = template.columns.filter((c) => c.required && !satisfied.has(c.field));
  const optional = template.columns.filter((c) => !required.includes(c));
  const requiredFound = required.filter((c) => found.has(c.field)).length;
  const optionalFound = optional.filter((c) => found.has(c.field)).length;
  const optionalShare = optional.length === 0 ? 1 : optionalFound / optional.length;
  const score = requiredFound === required.length ? 0.5 + optionalShare / 2 : (0.49 * requiredFound) / required.length;
  const primary = template.columns.filter((c) => found.has(c.field) && headerKey(headerRow[found.get(c.field)!]) === headerKey(c.headers[0])).length;
  return { score, matched: found.size, primary };
}

/** Higher score first, then more columns matched, then more of them under the template's own spelling. */
export function betterHeaderMatch(a: HeaderMatch, b: HeaderMatch): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.matched !== b.matched) return a.matched > b.matched;
  return a.primary > b.primary;
}

/** The 0-based index of the row that best matches the template within the search area, or null. */
export function findTemplateHeaderRow(rows: readonly (readonly Cell[])[], template: Template, satisfied?: ReadonlySet<FieldName>): number | null {
  const hinted = template.headerRow !== undefined ? template.headerRow - 1 : undefined;
  let best: (HeaderMatch & { index: number }) | null = null;
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < last; index++) {
    const match = headerScore(rows[index] ?? [], template, satisfied);
    if (match.matched === 0) continue;
    // On a tie the template's own hint wins, then the higher row (a repeated header further down is data's business).
    const tie = best && !betterHeaderMatch(match, best) && !betterHeaderMatch(best, match);
    if (!best || betterHeaderMatch(match, best) || (tie && index === hinted)) best = { ...match, index };
  }
  return best?.index ?? null;
}

const isText = (cell: Cell | undefined): boolean => typeof cell === 'string' && cell.trim() !== '' && !/^[\d\s,.:/-]+$/.test(cell);
const filled = (row: readonly Cell[] | undefined): number => (row ?? []).filter((cell) => cell !== null && cell !== undefined && cell !== '').length;

/**
 * Without a template: the first row with at least MIN_GUESSED_HEADERS text cells that has data below it. A title in
 * a merged cell is one cell, and a "출력일: 2025-11-30" line has one or two, so both are passed over.
 */
export function guessHeaderRow(rows: readonly (readonly Cell[])[]): number | null {
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < last; index++) {
    const row = rows[index] ?? [];
    if (row.filter(isText).length < MIN_GUESSED_HEADERS) continue;
    const next = rows.slice(index + 1).find((below) => filled(below) > 0);
    if (next && filled(next) >= Math.min(2, filled(row))) return index;
  }
  return null;
}
