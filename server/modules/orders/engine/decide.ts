// Deciding an action for units of lines that move together: a box ships (and is numbered) as one, and an order
// target moves the units that can, telling the operator which ones a flag held back.
import type { Message } from '../../../../shared/i18n.ts';
import { LEAVES_BOX, type LineAction, type Status } from '../../../../shared/lifecycle.ts';
import type { LineRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';
import { Refusal, type Decided, type Unit } from './types.ts';

/**
 * The lines that move with `line`: its box's lines, or itself when it has no box — or when it left its box (a
 * cancelled line keeps its box id): named itself, it moves alone, and is checked, instead of moving the box it left.
 */
export function unitOf(core: EngineCore, line: LineRow): Unit {
  if (!line.box_id || LEAVES_BOX.includes(line.status as Status)) return [line];
  return boxParts(core, line.box_id).unit;
}

/** A box's lines: those that move as its unit, and those a claim took out of it (they keep their place, not moving). */
export function boxParts(core: EngineCore, boxId: string): { unit: LineRow[]; left: LineRow[] } {
  const unit: LineRow[] = [];
  const left: LineRow[] = [];
  for (const l of core.set.linesOfBox(boxId)) (LEAVES_BOX.includes(l.status as Status) ? left : unit).push(l);
  return { unit, left };
}

export function unitsOf(core: EngineCore, lines: LineRow[], byBox: boolean): Unit[] {
  if (!byBox) return lines.map((l) => [l]);
  if (lines.length === 1) return [unitOf(core, lines[0]!)];
  const units = new Map<string, Unit>();
  for (const l of lines) units.set(l.box_id ?? l.id, unitOf(core, l));
  return [...units.values()];
}

/**
 * Decides `action` for units of lines that move together (a box ships as one). Within a unit every line must
 * pass, or the unit stays as it is. A line target is refused when its unit cannot move; an order target applies
 * to the units that can and is refused only when none can, with a warning for each unit a flag held back.
 * Units this call already moved with the same action count as done (a box shipped by an earlier item).
 */
export function decide(core: EngineCore, targetId: string, units: Unit[], action: LineAction, orderTarget: boolean): Decided[][] {
  const ready: Decided[][] = [];
  let done = 0;
  let first: Refusal | null = null;
  for (const unit of units) {
    // Not for numbers: a box this call numbered may be asked for another number, which must not pass as done.
    if (action !== 'set_invoice' && unit.every((l) => core.movedBy.get(l.id) === action)) {
      done++;
      continue;
    }
    const decided: Decided[] = [];
    let refusal: Refusal | null = null;
    for (const line of unit) {
      const r = core.check(targetId, line, action);
      if (r instanceof Refusal) {
        refusal = r;
        break;
      }
      decided.push({ line, to: r.to });
    }
    if (!refusal) ready.push(decided);
    else if (!first || (first.code === 'illegal_transition' && refusal.code !== 'illegal_transition')) first = refusal;
  }
  if (!orderTarget && first) throw first;
  if (!ready.length && !done) throw first ?? new Refusal('not_found', { id: targetId });
  return ready;
}

/** Warnings for the lines of an order target that a flag kept back. */
export function heldBack(core: EngineCore, targetId: string, units: Unit[], moved: LineRow[], action: LineAction): Message[] {
  const movedIds = new Set(moved.map((l) => l.id));
  const out: Message[] = [];
  for (const unit of units) {
    for (const line of unit) {
      if (movedIds.has(line.id) || core.movedBy.get(line.id) === action) continue;
      const r = core.check(targetId, line, action);
      if (r instanceof Refusal && r.code !== 'illegal_transition') out.push(core.message(r.messageCode, r.params));
    }
  }
  return out;
}
