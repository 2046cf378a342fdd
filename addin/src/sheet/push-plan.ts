// Deciding what a push sends: the sheet is compared with the snapshot, row by row found by its hidden key, so the
// operator's sorting, filtering, inserted columns and deleted rows do not matter (a deleted row is simply not
// there, never a change). Changed rows are checked here first — courier known, tracking number valid for it,
// hold with a reason, no number shared with another recipient's order — so obvious mistakes never reach the server.
import { normalizeAddress } from '../../../shared/address.ts';
import { sheetPushRow, type SheetPushRow } from '../../../shared/api/sheet.schema.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { cellMessages } from '../../../shared/sheet/cell-messages.ts';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { RECIPIENT_FIELDS, checkRecipientField, recipientMessages } from '../../../shared/sheet/recipient-edit.ts';
import { format, type Lang, type MessageParams } from '../../../shared/i18n.ts';
import { checkTrackingNumber, normalizeTrackingNumber, trackingMessages } from '../../../shared/tracking-number.ts';
import { boolOf, textOf, type CellValue } from './cells.ts';
import { findColumns } from './columns.ts';
import type { SnapshotEntry } from './snapshot.ts';

export const planMessages = {
  ...cellMessages,
  no_key_column: {
    ko: '숨겨진 상품주문키 열을 찾을 수 없습니다. 주문을 다시 불러오세요.',
    en: 'The hidden line key column is missing. Pull the orders again.',
  },
  duplicate_row: { ko: '같은 상품주문이 {other}행에도 있습니다. 한 행만 남기세요.', en: 'The same order line is also on row {other}. Keep one row.' },
  hold_not_understood: { ko: '출고보류에는 Y 또는 빈칸을 넣으세요 ({value}).', en: 'Hold takes Y or blank ({value}).' },
  too_long: { ko: '너무 깁니다 (최대 {max}자).', en: 'Too long (at most {max} characters).' },
  duplicate_tracking: {
    ko: '운송장번호 {number}이(가) 다른 수령인 주문의 {other}행에도 있습니다.',
    en: "Tracking number {number} is also on row {other}, another recipient's order.",
  },
} as const;

export type LocalIssue = { sheetRow: number; line_id: string; column: string; message: string };
export type PlannedRow = { sheetRow: number; row: SheetPushRow };
export type PushPlan = {
  rows: PlannedRow[];
  issues: LocalIssue[];
  /** Keyed rows found on the sheet, changed or not. */
  seen: number;
  /** Set when the sheet cannot be pushed at all. */
  fatal?: string;
};

type RowRead = { sheetRow: number; id: string; entry: SnapshotEntry; text: (column: string) => string | undefined };

/**
 * `rows` are the data rows under the header; `firstRow` is the sheet row (0-based) of rows[0], so messages and
 * results land on the right row.
 */
