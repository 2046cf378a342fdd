import { readStoredText, storedText, type Text } from '../../../shared/i18n.ts';
import { WHOLE_SHIPMENT_MALLS } from '../../../shared/malls.ts';
import { updateByIds } from '../../db/bulk.ts';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.ts';

const BOOLS = [
  'is_sandbox',
  'active',
  'collect_enabled',
  'confirm_enabled',
  'send_invoice_enabled',
  'sync_enabled',
  'auto_confirm',
  'auto_release',
  'auto_ship',
  'auto_send',
];

export type MallAccountRow = {
  id: string;
  mall_type: string;
  display_name: string;
  credentials_enc: string | null;
  credentials_hint: string | null;
  status: string;
  /** Why the account is in error: a Message (stored as its JSON) or a string, rendered by the HTTP edge. */
  last_error: Text | null;
  last_error_at: string | null;
  active: boolean;
  collect_enabled: boolean;
  confirm_enabled: boolean;
  send_invoice_enabled: boolean;
  sync_enabled: boolean;
  auto_confirm: boolean;
  auto_release: boolean;
  auto_ship: boolean;
  auto_send: boolean;
  default_courier: string | null;
  last_collected_at: string | null;
  /** Where the mall's API is; null for the mall's production API. Sandbox accounts point at a local sandbox. */
  base_url: string | null;
  is_sandbox: boolean;
  version: number;
  created_at: string;
  updated_at: string;
};

const toAccount = (r: Record<string, unknown>) => {
  const out: Record<string, unknown> = { ...r };
  for (const k of BOOLS) out[k] = !!out[k];
  out.last_error = readStoredText(r.last_error as string | null);
  return out as MallAccountRow;
};

export async function insertMallAccount(db: Db, row: MallAccountRow): Promise<void> {
  await db('mall_accounts').insert({ ...row, last_error: storedText(row.last_error) });
}

export async function listMallAccounts(db: Db) {
  return (await db('mall_accounts').orderBy('created_at')).map(toAccount);
}

export async function findMallAccount(db: Db, id: string) {
  const r = await db('mall_accounts').where({ id }).first();
  return r ? toAccount(r) : undefined;
}

export async function updateMallAccount(db: Db, id: string, patch: Partial<MallAccountRow>): Promise<void> {
  const { last_error: lastError, ...rest } = patch;
  await updateByIds(db, 'mall_accounts', [id], lastError === undefined ? rest : { ...rest, last_error: storedText(lastError) });
}

/** What an account automates after a step (issue 13 §6): only accounts with something on are listed. */
export type AccountAutomation = {
  id: string;
  auto_release: boolean;
  auto_ship: boolean;
  /** Only when the account's send service is on too. */
  auto_send: boolean;
  default_courier: string | null;
};

/**
 * The accounts of malls that take a shipment's number for all its items at once (shared/malls.ts); with `autoShip`,
 * only those that ship a box as soon as it is numbered (송장 입력 시 출고).
 */
export async function wholeShipmentAccounts(db: Db | Knex.Transaction, autoShip = false): Promise<Set<string>> {
  const q = db('mall_accounts')
    .select('id')
    .whereIn('mall_type', [...WHOLE_SHIPMENT_MALLS]);
  if (autoShip) q.where('auto_ship', true);
  const rows = (await q) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** Each account's mall (coupang, naver, …) by id: one read of a small table. */
export async function accountMalls(db: Db | Knex.Transaction): Promise<Map<string, string>> {
  const rows = (await db('mall_accounts').select('id', 'mall_type')) as { id: string; mall_type: string }[];
  return new Map(rows.map((r) => [r.id, r.mall_type]));
}

/** Accounts with an automatic step on, by id: one read of a small table, whatever the number of lines in play. */
export async function accountAutomation(db: Db | Knex.Transaction): Promise<Map<string, AccountAutomation>> {
  const rows = await db('mall_accounts')
    .select('id', 'auto_release', 'auto_ship', 'auto_send', 'send_invoice_enabled', 'default_courier')
    .where((q) => q.where('auto_release', true).orWhere('auto_ship', true).orWhere('auto_send', true).orWhereNotNull('default_courier'));
  return new Map(
    rows.map((r: Record<string, unknown>) => [
      String(r.id),
      {
        id: String(r.id),
        auto_release: !!r.auto_release,
        auto_ship: !!r.auto_ship,
        auto_send: !!r.auto_send && !!r.send_invoice_enabled,
        default_courier: (r.default_courier as string | null) ?? null,
      },
    ]),
  );
}
