// Status changes and order actions, one or many at a time. Every item names an order (ord_…) or a line (lin_…)
// with the version the caller saw; each gets its own result. A stale version, an illegal transition or a blocking
// flag refuses that item only. Applied items are written together in one transaction at the end, or, in a call
// bigger than a block, at the end of their block (bulk-blocks.ts): every block is a transaction of its own.
import { API_ACTION_LABELS, type BulkTransitionBody } from '../../../shared/api/orders.schema.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { message, type Message } from '../../../shared/i18n.ts';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.ts';
import { runInBlocks } from './bulk-blocks.ts';
import { autoMergeAfterRelease } from '../merge/merge.service.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor } from '../../domain/actor.ts';
import { Engine, Refusal, itemParams, type Action, type ClaimOrigin, type EngineResult, type Params } from './transition-engine.ts';
import { refusalError } from './refusals.ts';
import { AUTO_REASONS } from './automation.ts';
import { manyProblems } from '../../domain/validation.ts';
import { ordersMessages } from './orders.messages.ts';
import type { PendingWrites } from './working-set.repo.ts';
import { writeChanges, type WriteCall } from './write-changes.ts';
import { keptAllocationsOf } from '../allocation/allocation.repo.ts';
import { packText } from '../../db/packed-text.ts';
import { completeBatch, insertPart } from './transition-batches.repo.ts';
import { shortAfter } from '../stock/stock.repo.ts';
import { UNDOABLE_ACTIONS, packedPartOf, type PackedPart } from './transition-undo.ts';
import { type WorkingSet } from './working-set.ts';
import { loadWorkingSet, storedNumber, type LoadPlan } from './working-set-load.ts';
import { fieldLabel } from '../../../shared/api/field-labels.ts';
import { accountsWithPendingDecisions } from './claim-decisions.repo.ts';

export type BulkResult = {
  batch_id: string;
  applied: number;
  refused: number;
  results: EngineResult[];
  /** Accounts that send once shipped whose boxes the call shipped (automation.ts): the caller starts their send jobs. */
  auto_send_accounts: string[];
  /** Accounts whose mall claims the call decided (approved or refused here): the caller starts their claim-decision jobs. */
  auto_claim_accounts: string[];
  /** Whether the call kept an undo record that covers all it changed (transition-undo.ts). */
  undoable: boolean;
  /** Stock rows its ships left below zero (the shelf said more than it had): what the operator should count. */
  stock_short?: { sku_code: string; warehouse_code: string; on_hand: number }[];
};

/** `blockItems`: the most items one transaction applies (SHIPSHEET_BULK_BLOCK_ITEMS; tests make it small). */
export type BulkOptions = { blockItems?: number };

/**
 * Parameters each action needs, checked before anything is read so bad input writes nothing. Every missing
 * parameter is named, in the message and in the details.
 */
function requireParams(body: BulkTransitionBody, params: readonly Params[]): void {
  const issues: FieldProblem[] = [];
  const need = (index: number, field: keyof Params, value: unknown) => {
    if (value === undefined || value === null || value === '') {
      issues.push({
        field: `items.${index}.${field}`,
        message: message(ordersMessages.param_required, { field: fieldLabel(`items.${index}.${field}`), action: API_ACTION_LABELS[body.action] }),
      });
    }
  };
  body.items.forEach((item, i) => {
    const p = params[i]!;
    if (body.action === 'hold' || body.action === 'delete' || body.action === 'undelete') need(i, 'reason', p.reason);
    if (body.action === 'set_invoice') {
      need(i, 'courier', p.courier);
      // Direct delivery (업체직송) ships without a number.
      if (findCourier(p.courier)?.code !== 'DIRECT') need(i, 'tracking_number', p.tracking_number);
    }
    if (body.action === 'claim') need(i, 'claim_type', p.claim_type);
    if (body.action === 'set_flags') need(i, 'flags', p.flags);
    if (p.quantity !== undefined && !item.id.startsWith(ID_PREFIX.line + '_')) {
      issues.push({
        field: `items.${i}.quantity`,
        message: message(ordersMessages.quantity_needs_line, { field: fieldLabel(`items.${i}.quantity`) }),
      });
    }
  });
  if (issues.length) throw new AppError('invalid_data', 'validation_failed', manyProblems(issues), { details: issues });
}