export function planPush(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  snapshot: ReadonlyMap<string, SnapshotEntry>,
  lang: Lang,
): PushPlan {
  const at = findColumns(ORDER_COLUMNS, header);
  const say = (key: keyof typeof planMessages, params: MessageParams = {}) => format(planMessages[key], params, lang);
  const keyCol = at.get('line_id');
  if (keyCol === undefined) return { rows: [], issues: [], seen: 0, fatal: say('no_key_column') };

  const issues: LocalIssue[] = [];
  const reads: RowRead[] = [];
  const firstSeen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const sheetRow = firstRow + i;
    const id = textOf(cells[keyCol]);
    const entry = id ? snapshot.get(id) : undefined;
    if (!entry) return; // the operator's own rows, blank rows, or rows pasted from elsewhere
    const before = firstSeen.get(id);
    if (before !== undefined) {
      issues.push({ sheetRow, line_id: id, column: 'line_id', message: say('duplicate_row', { other: before + 1 }) });
      return;
    }
    firstSeen.set(id, sheetRow);
    // A column the operator deleted reads as unchanged: its snapshot value stands.
    reads.push({ sheetRow, id, entry, text: (column) => (at.has(column) ? textOf(cells[at.get(column)!]) : undefined) });
  });

  const numbers = trackingOwners(reads);
  const planned: PlannedRow[] = [];
  for (const r of reads) {
    const problems: LocalIssue[] = [];
    const problem = (column: string, message: string) => problems.push({ sheetRow: r.sheetRow, line_id: r.id, column, message });
    const now = (column: string) => r.text(column) ?? r.entry.values[column] ?? '';
    const was = (column: string) => r.entry.values[column] ?? '';
    const push: SheetPushRow = { line_id: r.id, line_version: r.entry.line_version };
    let changed = false;

    // Courier and tracking number go together whenever either changed.
    const courierText = now('courier');
    const numberText = now('tracking_number');
    const courierChanged = courierCode(courierText) !== courierCode(was('courier'));
    const numberChanged = trackingKey(numberText) !== trackingKey(was('tracking_number'));
    // A courier chosen ahead of its number (set on a selection, numbers typed later) has nothing to send yet.
    const awaitingNumber = !numberText && !was('tracking_number') && findCourier(courierText)?.tracking.required === true;
    if ((courierChanged || numberChanged) && !awaitingNumber) {
      changed = true;
      const courier = findCourier(courierText);
      if (courierText && !courier) problem('courier', format(trackingMessages.unknown_courier, { courier: courierText }, lang));
      else if (!courier && numberText) problem('courier', say('courier_required'));
      else if (courier && (numberText || courier.tracking.required === false)) {
        const check = checkTrackingNumber(courier.code, numberText);
        const error = check.errors[0];
        if (error) problem('tracking_number', format(trackingMessages[error.code], error.params, lang));
        else {
          // Orders to one recipient may share a box (합포): the server takes one number for one box and refuses it
          // on another order's box, so only a number on another recipient's order is surely a mistake here.
          const other = check.value
            ? numbers.get(check.value)?.find((o) => o.order !== r.entry.order_id && o.recipient !== recipientOf(r))
            : undefined;
          if (other) problem('tracking_number', say('duplicate_tracking', { number: check.value!, other: other.sheetRow + 1 }));
        }
        push.courier = courier.code;
        push.tracking_number = check.value ?? numberText;
      } else {
        // A number removed: the box's number is cleared.
        if (courier) push.courier = courier.code;
        push.tracking_number = '';
      }
    }

    const holdText = now('hold');
    const reason = now('hold_reason');
    const hold = boolOf(holdText);
    if (hold === undefined) problem('hold', say('hold_not_understood', { value: holdText }));
    else if (hold !== boolOf(was('hold')) || (hold && reason !== was('hold_reason'))) {
      changed = true;
      push.hold = hold;
      if (hold && !reason) problem('hold_reason', say('hold_reason_required'));
      if (hold) push.hold_reason = reason;
    }

    const memo = now('memo');
    if (memo !== was('memo')) {
      changed = true;
      if (!memo) problem('memo', say('memo_cannot_clear'));
      else push.memo = memo;
    }

    // Recipient cells: corrections kept by us, never sent to the mall. A snapshot without them (taken before they
    // were editable) has nothing to compare with, so nothing is sent until the next pull.
    for (const field of RECIPIENT_FIELDS) {
      if (!(field in r.entry.values)) continue;
      const value = now(field);
      if (value === was(field)) continue;
      changed = true;
      const checked = checkRecipientField(field, value);
      const column = ORDER_COLUMNS.find((c) => c.id === field)!.header;
      if ('problem' in checked) problem(field, format(recipientMessages[checked.problem.code], { column }, lang));
      else push[field] = value;
    }

    // The request's own limits (lengths), checked here so an over-long cell is named on its row instead of
    // failing the whole push with a 400 about an index the operator cannot see.
    if (changed && !problems.length) {
      const parsed = sheetPushRow.safeParse(push);
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        problem(String(issue.path[0] ?? 'line_id'), issue.code === 'too_big' ? say('too_long', { max: String(issue.maximum) }) : issue.message);
      }
    }
    if (problems.length) issues.push(...problems);
    else if (changed) planned.push({ sheetRow: r.sheetRow, row: push });
  }
  return { rows: planned, issues, seen: reads.length };
}

const courierCode = (text: string) => findCourier(text)?.code ?? text;

function trackingKey(text: string): string {
  const n = normalizeTrackingNumber(text);
  return n.ok ? n.value : text;
}

/** Name and address as merge-packing compares them (shared/merge): orders that differ in it never share a box. */
const recipientOf = (r: RowRead): string =>
  JSON.stringify([(r.text('recipient_name') ?? '').normalize('NFKC').trim().toLowerCase(), normalizeAddress(r.text('recipient_address1'))]);

/** Every tracking number on the sheet with the rows, orders and recipients that carry it, to find one shared across recipients. */
function trackingOwners(reads: readonly RowRead[]): Map<string, { order: string; recipient: string; sheetRow: number }[]> {
  const owners = new Map<string, { order: string; recipient: string; sheetRow: number }[]>();
  for (const r of reads) {
    const key = trackingKey(r.text('tracking_number') ?? r.entry.values.tracking_number ?? '');
    if (!key) continue;
    const list = owners.get(key) ?? [];
    list.push({ order: r.entry.order_id, recipient: recipientOf(r), sheetRow: r.sheetRow });
    owners.set(key, list);
  }
  return owners;
}
