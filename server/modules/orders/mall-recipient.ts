// The recipient of a mall's order as the mall gives it: the cells we store (cut to the columns' sizes, as collect
// stores them) and their digest, which an order keeps to tell a change at the mall from a correction made here.
import { createHash } from 'node:crypto';
import { COLUMN_SIZES } from '../../../shared/files/column-sizes.ts';
import { RECIPIENT_FIELDS, type RecipientField } from '../../../shared/sheet/recipient-edit.ts';

export type RecipientValues = Record<RecipientField, string | null>;

const SIZE = COLUMN_SIZES.orders;

/** Recipient cells, some maybe left out (a direct order's fields). */
type Cells = Readonly<Partial<Record<RecipientField, string | null>>>;

/** The cells as stored: empty text is null, longer text cut to its column (what intake does with a collected order). */
export function storedRecipient(values: Cells): RecipientValues {
  const out = {} as RecipientValues;
  for (const field of RECIPIENT_FIELDS) out[field] = storedCell(values, field);
  return out;
}

const storedCell = (values: Cells, field: RecipientField): string | null => {
  const value = values[field];
  return value === null || value === undefined || value === '' ? null : value.slice(0, SIZE[field]);
};

/** SHA-256 (hex) of the stored cells, in RECIPIENT_FIELDS order: equal digests, equal recipients. */
export function recipientDigest(values: Cells): string {
  // The cells straight into the array hashed (no stored object first): a collect digests every order it writes.
  return createHash('sha256')
    .update(JSON.stringify(RECIPIENT_FIELDS.map((f) => storedCell(values, f))))
    .digest('hex');
}

/** Whether two recipients are the same once stored (empty and missing alike). */
export function sameRecipient(a: Cells, b: Cells): boolean {
  const [x, y] = [storedRecipient(a), storedRecipient(b)];
  return RECIPIENT_FIELDS.every((f) => x[f] === y[f]);
}
