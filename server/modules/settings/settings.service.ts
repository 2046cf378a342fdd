// The shop's settings (issue 10 §5). The sender (보내는 분): the seller's name, phones and shipping origin that every
// courier booking file carries; set by admins, read by operators (who make the booking files). A change is written
// to the audit log with the names of the fields that changed, never their values.
import { normaliseSenderPhones, senderView, SENDER_FIELDS, type SenderSetting, type SenderView } from '../../../shared/api/settings.schema.ts';
import type { senderBody } from '../../../shared/api/settings.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type CatalogEntry } from '../../../shared/i18n.ts';
import { z } from 'zod';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { settingsMessages } from './settings.messages.ts';
import * as repo from './settings.repo.ts';

const SENDER_KEY = 'sender';

/** The stored sender, or none: a value that no longer fits the schema counts as none (it would make bad bookings). */
export async function getSender(db: Db): Promise<SenderSetting> {
  const row = await repo.findSetting(db, SENDER_KEY);
  const parsed = row ? senderView.safeParse(JSON.parse(row.value)) : undefined;
  if (!row || !parsed?.success) return { sender: null, updated_at: null, updated_by: null };
  return { sender: parsed.data, updated_at: row.updated_at, updated_by: row.updated_by };
}

/** Sets the sender, phones normalised and hyphenated; a phone that is not a Korean number is refused naming its field. */
export async function saveSender(db: Db, actor: Actor, info: Partial<RequestInfo>, body: z.output<typeof senderBody>): Promise<SenderSetting> {
  const checked = normaliseSenderPhones(body);
  if (!checked.ok) throw fieldError(checked.field, settingsMessages.invalid_phone, {}, { code: 'invalid_phone' });
  const sender: SenderView = checked.sender;
  await db.transaction(async (trx) => {
    const before = (await getSender(trx)).sender;
    const changed = SENDER_FIELDS.filter((f) => (before?.[f] ?? null) !== sender[f]);
    if (!changed.length) return;
    await repo.putSetting(trx, { key: SENDER_KEY, value: JSON.stringify(sender), updated_by: actor.id, updated_at: new Date().toISOString() });
    await writeAudit(trx, actor, info, { action: 'sender_changed', entity: 'shop_settings', entityId: SENDER_KEY, detail: { fields: changed } });
  });
  return getSender(db);
}

/**
 * The sender a booking file (or a waybill label) needs; a 409 telling to set it first when there is none, in the
 * words of the file it is for (`why`: the booking file's by default).
 */
export async function requireSender(db: Db, why: CatalogEntry = settingsMessages.sender_not_set): Promise<SenderView> {
  const { sender } = await getSender(db);
  if (!sender) throw new AppError('conflict', 'sender_not_set', message(why));
  return sender;
}

/**
 * A setting stored as JSON, read against its schema: unset, or a stored value that no longer fits (an older shape),
 * reads as `fallback`. The sender, the on/off flags and allocation's setting all go through here.
 */
export async function getSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await repo.findSetting(db, key);
  const parsed = row ? schema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : fallback;
}

/**
 * Stores a setting; a save that changes nothing writes nothing. A change is written to the audit log as `audit`
 * says — its detail names what changed, never personal values.
 */
export async function saveSetting<T>(
  db: Db,
  actor: Actor,
  info: Partial<RequestInfo>,
  key: string,
  value: T,
  audit: { action: string; detail: Record<string, unknown> },
): Promise<T> {
  const text = JSON.stringify(value);
  await db.transaction(async (trx) => {
    if ((await repo.findSetting(trx, key))?.value === text) return;
    await repo.putSetting(trx, { key, value: text, updated_by: actor.id, updated_at: new Date().toISOString() });
    await writeAudit(trx, actor, info, { action: audit.action, entity: 'shop_settings', entityId: key, detail: audit.detail });
  });
  return value;
}

/** An on/off setting (e.g. 'auto_merge'); off until set. */
export async function getFlag(db: Db, key: string): Promise<boolean> {
  return getSetting(db, key, z.boolean(), false);
}

/** Turns an on/off setting on or off; a change is written to the audit log. */
export async function saveFlag(db: Db, actor: Actor, info: Partial<RequestInfo>, key: string, enabled: boolean): Promise<boolean> {
  return saveSetting(db, actor, info, key, enabled, { action: 'setting_changed', detail: { enabled } });
}
