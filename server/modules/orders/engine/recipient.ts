// Recipient changes: the order's name, phones, zip, address and delivery memo as the operator fixed them on the sheet
// (ours: waybills, records, never sent to the mall), or as the buyer changed them at the mall (a sync brings them).
// The history says which cells changed and where from, never the values (they are personal data).
import { ORDER_COLUMNS } from '../../../../shared/sheet/order-columns.ts';
import { message } from '../../../../shared/i18n.ts';
import { RECIPIENT_FIELDS, type RecipientField } from '../../../../shared/sheet/recipient-edit.ts';
import { sheetMessages } from '../sheet.messages.ts';
import type { OrderRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';
import { UNCHANGED, type Outcome } from './types.ts';

/** The history reason: which cells, by their Korean headers (the history is read on the desk). */
const HISTORY_REASON = '수취인 정보 수정 (쇼핑몰에는 전송되지 않음)';
/** The same for a change the buyer made at the mall. */
export const MALL_HISTORY_REASON = '쇼핑몰 배송지 변경';
const headerOf = (field: RecipientField) => ORDER_COLUMNS.find((c) => c.id === field)?.header.ko ?? field;

/** Where a recipient change comes from: the sheet, or the mall (`note`: what the history adds, e.g. what to do now). */
export type RecipientSource = { from: 'sheet' } | { from: 'mall'; note?: string };

/** Applies the cells that differ from the order's; every line of the order gets a new version (the sheet shows them on each row). */
export function editRecipient(
  core: EngineCore,
  order: OrderRow,
  wanted: Partial<Record<RecipientField, string | null>>,
  source: RecipientSource = { from: 'sheet' },
): Outcome {
  const { set } = core;
  const current = set.recipients.get(order.id);
  if (!current) throw new Error(`recipient of ${order.id} not loaded`);
  const patch: Partial<Record<RecipientField, string | null>> = {};
  for (const field of RECIPIENT_FIELDS) {
    const value = wanted[field];
    if (value !== undefined && value !== (current[field] ?? null)) patch[field] = value;
  }
  const fields = Object.keys(patch) as RecipientField[];
  if (!fields.length) return UNCHANGED;
  set.assign(current, patch);
  set.queue(set.writes.orders, order.id, patch);
  const lines = set.linesOfOrder(order.id);
  for (const l of lines) core.moveLine(l, 'same', 'edit_recipient', null);
  const cells = fields.map(headerOf).join(', ');
  if (source.from === 'mall') {
    core.record(
      'order',
      order.id,
      order.id,
      'edit_recipient',
      null,
      'recipient_edited',
      `${MALL_HISTORY_REASON}: ${cells}${source.note ? ` (${source.note})` : ''}`,
    );
    return { lines: lines.map((l) => l.id), changed: true, warnings: [] };
  }
  core.record('order', order.id, order.id, 'edit_recipient', null, 'recipient_edited', `${HISTORY_REASON}: ${cells}`);
  return { lines: lines.map((l) => l.id), changed: true, warnings: [message(sheetMessages.recipient_not_sent, {})] };
}

/**
 * A change of the recipient at the mall that is not applied (why: `reason`), recorded in the order's history only:
 * nothing of the order changes, its versions stay.
 */
export function noteMallRecipient(core: EngineCore, order: OrderRow, reason: string): void {
  core.record('order', order.id, order.id, 'mall_recipient_change', null, 'recipient_not_applied', `${MALL_HISTORY_REASON}: ${reason}`);
}
