// Collect (주문수집): new unshipped orders of one account for a window. Idempotent: a line the account already has
// (same mall line id) is never inserted twice — a unique index guarantees it — whether a run is repeated or
// crashed halfway. Orders are written a page at a time as the mall hands them over (the next pages are read while
// one is written), each page in one transaction of a few set-based
// statements, every order whole or not at all; if a page fails, its orders are written again one transaction per
// order, so one bad order cannot keep the others out. A crash loses at most the page being written, which the
// next run collects (the window only moves on when a run succeeds).
import { message, type Text } from '../../shared/i18n.ts';
import type { MallLine, MallOrder } from '../connectors/types.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { updateMallAccount } from '../modules/mall-accounts/mall-accounts.repo.ts';
import {
  appendLines,
  buildOrder,
  insertIntakes,
  type Intake,
  type IntakeOrigin,
  type LineFields,
  type NewLine,
  type OrderFields,
} from '../modules/orders/intake.ts';
import { stopIfCanceled, type JobContext } from './job-context.ts';
import type { JobResult } from './jobs.repo.ts';
import { itemsName, jobsMessages, mallReason } from './jobs.messages.ts';
import { collectedLines, orderIdByMallOrderId } from '../modules/orders/mall-lines.service.ts';
import { readAhead } from './read-ahead.ts';
import { collectWindow } from './windows.ts';
import { withoutControlChars } from '../connectors/clean-text.ts';
import { recipientCells } from './recipient-cells.ts';

export async function collectJob(ctx: JobContext): Promise<void> {
  const { db, account, connector, signal } = ctx;
  const manual = ctx.job.params.manual === true;
  const window = collectWindow(ctx.job.params, account.last_collected_at);
  await ctx.setParams({ ...ctx.job.params, ...window });
  stopIfCanceled(signal);
  const tally = new Tally(ctx);
  let total = 0;
  try {
    // Pages are written while the next ones are read from the mall; what arrived during one write is written
    // together in the next. Pages hold whole orders, each in one page only.
    for await (const pages of readAhead(connector.newOrderPages(window), READ_AHEAD)) {
      ctx.reachedMall();
      const orders = pages.flat().map(withoutControlChars);
      if (!orders.length) continue;
      total += orders.length;
      await ctx.expect(total);
      const existing = await collectedLines(
        db,
        account.id,
        orders.flatMap((o) => o.lines.map((l) => l.mallLineId)),
      );
      await writeAll(ctx, orders, existing, tally);
    }
  } finally {
    // Whatever happened, what was written is reported.
    await tally.flush();
  }
  // The schedule continues from here; a manual window (maybe long ago) does not move it, and it never goes back.
  if (!manual && (!account.last_collected_at || window.to > account.last_collected_at)) {
    await updateMallAccount(db, account.id, { last_collected_at: window.to, updated_at: new Date().toISOString() });
    ctx.account.last_collected_at = window.to;
  }

  // Auto-confirm (PRODUCT.md §2.2): orders that arrived unconfirmed are confirmed at the mall right away. The
  // collect itself succeeded either way; a confirm that cannot start now is left to the next run.
  if (account.auto_confirm && account.confirm_enabled && tally.paid.length) {
    await ctx.runner
      .start({ type: 'confirm', accountId: account.id, params: { line_ids: tally.paid }, actor: ctx.actor, trigger: 'auto' })
      .catch((error: Error) => ctx.log.warn('auto-confirm not started', { job_id: ctx.job.id, mall_account_id: account.id, error }));
  }
}

/** One result per collected order, written in batches; and the lines that arrived unconfirmed (auto-confirm). */
class Tally {
  readonly paid: string[] = [];
  private results: JobResult[] = [];
  constructor(private readonly ctx: JobContext) {}

  private add(order: MallOrder, orderId: string | null, result: JobResult['result'], code: string | null, text: Text) {
    const item_name = itemsName(order.lines[0]?.productName, order.lines.length);
    this.results.push({
      ref_type: 'order',
      ref_id: orderId,
      mall_ref: order.mallOrderId,
      mall_order_id: order.mallOrderId,
      item_name,
      result,
      code,
      message: text,
    });
  }
  collected(order: MallOrder, orderId: string, lines: NewLine[]) {
    this.paid.push(...lines.filter((l) => l.status === 'PAID').map((l) => l.id));
    this.add(order, orderId, 'ok', null, message(jobsMessages.collected));
  }
  skipped(order: MallOrder, orderId: string | null) {
    this.add(order, orderId, 'skipped', 'already_collected', message(jobsMessages.already_collected));
  }
  failed(order: MallOrder) {
    this.add(order, null, 'failed', 'write_failed', message(jobsMessages.write_failed));
  }
  async flushEvery(count: number) {
    if (this.results.length >= count) await this.flush();
  }
  async flush() {
    await this.ctx.record(this.results.splice(0));
  }
}

