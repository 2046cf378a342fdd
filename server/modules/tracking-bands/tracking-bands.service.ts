// 송장 대역 and 자동 채번 (PRODUCT.md §2 step 6: numbers issued from a courier's ranges). An admin registers the
// band the courier gave the shop; an operator numbers the selected lines' boxes from it: one number per box (a
// merged box's lines share it) or, for lines not yet in a box, per order — through the orders engine's set_invoice,
// the rules a number typed into the sheet meets (held, sold-out, claimed or stale lines are refused on their row).
// Each number is taken only when the engine applied it: a refused row costs no number. The band moves on in the
// same transaction as the boxes (its rows locked on PostgreSQL; SQLite has one writer), so two operators numbering
// at once never give one number twice, and a number given is never given again.
import type { Knex } from 'knex';
import type { TrackingBandBody, TrackingBandView, TrackingIssueBody } from '../../../shared/api/tracking-bands.schema.ts';
import { findCourier, type Courier } from '../../../shared/couriers.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { bandEnds, bandShape, inBand, numberAfter, numbersBetween, numbersFrom, type BandShape } from '../../../shared/tracking-band.ts';
import { checkTrackingNumber, trackingMessages } from '../../../shared/tracking-number.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { nextTurn } from '../../db/turns.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { numbersOnBoxes } from '../orders/box-numbers.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { Engine, type EngineResult } from '../orders/transition-engine.ts';
import type { WorkingSet } from '../orders/working-set.ts';
import { loadWorkingSet } from '../orders/working-set-load.ts';
import { writeChanges } from '../orders/write-changes.ts';
import { bandMessages as m } from './tracking-bands.messages.ts';
import * as repo from './tracking-bands.repo.ts';

/** The history's reason on every line numbered from a band (a number typed by hand has none). */
const ISSUE_REASON = historyReason(historyMessages.band_numbered);
/** Items decided between two turns given back to the event loop (as a bulk call does). */
const YIELD_EVERY = 1000;

const courierParams = (c: Courier) => ({ courier: c.nameKo, courierEn: c.nameEn });
const shapeOf = (band: repo.BandRow): BandShape => ({ check: band.check_kind, length: band.first_number.length });
const remainingOf = (band: repo.BandRow) => (band.next_number ? numbersBetween(band.next_number, band.last_number, shapeOf(band)) : 0);

function view(band: repo.BandRow): TrackingBandView {
  const { created_by: _by, updated_at: _at, ...rest } = band;
  return { ...rest, remaining: remainingOf(band) };
}

export async function listBands(db: Db) {
  return { items: (await repo.listBands(db)).map(view), next_cursor: null };
}

/** Registers a band (admin): both ends numbers the courier accepts, in order, overlapping none of its other bands. */
export async function createBand(db: Db, actor: Actor, info: Partial<RequestInfo>, body: TrackingBandBody): Promise<TrackingBandView> {
  const courier = findCourier(body.courier);
  if (!courier) throw fieldError('courier', m.unknown_courier, { courier: body.courier });
  const [first, last] = bandEnds(courier.code, body.first_number, body.last_number);
  const shaped = bandShape(courier.code, first, last);
  if (!shaped.ok) {
    const p = shaped.problem;
    if (p.code === 'band_number_invalid') {
      const problem = message(trackingMessages[p.issue.code], p.issue.params);
      throw fieldError(p.field, m.band_number_invalid, { problem });
    }
    if (p.code === 'band_lengths_differ') throw fieldError(p.field, m.band_lengths_differ, { first: first.length, last: last.length });
    if (p.code === 'band_reversed') throw fieldError(p.field, m.band_reversed);
    if (p.code === 'band_check_mixed') throw fieldError(p.field, m.band_check_mixed);
    throw fieldError('courier', m[p.code], { ...courierParams(courier), courier: courier.nameKo });
  }
  const now = new Date().toISOString();
  const band: repo.BandRow = {
    id: newId(ID_PREFIX.trackingBand),
    courier: courier.code,
    first_number: first,
    last_number: last,
    next_number: first,
    check_kind: shaped.shape.check,
    issued: 0,
    active: true,
    version: 1,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
  };
  return db.transaction(async (trx) => {
    await repo.lockCourierBands(trx, courier.code);
    for (const other of await repo.courierBands(trx, courier.code)) {
      const shape = shapeOf(other);
      const overlaps =
        other.first_number.length === first.length &&
        (inBand(first, other.first_number, other.last_number, shape) ||
          inBand(last, other.first_number, other.last_number, shape) ||
          inBand(other.first_number, first, last, shaped.shape));
      if (overlaps)
        throw fieldError(
          'first_number',
          m.band_overlap,
          { ...courierParams(courier), first: other.first_number, last: other.last_number },
          { type: 'conflict', code: 'band_overlap' },
        );
    }
    await repo.insertBand(trx, band);
    await writeAudit(trx as unknown as Db, actor, info, {
      action: 'tracking_band_created',
      entity: 'tracking_band',
      entityId: band.id,
      detail: { courier: courier.code, first, last },
    });
    return view(band);
  });
}

