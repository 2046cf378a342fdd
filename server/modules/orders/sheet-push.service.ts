// The order sheet's push: the rows an operator changed, applied in one transaction under one batch id, each row
// whole or not at all (see sheet-rows.ts for what a row's cells mean). Every change goes through the transition
// engine, so holds, numbers and the status history are written exactly as bulk calls write them. The answer has
// one result per row, in the request's order, and the lines-view rows of every line the push gave a new version.
import type { SheetPushBody, SheetPushResult, SheetPushRow } from '../../../shared/api/sheet.schema.ts';
import type { Lang } from '../../../shared/i18n.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../http/context.ts';
import { linesByIds } from './orders.service.ts';
import { SheetRows } from './sheet-rows.ts';
import { Engine, type Action } from './transition-engine.ts';
import { flushWrites } from './working-set.repo.ts';
import { loadWorkingSet, storedNumber, type LoadPlan } from './working-set.ts';

export async function pushSheet(db: Db, actor: Actor, body: SheetPushBody, info: Pick<RequestInfo, 'lang'>): Promise<SheetPushResult> {
  // A unique violation is a race lost on a tracking number (boxes_courier_tracking_number_unique): run again, the
  // winner's box is then read and the row refused as duplicate_tracking_number.
  return retryOnConflict(() => pushOnce(db, actor, body, info.lang), { also: isUniqueViolation });
}

async function pushOnce(db: Db, actor: Actor, body: SheetPushBody, lang: Lang): Promise<SheetPushResult> {
  const batchId = newId(ID_PREFIX.batch);
  return db.transaction(async (trx) => {
    const set = await loadWorkingSet(trx, loadPlanOf(body.rows));
    const engine = new Engine(set, actor, lang, batchId);
    const rows = new SheetRows(engine, set, lang);
    const results = body.rows.map((row, index) => rows.apply(row, index));
    await flushWrites(trx, set.writes, engine.now);
    // Read inside the transaction, so the versions are the ones this push wrote.
    const lines = await linesByIds(trx, actor, [...set.writes.lines.keys()], 'refresh');
    const applied = results.filter((r) => r.result === 'applied').length;
    return { batch_id: batchId, applied, refused: results.length - applied, results, lines };
  });
}

/** Everything the rows may touch, read once: whole orders when a row holds or adds a memo, boxes when one numbers. */
function loadPlanOf(rows: readonly SheetPushRow[]): LoadPlan {
  const actions: Action[] = [];
  if (rows.some((r) => r.hold !== undefined || r.hold_reason !== undefined)) actions.push('hold', 'release_hold');
  if (rows.some((r) => r.tracking_number !== undefined)) actions.push('set_invoice', 'clear_invoice');
  const trackingNumbers = new Set(rows.flatMap((r) => storedNumber(r.courier, r.tracking_number) ?? []));
  // Only line ids are read: a sheet row is a line, and an order id sent as one is refused as not found, without
  // reading (and locking) every line of that order.
  return { ids: rows.map((r) => r.line_id).filter((id) => id.startsWith(`${ID_PREFIX.line}_`)), actions, trackingNumbers: [...trackingNumbers], memos: rows.some((r) => r.memo !== undefined) };
}
