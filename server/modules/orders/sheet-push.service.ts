// The order sheet's push: the rows an operator changed, applied under one batch id, each row whole or not at all
// (see sheet-rows.ts for what a row's cells mean), in one transaction, or in a push bigger than a block one per
// block of rows (bulk-blocks.ts). Every change goes through the transition
// engine, so holds, numbers and the status history are written exactly as bulk calls write them. The answer has
// one result per row, in the request's order, and the lines-view rows of every line the push gave a new version.
import type { SheetPushBody, SheetPushResult, SheetPushRow } from '../../../shared/api/sheet.schema.ts';
import { RECIPIENT_FIELDS } from '../../../shared/sheet/recipient-edit.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { nextTurn } from '../../db/turns.ts';
import { runInBlocks } from './bulk-blocks.ts';
import { linesByIds } from './orders.service.ts';
import { SheetRows, type SheetResult } from './sheet-rows.ts';
import { Engine, addHeld, type Action } from './transition-engine.ts';
import type { PendingWrites } from './working-set.repo.ts';
import { writeChanges } from './write-changes.ts';
import type { Knex } from 'knex';
import { type WorkingSet } from './working-set.ts';
import { storedNumber, type LoadPlan } from './working-set-load.ts';

type ViewRow = Awaited<ReturnType<typeof linesByIds>>[number];

/** `options.blockItems`: the most rows one transaction applies (SHIPSHEET_BULK_BLOCK_ITEMS). */
export async function pushSheet(
  db: Db,
  actor: Actor,
  body: SheetPushBody,
  options: { blockItems?: number } = {},
): Promise<Omit<SheetPushResult, 'results'> & { results: SheetResult[]; auto_send_accounts: string[] }> {
  const batchId = newId(ID_PREFIX.batch);
  const now = new Date().toISOString();
  // Each row's number as stored, worked out once: planning, loading and applying all need it.
  const numbers = body.rows.map((r) => storedNumber(r.courier, r.tracking_number));
  const autoSend = new Set<string>();
  const blocks = await runInBlocks(
    db,
    body.rows.length,
    {
      items: () => body.rows.map((r, i) => ({ id: r.line_id, numbers: numbers[i] ? [numbers[i]] : [] })),
      load: (block) => loadPlanOf(body.rows, block, numbers),
      decide: (block, set) => decideBlock(set, actor, body.rows, numbers, block, { batchId, now }),
      write: (decided, trx) => writeBlock(trx, actor, decided, autoSend, batchId),
    },
    options.blockItems,
  );
  const results: SheetResult[] = new Array(body.rows.length);
  const lines: ViewRow[] = [];
  for (const { block, out } of blocks) {
    block.forEach((index, k) => (results[index] = out.results[k]!));
    lines.push(...out.lines);
  }
  // Each block's rows come in the lines view's order (order, then line); so do those of several blocks.
  if (blocks.length > 1) lines.sort((a, b) => compare(a.order_id, b.order_id) || compare(a.line_id, b.line_id));
  const applied = results.filter((r) => r.result === 'applied').length;
  return { batch_id: batchId, applied, refused: results.length - applied, results, lines, auto_send_accounts: [...autoSend] };
}

const hasRecipient = (row: SheetPushRow) => RECIPIENT_FIELDS.some((f) => row[f] !== undefined);

const compare = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

/** What one block of rows decided (on the rows read for it), to be written in its transaction. */
type DecidedBlock = {
  results: SheetResult[];
  writes: PendingWrites;
  /** Lines of rows pushed again with nothing new (SheetRows.refreshed): read back with those written. */
  refreshed: string[];
  now: string;
  autoSend: string[];
  recipients: boolean;
};

/** Rows decided between two turns of the event loop (the block before may be being written meanwhile). */
const YIELD_EVERY = 500;

async function decideBlock(
  set: WorkingSet,
  actor: Actor,
  all: readonly SheetPushRow[],
  numbers: readonly (string | undefined)[],
  indexes: readonly number[],
  { batchId, now }: { batchId: string; now: string },
): Promise<DecidedBlock> {
  const rows = indexes.map((i) => all[i]!);
  const engine = new Engine(set, actor, batchId, undefined, now);
  const sheet = new SheetRows(engine, set, numbers);
  const results: SheetResult[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (k > 0 && k % YIELD_EVERY === 0) await nextTurn();
    results.push(sheet.apply(rows[k]!, indexes[k]!));
  }
  // Boxes of accounts that ship once numbered ship now, whole; a row whose box stayed says why.
  const held = engine.finish();
  if (held.size) for (const r of results) if (r.result === 'applied') addHeld(r, [r.line_id], held);
  return {
    results,
    writes: set.writes,
    refreshed: [...sheet.refreshed],
    now: engine.now,
    autoSend: [...engine.autoSend],
    recipients: rows.some(hasRecipient),
  };
}

async function writeBlock(trx: Knex.Transaction, actor: Actor, decided: DecidedBlock, autoSend: Set<string>, batchId: string) {
  await writeChanges(trx, decided.writes, { actor, batchId, now: decided.now });
  for (const id of decided.autoSend) autoSend.add(id);
  // Read inside the transaction, so the versions are the ones this push wrote; with the recipient cells when a
  // row corrected them (the sheet's snapshot must learn the values as stored, phones hyphenated).
  const ids = [...decided.writes.lines.keys()];
  for (const id of decided.refreshed) if (!decided.writes.lines.has(id)) ids.push(id);
  const lines = await linesByIds(trx, actor, ids, decided.recipients ? 'refresh_recipient' : 'refresh');
  return { results: decided.results, lines };
}

/**
 * Everything the rows at `indexes` may touch, read once: whole orders when a row holds or adds a memo, boxes when
 * one numbers (and the boxes carrying the numbers asked for, as stored: `numbers`, by row).
 */
function loadPlanOf(all: readonly SheetPushRow[], indexes: readonly number[], numbers: readonly (string | undefined)[]): LoadPlan {
  const rows = indexes.map((i) => all[i]!);
  const actions: Action[] = [];
  if (rows.some((r) => r.hold !== undefined || r.hold_reason !== undefined)) actions.push('hold', 'release_hold');
  if (rows.some((r) => r.tracking_number !== undefined)) actions.push('set_invoice', 'clear_invoice');
  const trackingNumbers = [...new Set(indexes.flatMap((i) => numbers[i] ?? []))];
  // Only line ids are read: a sheet row is a line, and an order id sent as one is refused as not found, without
  // reading (and locking) every line of that order.
  return {
    ids: rows.map((r) => r.line_id).filter((id) => id.startsWith(`${ID_PREFIX.line}_`)),
    actions,
    trackingNumbers,
    memos: rows.some((r) => r.memo !== undefined),
    recipients: rows.some(hasRecipient),
  };
}
