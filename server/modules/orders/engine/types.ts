// The words the transition engine's parts share: what a call asks (action, item, parameters), what one action on
// one target did, and a refusal. Kept apart from the parts so that the working set, the engine and its callers
// read them without importing each other.
import type { BulkTransitionBody, ItemResult, ItemResultCode } from '../../../../shared/api/orders.schema.ts';
import type { Message, MessageParams, Text } from '../../../../shared/i18n.ts';
import type { Status } from '../../../../shared/lifecycle.ts';
import type { LineRow, OrderRow } from '../working-set.repo.ts';

export type Item = BulkTransitionBody['items'][number];
export type Params = Omit<BulkTransitionBody, 'items' | 'action'> & {
  /**
   * Not from the API: clear_invoice leaves the lines in their box and clears its number once none of its lines
   * keeps it (an invoice import's undo gives a merged box back as it was before the number).
   */
  keep_box?: boolean;
};
export type Action = BulkTransitionBody['action'];

export class Refusal {
  constructor(
    readonly code: ItemResultCode,
    readonly params: MessageParams,
    /** The catalog entry that explains it, when more precise than the code (e.g. which tracking rule failed). */
    readonly messageCode: string = code,
  ) {}
}

/** What applying one action to one target did: the lines it changed, whether anything changed, and warnings. */
export type Outcome = { lines: string[]; changed: boolean; warnings: Message[] };

/** An item's result as the engine gives it: ItemResult with its message and warnings unrendered (the edge renders them). */
export type EngineResult = Omit<ItemResult, 'message' | 'warnings'> & { message?: Text; warnings?: Text[] };
export const UNCHANGED: Outcome = { lines: [], changed: false, warnings: [] };

/** The line (with its order) or the order an item names. */
export type Target = { line: LineRow | null; order: OrderRow };

/** Lines that move together: a box's lines, or one line. */
export type Unit = LineRow[];
/** A line that may take the action, and where it goes. */
export type Decided = { line: LineRow; to: Status | 'same' };

/** Where claims entered by this call come from: an operator, or a mall reporting them (sync). */
export type ClaimOrigin = { source: 'manual' | 'mall'; mallClaimIds?: ReadonlyMap<string, string | null> };

export function paramsOf(body: BulkTransitionBody): Params {
  const { items: _items, action: _action, ...params } = body;
  return params;
}

/**
 * Each item's parameters: the call's, overridden by what the item brings itself. Computed once per call: the
 * checks before anything is read (transitions.service) and the engine read the same array.
 */
export function itemParams(body: BulkTransitionBody): Params[] {
  const base = paramsOf(body);
  // Most items carry only id and version and share the call's object; an item that brings its own parameters gets
  // a copy with them on top (what it leaves undefined keeps the call's). Field by field: this runs 50,000 times.
  return body.items.map((item) => {
    let own: Record<string, unknown> | null = null;
    for (const key in item) {
      const value = item[key as keyof typeof item];
      if (key === 'id' || key === 'version' || value === undefined) continue;
      (own ??= { ...base })[key] = value;
    }
    return own ? (own as Params) : base;
  });
}
