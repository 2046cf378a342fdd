// A WorkingSet built from rows in memory, and an Engine over it: the engine's rules run without a database, in
// milliseconds. Rows are written as the repo reads them (booleans as booleans).
import type { BulkTransitionBody, ItemResult } from '../../../../shared/api/orders.schema.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Status } from '../../../../shared/lifecycle.ts';
import { rendered } from '../../../../server/http/render.ts';
import { Engine, type ClaimOrigin } from '../../../../server/modules/orders/transition-engine.ts';
import { WorkingSet } from '../../../../server/modules/orders/working-set.ts';
import type { BoxRow, ClaimRow, HistoryRow, LineRow, OrderRow } from '../../../../server/modules/orders/working-set.repo.ts';

const T0 = '2026-11-20T00:00:00.000Z';
let serial = 0;
const id = (prefix: string) => `${prefix}_t${String(++serial).padStart(6, '0')}`;

export type OrderSpec = {
  status?: Status;
  lines?: number;
  source?: OrderRow['source'];
  mall_account_id?: string | null;
  hold?: boolean;
  quantity?: number;
  amount?: number;
  line?: Partial<LineRow>;
};

export class World {
  readonly set = new WorkingSet();

  order(spec: OrderSpec = {}): { order: OrderRow; lines: LineRow[] } {
    const orderId = id('ord');
    const order = {
      id: orderId,
      source: spec.source ?? 'manual',
      mall_account_id: spec.mall_account_id ?? null,
      mall_order_id: `2026${String(serial).padStart(6, '0')}`,
      version: 1,
      hold: spec.hold ?? false,
      hold_reason: spec.hold ? '주소 확인' : null,
      priority: false,
      flagged: false,
      merge_locked: false,
      deleted_at: null,
    } as OrderRow;
    this.set.orders.set(orderId, order);
    const lines: LineRow[] = [];
    for (let n = 1; n <= (spec.lines ?? 1); n++) {
      lines.push({
        id: id('lin'),
        order_id: orderId,
        line_no: n,
        mall_account_id: order.mall_account_id,
        mall_line_id: null,
        mall_shipment_id: null,
        mall_product_id: null,
        mall_option_id: null,
        product_name: `상품${n}`,
        option_text: null,
        quantity: spec.quantity ?? 1,
        unit_price: spec.amount ?? 10000,
        amount: spec.amount ?? 10000,
        sku_code: null,
        status: spec.status ?? 'NEW',
        sold_out: false,
        unmatched: false,
        return_pickup_delayed: false,
        box_id: null,
        version: 1,
        created_at: T0,
        updated_at: T0,
        ...spec.line,
      });
    }
    this.set.addLines(lines);
    return { order, lines };
  }

  /** Puts lines (of one order or several: a merged box) in one box. */
  box(lines: LineRow[], fields: Partial<BoxRow> = {}): BoxRow {
    const box: BoxRow = {
      id: id('box'),
      courier: 'CJ',
      tracking_number: null,
      invoiced_at: null,
      shipped_at: null,
      send_status: 'not_sent',
      send_error: null,
      sent_at: null,
      version: 1,
      created_at: T0,
      updated_at: T0,
      ...fields,
    };
    this.set.addBoxes([box]);
    for (const l of lines) l.box_id = box.id;
    // addLines indexes boxes when a line is first added: re-index these lines under their box.
    for (const l of lines) this.set.lines.delete(l.id);
    this.set.addLines(lines);
    return box;
  }

  /** The history a line went through before the call, as steps [from, to]. */
  history(line: LineRow, steps: [Status | null, Status][]): void {
    const rows: HistoryRow[] = steps.map(([from, to]) => ({
      entity: 'line',
      entity_id: line.id,
      order_id: line.order_id,
      action: 'x',
      from_status: from,
      to_status: to,
      actor_type: 'system',
      actor_id: null,
      reason: null,
      batch_id: null,
      at: T0,
    }));
    this.set.history.set(line.id, rows);
  }

  claim(
    line: LineRow,
    type: 'cancel' | 'return' | 'exchange',
    state: 'requested' | 'completed',
    mallDecisionStatus: ClaimRow['mall_decision_status'] = null,
  ): ClaimRow {
    const claim: ClaimRow = {
      id: id('clm'),
      order_id: line.order_id,
      line_id: line.id,
      type,
      state,
      quantity: line.quantity,
      reason: null,
      source: 'mall',
      mall_claim_id: null,
      requested_at: T0,
      completed_at: null,
      created_by: null,
      version: 1,
      created_at: T0,
      updated_at: T0,
      mall_decision_status: mallDecisionStatus,
    };
    this.set.claims.set(line.id, [...(this.set.claims.get(line.id) ?? []), claim]);
    return claim;
  }

  engine(opts: { origin?: ClaimOrigin } = {}): Engine {
    return new Engine(this.set, { type: 'job', id: 'job_test' }, 'batch_test', opts.origin, T0);
  }

  /** One bulk call: its results (with versions filled as after the flush), rendered in `lang` as the HTTP edge does. */
  async run(
    action: BulkTransitionBody['action'],
    items: { id: string; version?: number; [k: string]: unknown }[],
    params: Record<string, unknown> = {},
    opts: { lang?: Lang; origin?: ClaimOrigin } = {},
  ): Promise<ItemResult[]> {
    const engine = this.engine(opts);
    const body = { action, ...params, items: items.map((i) => ({ version: 1, ...i })) } as BulkTransitionBody;
    const results = await engine.runAll(body);
    for (const r of results) engine.fillVersions(r);
    return rendered(results, opts.lang ?? 'en') as ItemResult[];
  }
}

/** 'applied', 'applied:unchanged' or 'refused:<code>' per result: the shape most assertions read. */
export const outcomes = (results: Pick<ItemResult, 'result' | 'code'>[]) => results.map((r) => (r.code ? `${r.result}:${r.code}` : r.result));

// Valid CJ numbers (mod 7 check digit over all but the last digit).
let cjSerial = 60123456700;
export function cj(): string {
  const body = String(++cjSerial);
  return body + String(BigInt(body) % 7n);
}
