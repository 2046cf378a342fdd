// How a record about an order (an order, a lines-view row, a booking box) is shown to someone who sees recipients
// only masked (viewers; PRODUCT.md §6.6): names 홍*동, phones 010-****-5678, the address down to its region, the
// detail address, e-mail and delivery memo hidden, and names and numbers typed into free text masked. One policy
// for the API's reads (server/modules/orders/orders.service.ts) and the files we write (shared/files/).
import { isMessage, readStoredText, storedText, type Message, type MessageParam } from './i18n.ts';
import { maskPersonalText } from './mask-text.ts';
import { maskName, maskPhone } from './phone.ts';

export const NAME_FIELDS = ['orderer_name', 'recipient_name'];
export const PHONE_FIELDS = ['orderer_phone', 'recipient_phone', 'recipient_mobile'];
export const HIDDEN_FIELDS = ['recipient_address2', 'orderer_email', 'delivery_memo'];
/** Free text people type names and numbers into: shown with those masked (see shared/mask-text.ts). */
export const FREE_TEXT_FIELDS = ['memo', 'hold_reason', 'delete_reason', 'send_error'];
/** The fields that are personal data themselves (who the people are, how to reach them, where they live): a pull
 *  asking for any of them must say why (server/http/routes/orders.routes.ts). */
export const PERSONAL_FIELDS: readonly string[] = [...NAME_FIELDS, ...PHONE_FIELDS, ...HIDDEN_FIELDS, 'recipient_address1', 'recipient_zip'];

/** Keeps the region (시/도 and 시/군/구) of an address and hides the street and number. */
export function maskAddress(address: unknown): string {
  const words = String(address).trim().split(/\s+/);
  return [...words.slice(0, 2), '***'].join(' ');
}

/** The names of an order (or of a row about one), to be found and masked in its free text. */
export const namesOf = (row: Record<string, unknown>): string[] => NAME_FIELDS.flatMap((f) => (typeof row[f] === 'string' ? [row[f] as string] : []));

/** A stored Message's words (a box's send error: the mall's reason, the numbers) masked in its parameters. */
function maskParam(value: MessageParam, names: readonly string[]): MessageParam {
  if (typeof value === 'string') return maskPersonalText(value, names);
  if (Array.isArray(value)) return value.map((v: MessageParam) => maskParam(v, names));
  return isMessage(value) ? maskMessage(value, names) : value;
}
function maskMessage(text: Message, names: readonly string[]): Message {
  if (!text.params) return text;
  return { i18n: text.i18n, params: Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, maskParam(v, names)])) };
}

/**
 * A stored Text (shared/i18n.ts storedText) masked for good, as retention writes it back: typed text masked as text;
 * a stored Message (a job's history reason) in its parameters, so it stays a Message each reader gets in their
 * language. Its code is masked as text too and nothing else in the JSON is kept: typed text can look like a Message.
 */
export function maskStoredText(stored: string, names: readonly string[]): string {
  const text = readStoredText(stored);
  if (typeof text === 'string') return maskPersonalText(text, names);
  const i18n = maskPersonalText(text.i18n, names);
  return storedText(text.params ? { i18n, params: maskMessage(text, names).params! } : { i18n });
}

export function maskTextFields<T extends Record<string, unknown>>(row: T, fields: readonly string[], names: readonly string[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const f of fields) {
    const value = out[f];
    if (typeof value === 'string') out[f] = maskPersonalText(value, names);
    else if (isMessage(value)) out[f] = maskMessage(value, names);
  }
  return out as T;
}

/** The record with every personal field masked as described at the top; other fields untouched. */
export function maskPersonalRecord<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = maskTextFields(row, FREE_TEXT_FIELDS, namesOf(row));
  for (const f of NAME_FIELDS) if (out[f]) out[f] = maskName(out[f]);
  for (const f of PHONE_FIELDS) if (out[f]) out[f] = maskPhone(out[f]);
  for (const f of HIDDEN_FIELDS) if (out[f]) out[f] = '***';
  if (out.recipient_address1) out.recipient_address1 = maskAddress(out.recipient_address1);
  return out as T;
}
