// Which lines on the order sheet got a claim the sheet does not show yet (issue 13 §7).
//
// How new claims are found: when a sync or collect job ends, the sheet's line keys are read, their current rows are
// read from the server by those keys (POST /api/sheet/lines, as a re-pull of rows does), and a line whose status is
// now a claim status (취소요청, 반품완료, …) while its status cell on the sheet reads otherwise is new to the
// operator. Comparing with the sheet itself rather than with the job's results is the simplest correct way: it
// covers every job and account at once, a change made between two jobs, and rows pulled after the job ran, and it
// names exactly what the operator's sheet does not show. A claim already announced in this session is not
// announced again until its status changes.
import { SHEET_PUSH_MAX_ROWS } from '../../../../shared/api/sheet.schema.ts';
import { STATUS_LABELS, claimTypeOf, type Status } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import { sheetLines } from '../../api/sheet.ts';
import { textOf } from '../../sheet/cells.ts';
import type { SheetState } from '../orders/order-sheet.ts';

export type NewClaim = { line_id: string; mall_order_id: string; status: Status };

/** The sheet's lines with what their status cell reads. */
function sheetStatuses(state: SheetState): Map<string, string> {
  const col = state.at.get('status');
  const out = new Map<string, string>();
  if (col === undefined) return out;
  for (const [id, row] of state.rowOf) out.set(id, textOf(state.rows[row - 1]![col]));
  return out;
}

/** Lines of the sheet whose status on the server is a claim status its cell does not read; `seen` is updated. */
export async function findNewClaims(api: Api, state: SheetState, seen: Set<string>): Promise<NewClaim[]> {
  const shown = sheetStatuses(state);
  const ids = [...shown.keys()];
  const found: NewClaim[] = [];
  for (let i = 0; i < ids.length; i += SHEET_PUSH_MAX_ROWS) {
    const { items } = await sheetLines(api, { line_ids: ids.slice(i, i + SHEET_PUSH_MAX_ROWS) });
    for (const line of items) {
      const status = line.status as Status;
      if (!claimTypeOf(status)) continue;
      const cell = shown.get(line.line_id) ?? '';
      const key = `${line.line_id}:${status}`;
      if (Object.values(STATUS_LABELS[status]).includes(cell) || cell === status || seen.has(key)) continue;
      seen.add(key);
      found.push({ line_id: line.line_id, mall_order_id: line.mall_order_id ?? line.order_id, status });
    }
  }
  return found;
}