/**
 * Switches a band on or off (admin): an inactive band gives no numbers; its numbers given stay given. No version is
 * asked: the switch says what the band should be, whatever numbering moved it on meanwhile (the row is locked, so a
 * numbering running now finishes first).
 */
export async function setBandActive(db: Db, actor: Actor, info: Partial<RequestInfo>, id: string, body: { active: boolean }) {
  return db.transaction(async (trx) => {
    const band = await repo.findBand(trx, id, { lock: true });
    if (!band) throw new AppError('not_found', 'band_not_found', message(m.band_not_found, { id }));
    const now = new Date().toISOString();
    if (!(await repo.updateBand(trx, id, band.version, { active: body.active }, now))) throw new Error(`tracking band ${id} moved while locked`);
    await writeAudit(trx as unknown as Db, actor, info, {
      action: 'tracking_band_changed',
      entity: 'tracking_band',
      entityId: id,
      detail: { active: body.active },
    });
    return view({ ...band, active: body.active, version: band.version + 1, updated_at: now });
  });
}

/** A number the call may give, and the band it comes from. */
type Candidate = { number: string; band: repo.BandRow };

/**
 * Up to `want` numbers from the bands, in order, leaving out numbers a box carries already (typed by hand, or a
 * band registered twice by mistake): read in slices until enough are free or the bands end.
 */
async function freeNumbers(trx: Knex.Transaction, bands: readonly repo.BandRow[], want: number): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const band of bands) {
    const shape = shapeOf(band);
    let from: string | null = band.next_number;
    while (from && out.length < want) {
      const slice = numbersFrom(from, band.last_number, shape, want - out.length);
      if (!slice.length) break;
      const taken = await numbersOnBoxes(trx, slice);
      for (const number of slice) if (!taken.has(number)) out.push({ number, band });
      const next = numberAfter(slice.at(-1)!, shape);
      from = inBand(next, band.first_number, band.last_number, shape) ? next : null;
    }
    if (out.length >= want) break;
  }
  return out;
}

/**
 * Numbers the items' boxes from the courier's active bands (자동 채번), in one transaction: one number per box, or per
 * order for lines not yet in a box; refused items (held, stale, numbered already …) take none. Answers per item,
 * as a transitions call does, with the numbers given and what the bands have left.
 */
export async function issueNumbers(db: Db, actor: Actor, info: Partial<RequestInfo>, body: TrackingIssueBody) {
  const courier = findCourier(body.courier);
  if (!courier) throw fieldError('courier', m.unknown_courier, { courier: body.courier });
  const run = () =>
    db.transaction(async (trx) => {
      const bands = await repo.courierBands(trx, courier.code, { usable: true, lock: true });
      if (!bands.length) throw new AppError('conflict', 'no_band', message(m.no_band, courierParams(courier)));
      // At most one number per item: the candidates are read before the rows, so that the boxes already carrying
      // them (none, unless typed by hand) are read with the rows.
      const candidates = await freeNumbers(trx, bands, body.items.length);
      const set = await loadWorkingSet(trx, {
        ids: body.items.map((i) => i.id),
        actions: ['set_invoice'],
        trackingNumbers: candidates.map((c) => c.number),
      });
      const batchId = newId(ID_PREFIX.batch);
      const engine = new Engine(set, actor, batchId);
      const { results, given } = await giveNumbers(set, engine, body.items, candidates, courier);
      // Boxes of accounts that ship once numbered ship now, whole; an item whose box stayed says why.
      engine.tellHeld(results, engine.finish());
      await writeChanges(trx, set.writes, { actor, batchId, now: engine.now });
      for (const r of results) engine.fillVersions(r);
      await moveBandsOn(trx, bands, given, engine.now);
      await writeAudit(trx as unknown as Db, actor, info, {
        action: 'tracking_numbers_issued',
        entity: 'tracking_band',
        entityId: given[0]?.band.id ?? bands[0]!.id,
        detail: {
          courier: courier.code,
          issued: given.length,
          first: given[0]?.number ?? null,
          last: given.at(-1)?.number ?? null,
          batch_id: batchId,
        },
      });
      const left = await repo.courierBands(trx, courier.code, { usable: true });
      const applied = results.filter((r) => r.result === 'applied').length;
      return {
        batch_id: batchId,
        applied,
        refused: results.length - applied,
        results,
        auto_send_accounts: [...engine.autoSend],
        numbers: { issued: given.length, first: given[0]?.number ?? null, last: given.at(-1)?.number ?? null },
        remaining: left.reduce((n, b) => n + remainingOf(b), 0),
      };
    });
  // A number typed into another box between the read and the write: the unique index refuses this call, which is
  // run again on fresh rows (and skips that number). A deadlock victim is run again too.
  return retryOnConflict(run, { also: isUniqueViolation });
}

