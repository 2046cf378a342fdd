// Warehouses and stores. Exactly one is the default: making one the default takes the flag off the old one in the
// same transaction (the old default's row is locked first, so two switches run one after the other). The default
// cannot be unset or deactivated, and a warehouse that still holds stock cannot be deactivated (its stock would
// vanish from every count): the refusal says how much it holds.
import type { z } from 'zod';
import type { warehouseCreateBody, warehousePatchBody, WarehouseView } from '../../../shared/api/catalogue.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { ID_PREFIX, newId } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { WAREHOUSE_LABELS } from '../../../shared/api/field-labels.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { catalogueMessages } from './catalogue.messages.ts';
import * as repo from './warehouses.repo.ts';

export async function listWarehouses(db: Db): Promise<{ items: WarehouseView[]; next_cursor: null }> {
  return { items: await repo.listWarehouses(db), next_cursor: null };
}

const duplicateCode = (code: string) =>
  fieldError(
    'code',
    catalogueMessages.duplicate_warehouse_code,
    { code },
    { code: 'duplicate_code', type: 'conflict', label: WAREHOUSE_LABELS.code },
  );

/** A unique violation after the code was checked: another request took the code in between. */
async function withUniqueRefused<T>(code: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await retryOnConflict(run);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(code ?? '');
    throw error;
  }
}

export async function createWarehouse(
  db: Db,
  actor: Actor,
  info: Partial<RequestInfo>,
  body: z.output<typeof warehouseCreateBody>,
): Promise<WarehouseView> {
  return withUniqueRefused(body.code, () =>
    db.transaction(async (trx) => {
      const now = new Date().toISOString();
      if (await repo.warehouseWithCode(trx, body.code)) throw duplicateCode(body.code);
      if (body.is_default) await repo.lockDefault(trx);
      const row: repo.WarehouseRow = { id: newId(ID_PREFIX.warehouse), ...body, active: true, version: 1, created_at: now, updated_at: now };
      await repo.insertWarehouse(trx, row);
      if (body.is_default) await repo.clearDefaultExcept(trx, row.id, now);
      await writeAudit(trx, actor, info, { action: 'warehouse_created', entity: 'warehouse', entityId: row.id, detail: { after: body } });
      return row;
    }),
  );
}

export async function updateWarehouse(
  db: Db,
  actor: Actor,
  info: Partial<RequestInfo>,
  id: string,
  body: z.output<typeof warehousePatchBody>,
): Promise<WarehouseView> {
  return withUniqueRefused(body.code, () =>
    db.transaction(async (trx) => {
      const now = new Date().toISOString();
      // The default's row first, then this one: every switch locks in the same order.
      if (body.is_default) await repo.lockDefault(trx);
      const before = await repo.findWarehouse(trx, id, { lock: true });
      if (!before) throw new AppError('not_found', 'not_found', message(catalogueMessages.warehouse_not_found, { id }));
      if (before.version !== body.version)
        throw new AppError('conflict', 'stale_version', message(catalogueMessages.stale_version, { current: before.version }));
      const { version: _v, ...wanted } = body;
      const patch = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== undefined && before[k as keyof repo.WarehouseRow] !== v));
      if (!Object.keys(patch).length) return before;
      await refuse(trx, before, { ...before, ...patch });
      if (!(await repo.updateWarehouse(trx, id, before.version, { ...patch, updated_at: now }))) {
        throw new AppError('conflict', 'stale_version', message(catalogueMessages.stale_version, { current: before.version + 1 }));
      }
      if (patch.is_default) await repo.clearDefaultExcept(trx, id, now);
      const was = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof repo.WarehouseRow]]));
      await writeAudit(trx, actor, info, { action: 'warehouse_updated', entity: 'warehouse', entityId: id, detail: { before: was, after: patch } });
      return { ...before, ...patch, version: before.version + 1, updated_at: now } as repo.WarehouseRow;
    }),
  );
}

async function refuse(trx: Db, before: repo.WarehouseRow, after: repo.WarehouseRow): Promise<void> {
  if (after.code !== before.code && (await repo.warehouseWithCode(trx, after.code, before.id))) throw duplicateCode(after.code);
  if (before.is_default && !after.is_default) throw fieldError('is_default', catalogueMessages.default_unset);
  if (after.is_default && !after.active) {
    throw fieldError(
      before.is_default ? 'active' : 'is_default',
      before.is_default ? catalogueMessages.default_inactive : catalogueMessages.inactive_default,
    );
  }
  if (before.active && !after.active) {
    const held = await repo.stockHeld(trx, before.id);
    if (held.skus > 0) throw fieldError('active', catalogueMessages.warehouse_has_stock, held, { code: 'warehouse_has_stock', type: 'conflict' });
  }
}