async function writeAll(ctx: JobContext, orders: MallOrder[], existing: Map<string, { order_id: string }>, tally: Tally): Promise<void> {
  const origin = originOf(ctx);
  const whole: MallOrder[] = [];
  for (const order of orders) {
    const fresh = order.lines.filter((l) => !existing.has(l.mallLineId));
    if (!fresh.length) tally.skipped(order, existing.get(order.lines[0]!.mallLineId)!.order_id);
    else if (fresh.length === order.lines.length) whole.push(order);
    else {
      const added = await addLines(ctx, order, fresh); // new lines of an order we have
      if (added) tally.collected(order, ...added);
      else tally.skipped(order, null);
    }
  }
  for (let at = 0; at < whole.length; at += PAGE) {
    stopIfCanceled(ctx.signal);
    const page = whole.slice(at, at + PAGE).map((order) => buildFrom(ctx, order, origin));
    try {
      await ctx.db.transaction(async (trx) => insertIntakes(trx, page));
      for (const p of page) tally.collected(p.source, p.order.id, p.lines);
    } catch (error) {
      if (!isUniqueViolation(error)) ctx.log.warn('collect page written order by order', { job_id: ctx.job.id, error });
      for (const p of page) {
        try {
          await ctx.db.transaction(async (trx) => insertIntakes(trx, [p]));
          tally.collected(p.source, p.order.id, p.lines);
        } catch (single) {
          // Another run wrote the same lines first: they are collected, once. Anything else is this order's own
          // problem: it is reported and the others go on.
          if (isUniqueViolation(single)) tally.skipped(p.source, null);
          else {
            ctx.log.warn('collected order not written', { job_id: ctx.job.id, error: single });
            tally.failed(p.source);
          }
        }
      }
    }
    await tally.flushEvery(1000);
  }
}

/**
 * Orders per transaction. The database works in its own thread while the mall's next pages are read, but every
 * statement's answer waits its turn on the busy main thread: few large statements keep it working, many small ones
 * leave it waiting (500 → 2,000: a 10,000-order collect in 5 transactions instead of 20).
 */
const PAGE = 2000;
/**
 * Mall pages (≤ 300 product orders each) read ahead of the writes, at most: enough that reading never stops while
 * a batch is written (16 stalled it), small enough to bound what a very large collect holds in memory.
 */
const READ_AHEAD = 64;

type Built = Intake & { source: MallOrder };

/** A collected line starts where the mall says it is, with the mall's own words kept beside it. */
function lineFields(ctx: JobContext, lines: MallLine[], now: string): LineFields[] {
  return lines.map((l) => ({
    mall_account_id: ctx.account.id,
    mall_line_id: l.mallLineId,
    mall_shipment_id: l.mallShipmentId,
    mall_product_id: l.mallProductId,
    mall_option_id: l.mallOptionId,
    product_name: l.productName,
    option_text: l.optionText,
    quantity: l.quantity,
    unit_price: l.unitPrice,
    amount: l.amount,
    status: l.status,
    mall_status: l.mallStatus,
    mall_implied_status: l.status,
    mall_status_at: now,
    // A line the mall lists past 결제완료 was confirmed there (in its seller center, or before we collected it).
    mall_confirmed_at: l.status === 'PAID' ? null : now,
  }));
}

function originOf(ctx: JobContext): IntakeOrigin {
  const mall = ctx.account.mall_type;
  return {
    action: 'collect',
    actor: ctx.actor,
    batchId: ctx.job.id,
    reason: (l) => mallReason(jobsMessages.collect_reason, mall, l.status, l.mall_status ?? ''),
  };
}

function buildFrom(ctx: JobContext, source: MallOrder, origin: IntakeOrigin): Built {
  const now = new Date().toISOString();
  const fields: OrderFields = {
    source: 'mall',
    mall_account_id: ctx.account.id,
    mall_order_id: source.mallOrderId,
    channel_kind: 'mall',
    channel_name: ctx.account.display_name,
    orderer_name: source.orderer.name,
    orderer_phone: source.orderer.phone,
    orderer_email: source.orderer.email,
    ...recipientCells(source),
    ordered_at: source.orderedAt,
    paid_at: source.paidAt,
    total_amount: source.lines.reduce((sum, l) => sum + l.amount, 0) + source.shippingFee,
    shipping_fee: source.shippingFee,
  };
  return { source, ...buildOrder(fields, lineFields(ctx, source.lines, now), origin, now) };
}

/** Lines the mall added to an order collected before (rare): appended to it, in one transaction. */
async function addLines(ctx: JobContext, order: MallOrder, fresh: MallLine[]): Promise<[string, NewLine[]] | null> {
  const now = new Date().toISOString();
  return ctx.db.transaction(async (trx) => {
    const orderId = await orderIdByMallOrderId(trx, ctx.account.id, order.mallOrderId);
    if (!orderId) return null; // the order was deleted here: its new lines are not brought back
    return [orderId, await appendLines(trx, orderId, lineFields(ctx, fresh, now), originOf(ctx), now)];
  });
}
