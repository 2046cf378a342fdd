// Recipient changes: the order's name, phones, zip, address and delivery memo as the operator fixed them on the sheet
// (ours: waybills, records, never sent to the mall), or as the buyer changed them at the mall (a sync brings them).
// The history says which cells changed and where from, never the values (they are personal data).
import { ORDER_COLUMNS } from '../../../../shared/sheet/order-columns.ts';
import { message, type CatalogEntry, type MessageParams } from '../../../../shared/i18n.ts';
import { RECIPIENT_FIELDS, type RecipientField } from '../../../../shared/sheet/recipient-edit.ts';
import { historyMessages, historyReason } from '../history.messages.ts';
import { sheetMessages } from '../sheet.messages.ts';
import type { OrderRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';
import { UNCHANGED, type Outcome } from './types.ts';

const headerOf = (field: RecipientField) => ORDER_COLUMNS.find((c) => c.id === field)?.header ?? field;

/** Where a recipient change comes from: the sheet, or the mall (`note`: what the history adds, e.g. what to do now). */
export type RecipientSource = { from: 'sheet' } | { from: 'mall'; note?: CatalogEntry };

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
  // The history names the cells by their headers (in the reader's language), never the values.
  const cells = fields.map(headerOf);
  if (source.from === 'mall') {
    const reason = source.note
      ? historyReason(historyMessages.mall_recipient_with, { cells, note: message(source.note) })
      : historyReason(historyMessages.mall_recipient, { cells });
    core.record('order', order.id, order.id, 'edit_recipient', null, 'recipient_edited', reason);
    return { lines: lines.map((l) => l.id), changed: true, warnings: [] };
  }
  core.record('order', order.id, order.id, 'edit_recipient', null, 'recipient_edited', historyReason(historyMessages.recipient_edited, { cells }));
  return { lines: lines.map((l) => l.id), changed: true, warnings: [message(sheetMessages.recipient_not_sent, {})] };
}

/**
 * A change of the recipient at the mall that is not applied (why: `reason`, a history entry), recorded in the order's
 * history only: nothing of the order changes, its versions stay.
 */
export function noteMallRecipient(core: EngineCore, order: OrderRow, reason: CatalogEntry, params?: MessageParams): void {
  core.record('order', order.id, order.id, 'mall_recipient_change', null, 'recipient_not_applied', historyReason(reason, params));
}
