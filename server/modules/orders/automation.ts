// The automatic steps a seller switches on per mall account (issue 13 §6): release on confirm, a default courier,
// ship once numbered, send once shipped. Each runs through the transition engine like the operator's own step, with
// the operator (or the job) as who and the setting as why, so the history says which switch moved a line.
import type { Message } from '../../../shared/i18n.ts';
import { checkTrackingNumber } from '../../../shared/tracking-number.ts';
import type { AccountAutomation } from '../mall-accounts/mall-accounts.repo.ts';
import type { EngineCore } from './engine/core.ts';
import { unitOf } from './engine/decide.ts';
import { statusAction } from './engine/status-actions.ts';
import { Refusal } from './engine/types.ts';
import { historyMessages, historyReason } from './history.messages.ts';
import type { LineRow } from './working-set.repo.ts';

/**
 * The history reasons of automatic steps (status_history.reason), named after the setting that took them: stored
 * Messages, said in the reader's language.
 */
export const AUTO_REASONS = {
  release: historyReason(historyMessages.auto_release),
  ship: historyReason(historyMessages.auto_ship),
} as const;

export type { AccountAutomation };

/** The automation of the account a line's order belongs to, if it has any on. */
export function automationOf(core: EngineCore, line: LineRow): AccountAutomation | undefined {
  const account = core.orderOf(line).mall_account_id;
  return account ? core.set.automation.get(account) : undefined;
}

/**
 * Boxes these numbered lines are in, when their account ships once numbered: candidates for `autoShip`. A number
 * taken with a warning (a check digit that looks mistyped) is not shipped, nor then sent, by itself: the warning asks
 * the operator to look again first, and shipping stays their step.
 */
export function shipCandidates(core: EngineCore, lineIds: readonly string[], into: Map<string, string>): { heldBack: boolean } {
  let heldBack = false;
  for (const id of lineIds) {
    const line = core.set.lines.get(id)!;
    if (line.status !== 'INVOICED' || !line.box_id || !automationOf(core, line)?.auto_ship) continue;
    const box = core.set.boxes.get(line.box_id)!;
    const suspect = !!box.tracking_number && checkTrackingNumber(box.courier ?? '', box.tracking_number).warnings.length > 0;
    if (suspect) into.delete(box.id);
    else into.set(box.id, line.id);
    heldBack ||= suspect;
  }
  // Said beside the warning (the caller adds auto_ship_held), so the row does not read as if it shipped as usual.
  return { heldBack };
}

/**
 * Ship once numbered: each candidate box ships whole when its account says so and every line of the box may ship.
 * Run once a call (or block) has applied all its items, so an order whose rows are numbered one by one ships when
 * all of them are in its box, not with the first. A box that may not ship (a line on hold, another item of its
 * Coupang shipment not under its number, a row of the call refused) keeps its number and stays 송장입력: the number
 * itself was valid, and shipping is the operator's step then. Returns the lines shipped, and for each line of a box
 * that stayed, the warning saying why (the caller puts it on the items or rows of those lines: applied, but not
 * as far as the setting would take them).
 */
export function autoShip(core: EngineCore, candidates: ReadonlyMap<string, string>): { shipped: string[]; held: Map<string, Message> } {
  const shipped: string[] = [];
  const held = new Map<string, Message>();
  for (const [boxId, lineId] of candidates) {
    const line = core.set.lines.get(lineId)!;
    // The row that numbered it may have been refused later in its item (rolled back): then there is nothing to ship.
    if (line.box_id !== boxId || line.status !== 'INVOICED') continue;
    const unit = unitOf(core, line);
    // A hold this call put on does not block its own steps (EngineCore.flagsOf), but it must keep the box here: a
    // box may carry lines of several orders (합포), and any of them on hold keeps the whole box from shipping.
    if (unit.some((l) => core.orderOf(l).hold)) {
      for (const l of unit) held.set(l.id, core.message('auto_ship_on_hold', {}));
      continue;
    }
    try {
      // decide() refuses before anything is written, so a refused box leaves no trace.
      shipped.push(...statusAction(core, line.id, [line], 'ship', { reason: AUTO_REASONS.ship }, false).lines);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const why = heldWarning(core, unit, error);
      for (const l of unit) held.set(l.id, why);
    }
  }
  return { shipped, held };
}

/** Why a box numbered for an account that ships once numbered did not ship, as the items that numbered it read it. */
function heldWarning(core: EngineCore, unit: readonly LineRow[], refusal: Refusal): Message {
  if (refusal.messageCode === 'shipment_apart') {
    // Every item left out, not only the first the check met: the operator numbers them all.
    const others = [...new Map(unit.flatMap((l) => core.shipmentApartAll(l)).map((l) => [l.id, l])).values()];
    return core.message('auto_ship_apart', { others: others.map((l) => [l.product_name, l.option_text].filter(Boolean).join(' / ')) });
  }
  return core.message('auto_ship_refused', { why: core.message(refusal.messageCode, refusal.params) });
}

/** The accounts that send once shipped, of these lines now shipped: a send job starts for each after the call. */
export function autoSendAccounts(core: EngineCore, lineIds: readonly string[], into: Set<string>): void {
  for (const id of lineIds) {
    const line = core.set.lines.get(id);
    if (line?.status !== 'SHIPPED') continue;
    const automation = automationOf(core, line);
    if (automation?.auto_send) into.add(automation.id);
  }
}

/** Lines of accounts that release on confirm, among lines a call just confirmed (with their new versions). */
export function toRelease(core: EngineCore, lines: readonly { id: string; status: string; version: number }[]) {
  return lines.filter((l) => {
    const line = core.set.lines.get(l.id);
    return l.status === 'NEW' && line && automationOf(core, line)?.auto_release;
  });
}
