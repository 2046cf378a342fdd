// The automatic steps a seller switches on per mall account (issue 13 §6): release on confirm, a default courier,
// ship once numbered, send once shipped. Each runs through the transition engine like the operator's own step, with
// the operator (or the job) as who and the setting as why, so the history says which switch moved a line.
import type { AccountAutomation } from '../mall-accounts/mall-accounts.repo.ts';
import type { EngineCore } from './engine/core.ts';
import { statusAction } from './engine/status-actions.ts';
import { Refusal } from './engine/types.ts';
import type { LineRow } from './working-set.repo.ts';

/** The history reasons of automatic steps (status_history.reason), named after the setting that took them. */
export const AUTO_REASONS = {
  release: '자동: 발주확인 시 출고지시',
  ship: '자동: 송장 입력 시 출고',
} as const;

export type { AccountAutomation };

/** The automation of the account a line's order belongs to, if it has any on. */
export function automationOf(core: EngineCore, line: LineRow): AccountAutomation | undefined {
  const account = core.orderOf(line).mall_account_id;
  return account ? core.set.automation.get(account) : undefined;
}

/**
 * Ship once numbered: each box these lines are in ships whole, in the same transaction, when its account says so and
 * every line of the box may ship. A box that may not (a line on hold, another line not numbered yet) keeps its
 * number and stays 송장입력: the number itself was valid, and shipping is the operator's step then.
 */
export function autoShip(core: EngineCore, lineIds: readonly string[]): void {
  const boxes = new Map<string, LineRow>();
  for (const id of lineIds) {
    const line = core.set.lines.get(id)!;
    if (line.status !== 'INVOICED' || !line.box_id || !automationOf(core, line)?.auto_ship) continue;
    if (core.orderOf(line).hold) continue;
    boxes.set(line.box_id, line);
  }
  for (const line of boxes.values()) {
    const checkpoint = core.set.checkpoint();
    try {
      // No commit here: the item this runs in is still all or nothing, and commits (or rolls back) itself.
      statusAction(core, line.id, [line], 'ship', { reason: AUTO_REASONS.ship }, false);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      core.set.rollback(checkpoint);
    }
  }
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
