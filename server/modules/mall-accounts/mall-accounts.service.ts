// Mall accounts (connections). Credentials are sealed with the master key, bound to the account id, and never
// leave the server: responses carry only a masked hint.
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { defineMessages, message } from '../../../shared/i18n.ts';
import { MALL_CREDENTIALS, credentialsHint, type MallType } from '../../../shared/malls.ts';
import type { ConnectorFactory } from '../../connectors/registry.ts';
import { MallError } from '../../connectors/http.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/knex.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError, parseUnder } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import * as mallLines from '../orders/mall-lines.service.ts';
import * as repo from './mall-accounts.repo.ts';

export type MallAccountDeps = { db: Db; secrets: SecretBox; connectorFor: ConnectorFactory };

const messages = defineMessages('mall_accounts', {
  not_found: { ko: '쇼핑몰 계정을 찾을 수 없습니다: {id}', en: 'No such mall account: {id}' },
  connected: { ko: '연결되었습니다', en: 'Connected' },
  refused: { ko: '연결하지 못했습니다: {detail}', en: 'Could not connect: {detail}' },
  credentials_with_url: {
    ko: '{field}: API 주소(base_url)를 바꿀 때는 인증 정보도 다시 입력하세요',
    en: '{field}: give the credentials again when changing base_url',
  },
});

/** The account as the API shows it: everything but the sealed credentials. */
export function publicAccount(row: repo.MallAccountRow) {
  const { credentials_enc: _sealed, ...rest } = row;
  return { ...rest, has_credentials: !!row.credentials_enc };
}

function checkCredentials(type: MallType, credentials: unknown) {
  // Field names in errors are prefixed so they point into the request body.
  return parseUnder(MALL_CREDENTIALS[type] as z.ZodType<Record<string, string>>, credentials, 'credentials.');
}