/**
 * Each item through the engine with its unit's number: the next usable candidate for the first row of a box (or of
 * an order's lines not yet in one), the same for its other rows. A refused row takes none; a number a box took since
 * the candidates were read (typed by hand, read with the rows) or that no longer passes the courier's rule is passed
 * over, never given.
 */
async function giveNumbers(
  set: WorkingSet,
  engine: Engine,
  items: TrackingIssueBody['items'],
  candidates: readonly Candidate[],
  courier: Courier,
): Promise<{ results: EngineResult[]; given: Candidate[] }> {
  // Each item's unit as read, before any item moves a line into a new box: its box, or its order.
  const unitOf = (id: string) => {
    const line = set.lines.get(id);
    return line ? (line.box_id ?? `order:${line.order_id}`) : `order:${id}`;
  };
  const units = items.map((item) => unitOf(item.id));
  const numberOfUnit = new Map<string, number>();
  const given: Candidate[] = [];
  let next = 0;
  const usable = (c: Candidate) => !set.boxWithNumber(c.number, undefined) && checkTrackingNumber(courier.code, c.number).ok;
  const results: EngineResult[] = [];
  for (const [k, item] of items.entries()) {
    if (k > 0 && k % YIELD_EVERY === 0) await nextTurn();
    const unit = units[k]!;
    const kept = numberOfUnit.get(unit);
    const box = set.lines.get(item.id)?.box_id;
    const current = box ? set.boxes.get(box)?.tracking_number : null;
    if (current && kept === undefined) {
      results.push({ id: item.id, result: 'refused', code: 'already_numbered', message: message(m.already_numbered, { current }) });
      continue;
    }
    while (kept === undefined && next < candidates.length && !usable(candidates[next]!)) next++;
    const at = kept ?? next;
    if (at >= candidates.length) {
      results.push({ id: item.id, result: 'refused', code: 'band_exhausted', message: message(m.band_exhausted, courierParams(courier)) });
      continue;
    }
    const result = engine.run(item, k, 'set_invoice', { courier: courier.code, tracking_number: candidates[at]!.number, reason: ISSUE_REASON });
    if (kept === undefined && result.result === 'applied') {
      numberOfUnit.set(unit, at);
      given.push(candidates[at]!);
      next++;
    }
    // Another row of a box this call numbered: its number came with the box's first row, but it is this row's
    // number as much (the operator reads 변경없음 as "nothing happened").
    if (kept !== undefined && result.code === 'unchanged') delete result.code;
    results.push(result);
  }
  return { results, given };
}

/** Each band the call drew from moves past the last number it gave (numbers skipped as taken included). */
async function moveBandsOn(trx: Knex.Transaction, bands: readonly repo.BandRow[], given: readonly Candidate[], now: string): Promise<void> {
  if (!given.length) return;
  const last = given.at(-1)!;
  for (const band of bands) {
    const issued = given.filter((c) => c.band === band).length;
    const drawn = band === last.band || issued > 0 || bands.indexOf(band) < bands.indexOf(last.band);
    if (!drawn) continue;
    // A band before the last one drawn from is used up (the call went on to the next); the last one moves past its
    // last number given.
    let next: string | null = null;
    if (band === last.band) {
      const after = numberAfter(last.number, shapeOf(band));
      next = inBand(after, band.first_number, band.last_number, shapeOf(band)) ? after : null;
    }
    if (!(await repo.updateBand(trx, band.id, band.version, { next_number: next, issued: band.issued + issued }, now))) {
      throw new Error(`tracking band ${band.id} moved while locked`);
    }
  }
}
