// Edits on the order sheet that were not pushed (issue 13 §4): rows whose editable cells differ from the snapshot
// (what a push would send, and rows whose edits fail the local checks). A re-pull would drop them and a ship or send
// would go without them, so those warn first and name the rows.
import { format, type Lang } from '../../../../shared/i18n.ts';
import { textOf } from '../../sheet/cells.ts';
import { planPush } from '../../sheet/push-plan.ts';
import { layoutMessages as dm } from './layout-messages.ts';
import { RESULT_LABELS, readOrderSheet, type SheetState } from './order-sheet.ts';

/** How many rows are named before "and N more". */
const NAMED = 5;

/** `refused`: how many of the rows were refused at their last push (their 처리결과 says so). */
export type UnpushedEdits = { count: number; refused: number; named: string[]; state: SheetState };

/** The edited rows of the order sheet; null when there is no order sheet (nothing to lose). */
export async function findUnpushedEdits(lang: Lang): Promise<UnpushedEdits | null> {
  let state: SheetState;
  try {
    state = await readOrderSheet(lang);
  } catch {
    return null;
  }
  const plan = planPush(state.header, state.rows, 1, state.snapshot, lang);
  const rows = [...new Set([...plan.rows.map((r) => r.sheetRow), ...plan.issues.map((i) => i.sheetRow)])].sort((a, b) => a - b);
  const orderCol = state.at.get('mall_order_id');
  const named = rows.slice(0, NAMED).map((row) => {
    const order = orderCol === undefined ? '' : textOf(state.rows[row - 1]?.[orderCol]);
    // Sheet rows as Excel numbers them (the header is row 1).
    return order ? format(dm.unpushed_row, { row: row + 1, order }, lang) : format(dm.unpushed_row_plain, { row: row + 1 }, lang);
  });
  const resultCol = state.at.get('push_result');
  const refusedLabels = new Set(Object.values(RESULT_LABELS.refused));
  const refused = resultCol === undefined ? 0 : rows.filter((row) => refusedLabels.has(textOf(state.rows[row - 1]?.[resultCol]))).length;
  return { count: rows.length, refused, named, state };
}

/** The warning's text: how many rows, the first few by sheet row and mall order number. */
export function unpushedText(edits: UnpushedEdits, what: string, lang: Lang): string {
  const more = edits.count > edits.named.length ? format(dm.unpushed_more, { count: edits.count - edits.named.length }, lang) : '';
  const refused = edits.refused ? format(dm.unpushed_refused, { count: edits.refused }, lang) : '';
  return format(dm.unpushed_rows, { count: edits.count, rows: edits.named.join(', '), more, what }, lang) + refused;
}
