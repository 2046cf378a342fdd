// SKUs: create and edit (with the version the caller saw), one at a time or as sheet rows (sku-sheet.service.ts).
// Every save checks the whole state (sku-rules.ts), refuses a code or barcode another SKU holds in the domain's words
// (also when two saves race: the unique index decides, and the loser is answered like any duplicate), writes an
// audit row with the fields before → after, and passes a status change to onSkuStatusChanged.
import { catalogueInUse, flagUnmatchedWaitingLines } from '../matching/matching.service.ts';
import type { SkuCreateBody, SkuPatchBody, SkuView } from '../../../shared/api/catalogue.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { ID_PREFIX, newId } from '../../db/ids.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import type { Db } from '../../db/knex.ts';
import type { Knex } from 'knex';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { catalogueMessages } from './catalogue.messages.ts';
import { changedFields, checkedState, skuFieldError, type SkuState } from './sku-rules.ts';
import { onSkuStatusChanged } from './sku-status.ts';
import * as repo from './skus.repo.ts';

type Conn = Knex | Knex.Transaction;

const stateOf = (s: repo.Sku): SkuState => ({
  code: s.code,
  name: s.name,
  option_text: s.option_text,
  barcodes: s.barcodes,
  cost: s.cost,
  price: s.price,
  status: s.status,
  status_date: s.status_date,
  limit_quantity: s.limit_quantity,
  memo: s.memo,
});

/** What a save asks: a new SKU (no id), or an edit of `id` pulled at `version` with the fields it changes. */
export type SkuSave = { id?: string | undefined; version?: number | undefined; fields: Partial<SkuState> };
export type Saved = { sku: repo.Sku; outcome: 'created' | 'updated' | 'unchanged' };

/** Saves one SKU inside `trx`; throws the AppError of a refusal (nothing written then). */
export async function saveSku(trx: Conn, actor: Actor, info: Partial<RequestInfo>, save: SkuSave, now: string): Promise<Saved> {
  const before = save.id ? await repo.findSku(trx, save.id, { lock: true }) : undefined;
  if (save.id && !before) throw new AppError('not_found', 'not_found', message(catalogueMessages.sku_not_found, { id: save.id }));
  if (before && save.version !== before.version) throw stale(before.version);
  const base: SkuState = before
    ? stateOf(before)
    : {
        code: '',
        name: '',
        option_text: null,
        barcodes: [],
        cost: 0,
        price: 0,
        status: 'active',
        status_date: null,
        limit_quantity: null,
        memo: null,
      };
  const defined = Object.fromEntries(Object.entries(save.fields).filter(([, v]) => v !== undefined));
  const state = checkedState({ ...base, ...defined });
  await refuseClashes(trx, state, before?.id);

  if (!before) {
    const first = !(await catalogueInUse(trx));
    const id = newId(ID_PREFIX.sku);
    const row: repo.SkuRow = { id, ...withoutBarcodes(state), version: 1, created_by: actor.id, created_at: now, updated_at: now };
    await repo.insertSku(trx, row, state.barcodes);
    await writeAudit(trx, actor, info, { action: 'sku_created', entity: 'sku', entityId: id, detail: { after: state } });
    await onSkuStatusChanged(trx, actor, { skuId: id, before: null, after: state, at: now });
    // The first SKU puts the catalogue in use: from now on a waiting line without a match is unmatched (and kept
    // from release) — the lines already waiting too, not only those collected from now on.
    if (first) await flagUnmatchedWaitingLines(trx, actor);
    const { created_by: _by, ...view } = row;
    return { sku: { ...view, barcodes: state.barcodes }, outcome: 'created' };
  }
  const diff = changedFields(stateOf(before), state);
  if (!Object.keys(diff.after).length) return { sku: before, outcome: 'unchanged' };
  const { barcodes: _barcodes, ...patch } = diff.after;
  if (!(await repo.updateSku(trx, before.id, before.version, { ...patch, updated_at: now }))) throw stale(before.version + 1);
  if (diff.after.barcodes) await repo.replaceBarcodes(trx, before.id, before.barcodes, state.barcodes, now);
  await writeAudit(trx, actor, info, { action: 'sku_updated', entity: 'sku', entityId: before.id, detail: diff });
  if ('status' in diff.after || 'limit_quantity' in diff.after) {
    await onSkuStatusChanged(trx, actor, { skuId: before.id, before: stateOf(before), after: state, at: now });
  }
  const sku = { ...before, ...withoutBarcodes(state), barcodes: state.barcodes, version: before.version + 1, updated_at: now };
  return { sku, outcome: 'updated' };
}

const withoutBarcodes = ({ barcodes: _b, ...rest }: SkuState) => rest;

const stale = (current: number) => new AppError('conflict', 'stale_version', message(catalogueMessages.stale_version, { current }));

/** A code or barcode that another SKU holds, refused naming the field and the holder. */
async function refuseClashes(db: Conn, state: SkuState, selfId: string | undefined): Promise<void> {
  const holder = await repo.skuWithCode(db, state.code, selfId);
  if (holder) {
    throw skuFieldError(
      'code',
      catalogueMessages.duplicate_code,
      { code: state.code, name: holder.name },
      { code: 'duplicate_code', type: 'conflict' },
    );
  }
  const [taken] = await repo.barcodesTaken(db, state.barcodes, selfId);
  if (taken) {
    throw skuFieldError('barcodes', catalogueMessages.duplicate_barcode, taken, { code: 'duplicate_barcode', type: 'conflict' });
  }
}

/**
 * A unique violation met by a save whose own checks passed: another save of the same code or barcode committed in
 * between. Said in the domain's words, naming the field.
 */
export function raceRefusal(error: unknown): AppError {
  const field = repo.uniqueTarget(error);
  return skuFieldError(
    field,
    catalogueMessages.duplicate_code_race,
    {},
    { code: field === 'code' ? 'duplicate_code' : 'duplicate_barcode', type: 'conflict' },
  );
}

/**
 * One save in its own transaction. A unique violation means another save won a race for the code or a barcode:
 * the save runs again on fresh rows, where its own check refuses it naming the holder.
 */
async function saveAlone(db: Db, actor: Actor, info: Partial<RequestInfo>, save: SkuSave): Promise<Saved> {
  try {
    return await retryOnConflict(() => db.transaction((trx) => saveSku(trx, actor, info, save, new Date().toISOString())), {
      attempts: 3,
      also: isUniqueViolation,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw raceRefusal(error);
    throw error;
  }
}

export async function createSku(db: Db, actor: Actor, info: Partial<RequestInfo>, body: SkuCreateBody): Promise<SkuView> {
  return (await saveAlone(db, actor, info, { fields: body })).sku;
}

export async function updateSku(db: Db, actor: Actor, info: Partial<RequestInfo>, id: string, body: SkuPatchBody): Promise<SkuView> {
  const { version, ...fields } = body;
  return (await saveAlone(db, actor, info, { id, version, fields: fields as Partial<SkuState> })).sku;
}

export async function getSku(db: Db, id: string): Promise<SkuView> {
  const sku = await repo.findSku(db, id);
  if (!sku) throw new AppError('not_found', 'not_found', message(catalogueMessages.sku_not_found, { id }));
  return sku;
}

export async function listSkus(db: Db, query: { q?: string | undefined; status?: string | undefined; cursor?: string | undefined; limit: number }) {
  const { items, next } = await repo.listSkus(db, { q: query.q, status: query.status, after: query.cursor, limit: query.limit });
  return { items, next_cursor: next };
}
