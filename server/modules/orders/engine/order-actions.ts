// Actions on a whole order rather than along the lifecycle: hold and release it, flag it (or its lines), delete
// it or bring it back (주문삭제 복구: a mall order deleted by mistake is never collected again), and add a memo. A
// change to the order gives every line of it a new version: the sheet shows order fields on every row.
import { LEAVES_BOX, PRE_SHIPMENT_STATUSES, type Status } from '../../../../shared/lifecycle.ts';
import type { LineRow, OrderRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';
import { restoreGifts, setGiftsAside } from './gift-lines.ts';
import { Refusal, UNCHANGED, type Action, type Outcome, type Params } from './types.ts';

export const ORDER_ACTIONS: readonly Action[] = ['hold', 'release_hold', 'delete', 'undelete', 'set_flags'];

export function orderAction(core: EngineCore, order: OrderRow, line: LineRow | null, action: Action, p: Params): Outcome {
  const { set, actor, now } = core;
  const lines = set.linesOfOrder(order.id);
  const patch: Partial<OrderRow> = {};
  let linePatch: Partial<LineRow> = {};

  if (action === 'hold') {
    if (!lines.some((l) => PRE_SHIPMENT_STATUSES.includes(l.status as Status))) {
      throw new Refusal('illegal_transition', { id: line?.id ?? order.id }, 'hold_not_allowed');
    }
    if (order.hold && order.hold_reason === p.reason) return UNCHANGED;
    if (!order.hold) set.add(core.putOnHold, order.id);
    Object.assign(patch, { hold: true, hold_reason: p.reason! });
    if (order.hold) set.setIn(set.writes.releasedHolds, order.id, { released_at: now, released_by: actor.id, release_reason: p.reason! });
    set.push(set.writes.newHolds, { order_id: order.id, reason: p.reason!, held_at: now, held_by: actor.id });
  } else if (action === 'release_hold') {
    if (!order.hold) return UNCHANGED;
    Object.assign(patch, { hold: false, hold_reason: null });
    set.setIn(set.writes.releasedHolds, order.id, { released_at: now, released_by: actor.id, release_reason: p.reason ?? null });
  } else if (action === 'delete') {
    if (order.deleted_at) return UNCHANGED;
    Object.assign(patch, { deleted_at: now, deleted_by: actor.id, delete_reason: p.reason! });
    // The order's own history says so (its lines keep their statuses): a delete undone later clears the fields above.
    core.record('order', order.id, order.id, 'delete', null, 'deleted', p.reason!);
    leaveSharedBoxes(core, order, lines, p.reason!);
  } else if (action === 'undelete') {
    // Back as it was: its lines kept their statuses; the stock it gave back is allocated again by the next 재고할당.
    if (!order.deleted_at) return UNCHANGED;
    // Kept deleted past the retention time, its buyer's data is masked for good: nothing to ship to any more.
    if (order.personal_data_erased_at) throw new Refusal('deleted', { id: line?.id ?? order.id }, 'undelete_erased');
    Object.assign(patch, { deleted_at: null, deleted_by: null, delete_reason: null });
    core.record('order', order.id, order.id, 'undelete', 'deleted', 'undeleted', p.reason!);
  } else {
    const flags = p.flags!;
    for (const k of ['priority', 'flagged', 'merge_locked'] as const) {
      if (flags[k] !== undefined && flags[k] !== order[k]) patch[k] = flags[k];
    }
    for (const k of ['sold_out', 'unmatched', 'return_pickup_delayed'] as const) if (flags[k] !== undefined) linePatch[k] = flags[k];
  }

  // Line flags apply to the named line, or to every line of a named order.
  const flagLines = (line ? [line] : lines).filter((l) => Object.entries(linePatch).some(([k, v]) => l[k as keyof LineRow] !== v));
  if (!flagLines.length) linePatch = {};
  if (!Object.keys(patch).length && !flagLines.length) return UNCHANGED;

  if (Object.keys(patch).length) {
    set.assign(order, patch);
    set.queue(set.writes.orders, order.id, patch);
    // An order-level change makes every sheet row of the order stale, so every line's version moves.
    for (const l of lines) if (!flagLines.includes(l)) core.moveLine(l, 'same', action, p.reason ?? null);
    // Gift lines follow the order (seed 001 #MATE: 보류 시 사은품 삭제): set aside on hold, back on release.
    if (action === 'hold') setGiftsAside(core, order, p.reason ?? null);
    if (action === 'release_hold') restoreGifts(core, order, p.reason ?? null);
  }
  for (const l of flagLines) core.moveLine(l, 'same', action, p.reason ?? null, linePatch);
  const touched = Object.keys(patch).length ? lines : flagLines;
  return { lines: touched.map((l) => l.id), changed: true, warnings: [] };
}

/**
 * A memo for the order: a note by the actor, unless it repeats the order's latest memo. The sheet shows the
 * latest memo on every line of the order, so like any order-level change it gives every line a new version.
 */
export function addMemo(core: EngineCore, order: OrderRow, body: string): Outcome {
  const { set } = core;
  if (set.memos.get(order.id) === body) return UNCHANGED;
  set.setIn(set.memos, order.id, body);
  set.push(set.writes.newNotes, { order_id: order.id, kind: 'memo', body, author_id: core.actor.id, created_at: core.now });
  const lines = set.linesOfOrder(order.id);
  for (const l of lines) core.moveLine(l, 'same', 'memo', null);
  return { lines: lines.map((l) => l.id), changed: true, warnings: [] };
}

/**
 * A deleted order's lines packed with other orders' (합포) leave that box before it ships: the others' box would
 * otherwise ship them too (a box moves whole). A numbered line goes back to 출고대기 — the number stays the box's,
 * with the orders still in it. Lines in a box of their own stay as they are (주문삭제 복구 brings the order back whole),
 * and a parcel that has left is left alone.
 */
function leaveSharedBoxes(core: EngineCore, order: OrderRow, lines: readonly LineRow[], reason: string): void {
  for (const line of lines) {
    if (!line.box_id || (line.status !== 'READY' && line.status !== 'INVOICED')) continue;
    const shared = core.set.linesOfBox(line.box_id).some((l) => l.order_id !== order.id && !LEAVES_BOX.includes(l.status as Status));
    if (shared) core.moveLine(line, 'READY', 'delete', reason, { box_id: null });
  }
}