export async function applyTransitions(
  db: Db,
  actor: Actor,
  body: BulkTransitionBody,
  origin?: ClaimOrigin,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const params = itemParams(body);
  requireParams(body, params);
  // One batch id and one time for the whole call, whichever block writes its history.
  const batchId = newId(ID_PREFIX.batch);
  const now = new Date().toISOString();
  const automated: Automated = { send: new Set(), release: [] };
  // An operator's call (not a mall's news through sync) keeps what it changed, to be undone as a unit.
  const recording = actor.type === 'user' && origin === undefined && UNDOABLE_ACTIONS.includes(body.action);
  const record: Recording | null = recording ? { batchId, action: body.action, actor, now, parts: 0, blocked: false } : null;
  const blocks = await runInBlocks(
    db,
    body.items.length,
    {
      items: () => body.items.map((item) => ({ id: item.id, numbers: numbersOf(body, [item]) })),
      load: (block) => ({ ...loadPlanOf(partOf(body, block)), originals: recording }),
      decide: (block, set) =>
        decideBlock(
          set,
          actor,
          partOf(body, block),
          block,
          block.map((index) => params[index]!),
          { batchId, now, origin, recording },
        ),
      write: (decided, trx) => writeBlock(trx, decided, automated, { actor, batchId, now }, record),
    },
    options.blockItems,
  );
  const results: EngineResult[] = new Array(body.items.length);
  for (const { block, out } of blocks) block.forEach((index, k) => (results[index] = out[k]!));
  const applied = results.filter((r) => r.result === 'applied').length;
  let merged = false;
  if (body.action === 'release' && applied > 0) {
    // The seller's auto-merge (합포 자동): the released orders join their merge groups on the desk, as a batch of its own.
    const released = new Set(results.filter((r) => r.result === 'applied' && r.code !== 'unchanged').map((r) => r.id));
    merged = (await autoMergeAfterRelease(db, actor, released)) !== null;
  }
  // The record is whole now, and may be undone: unless its orders merged by themselves right after (the merge's
  // boxes hold them; its undo then moves their versions on, so the release stays as it is).
  if (record?.parts) await completeBatch(db, batchId, new Date().toISOString(), merged ? 'merged_after' : null);
  if (automated.release.length) {
    // Release on confirm: the lines just confirmed of accounts that say so, in a call of their own (its own batch,
    // the same actor, the setting as the reason). A line that cannot be released (on hold, unmatched) stays 신규.
    await applyTransitions(db, actor, { action: 'release', reason: AUTO_REASONS.release, items: automated.release }, undefined, options);
  }
  // A mall's claim an operator decided here is told to the mall (claim-decisions job): the accounts it goes to.
  const decided = (body.action === 'complete_claim' || body.action === 'withdraw_claim') && actor.type === 'user' && origin === undefined;
  const appliedIds = results.filter((r) => r.result === 'applied' && r.code !== 'unchanged').map((r) => r.id);
  const claimAccounts = decided && appliedIds.length ? await accountsWithPendingDecisions(db, appliedIds) : [];
  // Ships take units off the shelf (settle.ts) even where it said fewer: the operator hears which rows went below zero.
  const short = body.action === 'ship' && applied > 0 ? await shortAfter(db, batchId) : [];
  return {
    batch_id: batchId,
    ...(short.length ? { stock_short: short } : {}),
    applied,
    refused: results.length - applied,
    results,
    auto_send_accounts: [...automated.send],
    auto_claim_accounts: claimAccounts,
    // A ship whose numbers go to the malls at once (송장 자동 전송) is the malls' as soon as the send runs: not offered.
    undoable: !!record && record.parts > 0 && !record.blocked && !merged && !automated.send.size,
  };
}

/** What the blocks of a call leave for the automatic steps after it. */
type Automated = { send: Set<string>; release: { id: string; version: number }[] };

type CallInfo = { batchId: string; now: string; origin: ClaimOrigin | undefined; recording: boolean };

/** A call keeping an undo record: the parts its blocks wrote so far, and whether any cannot be undone. */
type Recording = { batchId: string; action: string; actor: Actor; now: string; parts: number; blocked: boolean };

/** The items of a call at these indexes (all of them: the call itself). */
const partOf = (body: BulkTransitionBody, block: readonly number[]): BulkTransitionBody =>
  block.length === body.items.length ? body : { ...body, items: block.map((index) => body.items[index]!) };

/** What one block of a call decided (on the rows read for it), to be written in its transaction. */
type DecidedBlock = {
  results: EngineResult[];
  writes: PendingWrites;
  now: string;
  autoSend: string[];
  release: { id: string; version: number }[];
  /** The block's part of the call's undo record, when the call keeps one and the block changed anything. */
  undo: PackedPart | null;
};

