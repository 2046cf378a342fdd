// Decides and applies the items of one bulk call, in order, on the rows of a WorkingSet. Each item is all or
// nothing: a refusal anywhere in it rolls back what it had changed. Items see the changes earlier items of the same
// call made; a caller's version is compared with the version the row had when the call began.
//
// This is the engine's face: targeting, version checks and running items. The actions live in ./engine/, one
// file per kind (status, invoices and boxes, claims, order actions) over a small core.
import type { BulkTransitionBody } from '../../../shared/api/orders.schema.ts';
import { STATUS_LABELS, alreadyDone, type Status } from '../../../shared/lifecycle.ts';
import type { CatalogEntry, Message, MessageParams, Text } from '../../../shared/i18n.ts';
import { ID_PREFIX } from '../../db/ids.ts';
import { nextTurn } from '../../db/turns.ts';
import type { Actor } from '../../domain/actor.ts';
import { autoSendAccounts, autoShip, shipCandidates, toRelease } from './automation.ts';
import { completeClaim, enterClaim } from './engine/claims.ts';
import { EngineCore } from './engine/core.ts';
import { setInvoice } from './engine/invoices.ts';
import { addMemo, orderAction, ORDER_ACTIONS } from './engine/order-actions.ts';
import { editRecipient, noteMallRecipient, type RecipientSource } from './engine/recipient.ts';
import type { RecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { STATUS_ACTIONS, statusAction } from './engine/status-actions.ts';
import {
  Refusal,
  itemParams,
  paramsOf,
  type Action,
  type ClaimOrigin,
  type EngineResult,
  type Item,
  type Outcome,
  type Params,
  type Target,
} from './engine/types.ts';
import type { WorkingSet } from './working-set.ts';
import type { OrderRow } from './working-set.repo.ts';

export { Refusal, itemParams, paramsOf };
export type { Action, ClaimOrigin, EngineResult, Item, Outcome, Params, Target };

/** Items decided between two turns of the event loop (a few milliseconds of work). */
const YIELD_EVERY = 1000;

/**
 * One call's decisions, over one WorkingSet, with one batch id and one time for every history row. A bulk call
 * runs its items with `runAll`; a caller that applies several actions as one item (a sheet row) uses `target`,
 * `apply` and the set's checkpoint / commit / rollback itself.
 */
export class Engine {
  private readonly core: EngineCore;
  private readonly seen = new Set<string>();
  private readonly changedLines = new Map<string, string[]>();
  /** Accounts that send once shipped whose boxes this call shipped: the caller starts their send jobs. */
  readonly autoSend = new Set<string>();
  /** Boxes numbered by this call whose account ships once numbered (box id → a line of it), shipped by `finish`. */
  private readonly toShip = new Map<string, string>();

  constructor(
    private readonly set: WorkingSet,
    actor: Actor,
    batchId: string,
    origin: ClaimOrigin = { source: 'manual' },
    /** The call's time: a call applied in blocks (bulk-blocks.ts) runs an engine per block, all with one time. */
    readonly now: string = new Date().toISOString(),
  ) {
    this.core = new EngineCore(set, actor, batchId, origin, now);
  }

  /**
   * The items of a bulk call, in order, each all or nothing. The event loop is given back every `slice` items:
   * deciding 50,000 items takes about half a second of CPU, which other requests should not wait behind.
   * `indexes`: where each item stands in the whole call, when `body` holds one block of it (for messages).
   * `params`: each item's parameters (itemParams), aligned with `body.items`, when the caller has them already.
   */
  async runAll(
    body: BulkTransitionBody,
    indexes?: readonly number[],
    params: readonly Params[] = itemParams(body),
    slice = YIELD_EVERY,
  ): Promise<EngineResult[]> {
    const results: EngineResult[] = [];
    for (let k = 0; k < body.items.length; k++) {
      if (k > 0 && k % slice === 0) await nextTurn();
      results.push(this.run(body.items[k]!, indexes?.[k] ?? k, body.action, params[k]!));
    }
    this.tellHeld(results, this.finish());
    return results;
  }

  /**
   * Of items run by `run`, those whose box was numbered but not shipped by the account's ship once numbered
   * (`held`, from finish) say so, and why.
   */
  tellHeld(results: readonly EngineResult[], held: ReadonlyMap<string, Message>): void {
    if (held.size) for (const r of results) if (r.result === 'applied') addHeld(r, this.changedLines.get(r.id) ?? [], held);
  }

  /**
   * The automatic steps after all items (automation.ts): boxes numbered for accounts that ship once numbered ship
   * now, whole. Called by runAll; a caller that applies items itself (a sheet push, an invoice import) calls it
   * before writing. The history names the setting, the actor is the call's. Returns the warning of each line whose
   * numbered box did not ship (automation.ts autoShip), for the caller to put on its items (addHeld).
   */
  finish(): Map<string, Message> {
    if (!this.toShip.size) return new Map();
    const { shipped, held } = autoShip(this.core, this.toShip);
    this.toShip.clear();
    autoSendAccounts(this.core, shipped, this.autoSend);
    // The ships stay: their way back is forgotten, as an applied item's is.
    this.set.commit();
    return held;
  }

  /**
   * One item, all or nothing: applied (its changes kept) or refused (its changes rolled back) — what runAll does for
   * each; a caller that picks each item's parameters as it goes (자동 채번: the next number only when the last one
   * was taken) runs them one by one and calls `finish` after.
   */
  run(item: Item, index: number, action: Action, params: Params): EngineResult {
    const checkpoint = this.set.checkpoint();
    try {
      const outcome = this.apply(this.target(item, index, action === 'delete' || action === 'undelete'), action, params);
      this.set.commit();
      this.changedLines.set(item.id, outcome.lines);
      return {
        id: item.id,
        result: 'applied',
        ...(outcome.changed ? {} : { code: 'unchanged' as const }),
        ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}),
      };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.set.rollback(checkpoint);
      const already = error.code === 'stale_version' ? this.alreadyThere(item.id, action) : null;
      if (already) {
        // Sent again after its answer was lost (a crash, a dropped connection), or moved there by someone else: the
        // rows are where the action takes them, so it changes nothing, and the caller learns their versions.
        this.changedLines.set(item.id, already);
        return { id: item.id, result: 'applied', code: 'unchanged' };
      }
      return { id: item.id, result: 'refused', code: error.code, message: this.describe(error) };
    }
  }

  /**
   * The lines of a stale item, when every one of them is already where a lifecycle action takes it (as a sheet
   * row pushed again is unchanged, sheet-rows.ts); null otherwise, and for actions that are not moves.
   */
  private alreadyThere(id: string, action: Action): string[] | null {
    const move = STATUS_ACTIONS[action];
    if (!move) return null;
    const line = this.set.lines.get(id);
    const lines = line ? [line] : this.set.linesOfOrder(id);
    return lines.length && lines.every((l) => alreadyDone(move, l.status as Status)) ? lines.map((l) => l.id) : null;
  }

  /** After the flush: the new version of what each item named, and of the lines an applied item changed. */
  fillVersions(result: EngineResult): void {
    const version = this.set.versionAfter(result.id);
    if (version !== undefined) result.version = version;
    const lines = result.result === 'applied' ? (this.changedLines.get(result.id) ?? []) : [];
    if (lines.length) {
      result.lines = lines.map((id) => ({ id, status: this.set.lines.get(id)!.status, version: this.set.versionAfter(id) ?? 1 }));
    }
  }

  /** What a refusal tells the caller (rendered at the HTTP edge). */
  describe(refusal: Refusal): Message {
    return this.core.message(refusal.messageCode, refusal.params);
  }

  /**
   * What an item names, checked before any action: named once in this call, known, not deleted (unless it is to
   * be deleted, or brought back), and at the version the caller saw, which is the version loaded when the call began.
   */
  target(item: { id: string; version: number }, index: number, deleting = false): Target {
    if (this.seen.has(item.id)) throw new Refusal('duplicate_item', { id: item.id, index });
    this.seen.add(item.id);
    const line = this.set.lines.get(item.id) ?? null;
    const order = line ? this.set.orders.get(line.order_id) : item.id.startsWith(ID_PREFIX.order + '_') ? this.set.orders.get(item.id) : undefined;
    if (!order) throw new Refusal('not_found', { id: item.id });
    if (order.deleted_at && !deleting) throw new Refusal('deleted', { id: item.id });
    const loaded = this.set.loadedVersion(item.id)!;
    if (item.version !== loaded) {
      const statuses = line ? [line.status] : [...new Set(this.set.linesOfOrder(order.id).map((l) => l.status))];
      // Operators read the labels (출고대기), never the codes; an order's lines in one status are named once.
      const status_label = statuses.map((st) => STATUS_LABELS[st as Status] ?? st);
      throw new Refusal('stale_version', { id: item.id, seen: item.version, current: loaded, status: statuses.join(', '), status_label });
    }
    return { line, order };
  }

  /** Decides and applies one action on a checked target. A refusal is thrown; undoing is the caller's checkpoint. */
  apply(target: Target, action: Action, p: Params): Outcome {
    const { line, order } = target;
    const targetId = line?.id ?? order.id;
    const lines = line ? [line] : this.set.linesOfOrder(order.id);
    if (ORDER_ACTIONS.includes(action)) return orderAction(this.core, order, line, action, p);
    switch (action) {
      case 'set_invoice': {
        const outcome = setInvoice(this.core, targetId, lines, p, !line);
        if (this.set.automation.size && shipCandidates(this.core, outcome.lines, this.toShip).heldBack) {
          outcome.warnings.push(this.core.message('auto_ship_held', {}));
        }
        return outcome;
      }
      case 'ship': {
        const outcome = statusAction(this.core, targetId, lines, 'ship', p, !line);
        if (this.set.automation.size) autoSendAccounts(this.core, outcome.lines, this.autoSend);
        return outcome;
      }
      case 'claim':
        return enterClaim(this.core, targetId, lines, p, !line);
      case 'complete_claim':
        return completeClaim(this.core, targetId, lines, p, !line);
      default:
        return statusAction(this.core, targetId, lines, STATUS_ACTIONS[action]!, p, !line);
    }
  }

  /** Of lines this call confirmed, those whose account releases on confirm (automation.ts). */
  toRelease(lines: readonly { id: string; status: string; version: number }[]): { id: string; version: number }[] {
    return toRelease(this.core, lines).map((l) => ({ id: l.id, version: l.version }));
  }

  /** A memo for the order (see order-actions.ts). */
  addMemo(order: OrderRow, body: string): Outcome {
    return addMemo(this.core, order, body);
  }

  /** Recipient cells corrected on the sheet (see engine/recipient.ts); the set must have loaded recipients. */
  editRecipient(order: OrderRow, wanted: Partial<Record<RecipientField, string | null>>, source?: RecipientSource): Outcome {
    return editRecipient(this.core, order, wanted, source);
  }

  /** A mall's recipient change recorded without applying it (see engine/recipient.ts). */
  noteMallRecipient(order: OrderRow, reason: CatalogEntry, params?: MessageParams): void {
    noteMallRecipient(this.core, order, reason, params);
  }
}

/**
 * Puts on an applied item (or sheet row) the warnings of its lines whose box was numbered but not shipped by the
 * account's ship once numbered (Engine.finish): each once, after the item's own.
 */
export function addHeld(result: { warnings?: Text[] }, lines: readonly string[], held: ReadonlyMap<string, Message>): void {
  const found = [...new Set(lines.flatMap((id) => held.get(id) ?? []))];
  if (!found.length) return;
  const had = new Set((result.warnings ?? []).map((w) => JSON.stringify(w)));
  const added = found.filter((w) => !had.has(JSON.stringify(w)));
  if (added.length) result.warnings = [...(result.warnings ?? []), ...added];
}
