// The undo record of an operator's bulk transition (PRODUCT §6.9: a bulk transition can be undone as a unit while
// nothing after it depends on it). Built in memory from what a block decided: every line, order and box it changes,
// with its version after the call and the fields it sets as they were read (WorkingSet.firstValues); the holds it
// opens and closes; the allocations its shipped or canceled lines held (read before they settle). The undo
// (transition-undo.service) checks the versions and puts those fields back.
import type { ApiAction } from '../../../shared/api/orders.schema.ts';
import type { KeptAllocation } from '../allocation/allocation.repo.ts';
import { packText } from '../../db/packed-text.ts';
import type { PendingWrites } from './working-set.repo.ts';
import { settlingLines } from './write-changes.ts';
import type { WorkingSet } from './working-set.ts';

/**
 * The actions whose calls keep an undo record: moves along the lifecycle that only we know of until a job tells a
 * mall, holds and flags. Claims, deletes and numbers have their own way back (restore, 복원, an invoice import's
 * undo) and are not recorded.
 */
export const UNDOABLE_ACTIONS: readonly ApiAction[] = [
  'release',
  'ship',
  'mark_in_transit',
  'mark_delivered',
  'confirm_purchase',
  'hold',
  'release_hold',
  'set_flags',
];

/** A changed row: its id, its version after the call, and each field the call set as it was before. */
export type RowBefore = [id: string, versionAfter: number, before: Record<string, unknown>];

export type UndoPart = {
  /** The call's time: the holds it opened (held_at) and closed (released_at) are found by it. */
  at: string;
  lines: RowBefore[];
  orders: RowBefore[];
  boxes: RowBefore[];
  /** Orders the call put a hold on (a holds row of its own), and orders whose open hold it closed. */
  held: string[];
  released: string[];
  /** Why this part cannot be undone: it changed something the record does not cover. */
  blocked: string | null;
};

/**
 * A part as its block writes it: the record packed (packed-text.ts) while the block before is written, and what
 * the lines it ships or cancels held, read in its transaction before they settle (KeptAllocation, put back with
 * the stock their settling moved).
 */
export type PackedPart = { undo: string; lines: number; blocked: string | null; settling: string[] };
export type { KeptAllocation };

/** The part of the record for a block's writes `w`, decided on `set` (which kept its rows as read). */
export function undoPartOf(set: WorkingSet, w: PendingWrites, at: string): UndoPart {
  let blocked = uncovered(w);
  const rows = <R extends { version: number }>(patches: Map<string, Record<string, unknown>>, read: Map<string, R>): RowBefore[] => {
    const out: RowBefore[] = [];
    for (const [id, patch] of patches) {
      const row = read.get(id) as (R & Record<string, unknown>) | undefined;
      if (!row) {
        blocked ??= 'row_not_kept';
        continue;
      }
      // Most rows of a big call only take a new version (an order whose lines moved): nothing to keep but that.
      let before: Record<string, unknown> = NOTHING;
      const kept = set.firstValues(row);
      for (const key in patch) {
        if (before === NOTHING) before = {};
        if (kept && key in kept) before[key] = kept[key];
        else if (key in row) before[key] = row[key];
        else blocked ??= 'field_not_kept';
      }
      // Versions do not move in memory: the row's is the one read, and the call's write adds one.
      out.push([id, Number(row.version) + 1, before]);
    }
    return out;
  };
  return {
    at,
    lines: rows(w.lines, set.lines),
    orders: rows(w.orders, set.orders),
    boxes: rows(w.boxes, set.boxes),
    held: w.newHolds.map((h) => h.order_id),
    released: [...w.releasedHolds.keys()],
    blocked,
  };
}

const NOTHING: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** A change no undo record covers (new boxes, lines, claims or notes; numbers; deletes), by the first one found. */
function uncovered(w: PendingWrites): string | null {
  if (w.newBoxes.length || w.renumbered.size || w.deletedBoxes.size) return 'boxes_changed';
  if (w.newLines.length || w.splits.length) return 'lines_added';
  if (w.newClaims.length || w.claims.size) return 'claims_changed';
  if (w.newNotes.length) return 'notes_added';
  for (const patch of w.orders.values()) if ('deleted_at' in patch) return 'orders_deleted';
  return null;
}

/** Whether the part changed anything (a block of refused or unchanged items keeps no part). */
const changesAnything = (p: UndoPart): boolean => p.lines.length + p.orders.length + p.boxes.length + p.held.length + p.released.length > 0;

/** The block's part, packed, or null when the block changed nothing. */
export async function packedPartOf(set: WorkingSet, w: PendingWrites, at: string): Promise<PackedPart | null> {
  const part = undoPartOf(set, w, at);
  if (!changesAnything(part)) return null;
  // The lines whose allocations settle as the block is written (write-changes.ts): kept before they go.
  const { shipped, canceled } = settlingLines(w.history);
  return { undo: await packText(JSON.stringify(part)), lines: part.lines.length, blocked: part.blocked, settling: [...shipped, ...canceled] };
}
