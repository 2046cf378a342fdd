// A user's own sheet layouts (issue 13 §4): kept per user so a fresh workbook gets the layout its user made, and
// reset by deleting it (the pane's default comes back). Only the signed-in user's own layouts are reachable: the
// user comes from the token, never from the request. Not audited: a layout holds column names and widths, no data.
import { sheetLayout, type SheetLayout, type SheetLayoutView } from '../../../shared/api/preferences.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { preferencesMessages } from './preferences.messages.ts';
import * as repo from './preferences.repo.ts';

/** Preferences belong to users; a job or the system has none. */
function userOf(actor: Actor): string {
  if (actor.type !== 'user') throw new AppError('forbidden', 'users_only', message(preferencesMessages.users_only));
  return actor.id;
}

/** The user's layout of the sheet; a stored value that no longer fits the schema (an older shape) reads as none. */
export async function getLayout(db: Db, actor: Actor, sheet: string): Promise<SheetLayoutView> {
  const row = await repo.findLayout(db, userOf(actor), sheet);
  const parsed = row ? sheetLayout.safeParse(JSON.parse(row.layout)) : undefined;
  if (!row || !parsed?.success) return { sheet, layout: null, updated_at: null };
  return { sheet, layout: parsed.data, updated_at: row.updated_at };
}

export async function saveLayout(db: Db, actor: Actor, sheet: string, layout: SheetLayout): Promise<SheetLayoutView> {
  const updated_at = new Date().toISOString();
  await repo.putLayout(db, { user_id: userOf(actor), sheet, layout: JSON.stringify(layout), updated_at });
  return { sheet, layout, updated_at };
}

export async function resetLayout(db: Db, actor: Actor, sheet: string): Promise<void> {
  await repo.deleteLayout(db, userOf(actor), sheet);
}