/** One block of a call (or the whole of a small one), decided on the rows read for it; each result with its versions. */
async function decideBlock(
  set: WorkingSet,
  actor: Actor,
  part: BulkTransitionBody,
  indexes: readonly number[],
  params: readonly Params[],
  call: CallInfo,
): Promise<DecidedBlock> {
  const engine = new Engine(set, actor, call.batchId, call.origin, call.now);
  const results = await engine.runAll(part, indexes, params);
  // The versions after the write: one more for every row the block changes (nothing else writes them in between).
  for (const r of results) engine.fillVersions(r);
  const release =
    part.action === 'confirm' && set.automation.size ? engine.toRelease(results.flatMap((r) => (r.result === 'applied' ? (r.lines ?? []) : []))) : [];
  // The record is made from the rows as read, now (the next block may be decided on the same rows while this one
  // is written), and packed before the block's transaction opens.
  const undo = call.recording ? await packedPartOf(set, set.writes, engine.now) : null;
  return { results, writes: set.writes, now: engine.now, autoSend: [...engine.autoSend], release, undo };
}

/** Writes a decided block in its transaction; what it leaves for the automatic steps counts once it is written. */
async function writeBlock(
  trx: Knex.Transaction,
  decided: DecidedBlock,
  automated: Automated,
  call: WriteCall,
  record: Recording | null,
): Promise<EngineResult[]> {
  const undo = record && decided.undo;
  // What the lines it ships or cancels hold goes when they settle: kept first, for the undo to put back.
  const allocations = undo && undo.settling.length ? await keptAllocationsOf(trx, undo.settling) : [];
  await writeChanges(trx, decided.writes, call);
  if (record && undo) {
    const batch = { id: record.batchId, action: record.action, created_by: record.actor.id, created_at: record.now };
    const kept = allocations.length ? await packText(JSON.stringify(allocations)) : null;
    await insertPart(trx, batch, { part: record.parts++, undo: undo.undo, allocations: kept, lines: undo.lines, blocked: undo.blocked });
    if (undo.blocked) record.blocked = true;
  }
  for (const id of decided.autoSend) automated.send.add(id);
  automated.release.push(...decided.release);
  return decided.results;
}

/** The tracking numbers boxes may be given by these items, as stored (how boxes are looked up). */
function numbersOf(body: BulkTransitionBody, items: BulkTransitionBody['items']): string[] {
  if (body.action !== 'set_invoice') return [];
  const numbers = new Set<string>();
  for (const item of items) {
    const number = storedNumber(item.courier ?? body.courier, item.tracking_number ?? body.tracking_number);
    if (number) numbers.add(number);
  }
  return [...numbers];
}

function loadPlanOf(body: BulkTransitionBody): LoadPlan {
  return { ids: body.items.map((i) => i.id), actions: [body.action], trackingNumbers: numbersOf(body, body.items) };
}

/**
 * Several actions on one order (ord_…) as one item, in the caller's transaction: how an order that starts further
 * along its lifecycle than new (a direct order entered with its tracking number) takes the same rules, checks and
 * history as any other. A refusal throws as the error a single transition would answer, its message led by the
 * field it is about (as a form's validation errors are); the caller's transaction then writes nothing.
 */
export async function applySteps(
  trx: Knex.Transaction,
  actor: Actor,
  item: { id: string; version: number },
  steps: readonly { action: Action; params: Params }[],
  call: { batchId: string; now: string },
): Promise<{ autoSendAccounts: string[]; warnings: Message[] }> {
  const trackingNumbers = steps.flatMap((s) =>
    s.action === 'set_invoice' ? [storedNumber(s.params.courier, s.params.tracking_number)].filter((n) => n !== undefined) : [],
  );
  const set = await loadWorkingSet(trx, { ids: [item.id], actions: steps.map((s) => s.action), trackingNumbers });
  const engine = new Engine(set, actor, call.batchId, undefined, call.now);
  const warnings: Message[] = [];
  try {
    const target = engine.target(item, 0);
    for (const step of steps) warnings.push(...engine.apply(target, step.action, step.params).warnings);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    throw refusalError({ id: item.id, code: error.code, message: engine.describe(error) }, true);
  }
  await writeChanges(trx, set.writes, { actor, batchId: call.batchId, now: call.now });
  // Accounts that send once shipped whose boxes these steps shipped: the caller starts their send jobs.
  return { autoSendAccounts: [...engine.autoSend], warnings };
}