export async function createMallAccount(
  deps: MallAccountDeps,
  actor: Actor,
  input: { mall_type: MallType; display_name: string; credentials: Record<string, string> } & Record<string, unknown>,
  info: RequestInfo,
) {
  const credentials = checkCredentials(input.mall_type, input.credentials);
  const now = new Date().toISOString();
  const id = newId(ID_PREFIX.mallAccount);
  const flag = (k: string, fallback: boolean) => (typeof input[k] === 'boolean' ? (input[k] as boolean) : fallback);
  const row: repo.MallAccountRow = {
    id,
    mall_type: input.mall_type,
    display_name: input.display_name,
    credentials_enc: deps.secrets.seal(JSON.stringify(credentials), id),
    credentials_hint: credentialsHint(input.mall_type, credentials),
    status: 'normal',
    last_error: null,
    last_error_at: null,
    active: flag('active', true),
    collect_enabled: flag('collect_enabled', true),
    confirm_enabled: flag('confirm_enabled', true),
    send_invoice_enabled: flag('send_invoice_enabled', true),
    sync_enabled: flag('sync_enabled', true),
    auto_confirm: flag('auto_confirm', false),
    auto_release: flag('auto_release', false),
    auto_ship: flag('auto_ship', false),
    auto_send: flag('auto_send', false),
    default_courier: typeof input.default_courier === 'string' ? input.default_courier : null,
    last_collected_at: null,
    base_url: typeof input.base_url === 'string' ? input.base_url : null,
    is_sandbox: input.is_sandbox === true,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await repo.insertMallAccount(deps.db, row);
  await writeAudit(deps.db, actor, info, {
    action: 'mall_account_created',
    entity: 'mall_account',
    entityId: id,
    detail: { mall_type: row.mall_type },
  });
  return publicAccount(row);
}

/** Every account (credentials only as a hint), each with its count of mall changes waiting to apply. */
export async function listMallAccounts(deps: MallAccountDeps) {
  const pending = await mallLines.pendingChangeCounts(deps.db);
  return (await repo.listMallAccounts(deps.db)).map((a) => ({ ...publicAccount(a), pending_changes: pending.get(a.id) ?? 0 }));
}

export async function getMallAccount(deps: MallAccountDeps, id: string) {
  const row = await repo.findMallAccount(deps.db, id);
  if (!row) throw new AppError('not_found', 'mall_account_not_found', message(messages.not_found, { id }));
  return row;
}

/** Where the account's lines disagree with its mall, and the mall changes waiting to apply; 404 for no such account. */
export async function mismatches(deps: MallAccountDeps, id: string) {
  await getMallAccount(deps, id);
  return { ...(await mallLines.mismatchReport(deps.db, id)), next_cursor: null };
}

export async function dismissPendingChange(deps: MallAccountDeps, id: string, mallLineId: string) {
  await getMallAccount(deps, id);
  return { dismissed: await mallLines.dismissPendingChange(deps.db, id, mallLineId) };
}

export async function updateMallAccount(deps: MallAccountDeps, actor: Actor, id: string, patch: Record<string, unknown>, info: RequestInfo) {
  const row = await getMallAccount(deps, id);
  const { credentials, ...rest } = patch;
  // Credentials go wherever base_url points: moving it needs the credentials given again, so nobody can send
  // the stored ones to a server of their choosing.
  if ('base_url' in patch && patch.base_url !== row.base_url && credentials === undefined) {
    throw fieldError('credentials', messages.credentials_with_url);
  }
  const update: Partial<repo.MallAccountRow> = { ...(rest as Partial<repo.MallAccountRow>), updated_at: new Date().toISOString() };
  if (credentials !== undefined) {
    // New credentials deserve a new try: the error of the old ones no longer applies.
    Object.assign(update, { status: 'normal', last_error: null });
    const checked = checkCredentials(row.mall_type as MallType, credentials);
    update.credentials_enc = deps.secrets.seal(JSON.stringify(checked), id);
    update.credentials_hint = credentialsHint(row.mall_type as MallType, checked);
  }
  await repo.updateMallAccount(deps.db, id, update);
  await writeAudit(deps.db, actor, info, {
    action: 'mall_account_updated',
    entity: 'mall_account',
    entityId: id,
    detail: { fields: Object.keys(patch) },
  });
  return publicAccount((await repo.findMallAccount(deps.db, id))!);
}

/** An account's sealed credentials opened (they are bound to its id), for connectors only: never for a response or a log. */
export function openCredentials(secrets: SecretBox, account: { id: string; credentials_enc: string }): Record<string, string> {
  return JSON.parse(secrets.open(account.credentials_enc, account.id)) as Record<string, string>;
}

/** The decrypted credentials of an account, or none when it has none stored. */
export async function readCredentials(deps: MallAccountDeps, id: string): Promise<Record<string, string>> {
  const row = await repo.findMallAccount(deps.db, id);
  return row?.credentials_enc ? openCredentials(deps.secrets, { id, credentials_enc: row.credentials_enc }) : {};
}

/** One authenticated call to the mall. A refusal puts the account in error with the reason; success clears it. */
export async function testConnection(deps: MallAccountDeps, id: string) {
  const account = await getMallAccount(deps, id);
  const credentials = await readCredentials(deps, id);
  const now = new Date().toISOString();
  try {
    await deps.connectorFor(account, credentials).testConnection();
  } catch (error) {
    if (!(error instanceof MallError)) throw error;
    const text = message(messages.refused, { detail: error.text });
    // Only refused credentials put the account in error; a mall that is down for a moment does not.
    if (error.kind === 'auth') await repo.updateMallAccount(deps.db, id, { status: 'error', last_error: text, last_error_at: now, updated_at: now });
    return { ok: false, kind: error.kind, message: text };
  }
  await repo.updateMallAccount(deps.db, id, { status: 'normal', last_error: null, updated_at: now });
  return { ok: true, message: message(messages.connected) };
}
