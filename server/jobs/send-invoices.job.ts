// Send invoices (운송장전송): tracking numbers of shipped boxes go to the mall; a box the mall accepted moves its lines
// to IN_TRANSIT, a box it refused stays SHIPPED with the mall's reason on it, to be fixed and sent again.
// A mall that takes invoices only for confirmed orders (Coupang) is never sent a box whose lines it has not
// confirmed: those lines are confirmed there first, and a box with a line the mall would not confirm is not sent,
// with the mall's reason and what to do.
import { message, type Message, type Text } from '../../shared/i18n.ts';
import type { InvoiceTarget, Outcome } from '../connectors/types.ts';
import { applyTransitions } from '../modules/orders/transitions.service.ts';
import { inParts, partAsNow, sendInPartsRecordingBehind } from './in-parts.ts';
import { stopIfCanceled, type JobContext } from './job-context.ts';
import type { JobResult } from './jobs.repo.ts';
import { itemsName, jobsMessages } from './jobs.messages.ts';
import {
  boxesToSend,
  currentVersions,
  markBoxFailed,
  markBoxesSent,
  markMallConfirmed,
  parcelFollowers,
  type SendLine,
} from '../modules/orders/mall-lines.service.ts';

type Box = { target: InvoiceTarget; lines: SendLine[] };

/**
 * Boxes sent to the mall before their outcomes are recorded (in-parts.ts): several of the mall's own batches (50
 * Coupang items, 30 Naver lines). Each part costs a few fixed writes; against the in-process sandbox (no network)
 * 10,000 boxes took 4.4 s in one part, 6.1 s in parts of 100, 4.6–4.8 s in parts of 250 recorded while the next is sent.
 */
export const SEND_PART_BOXES = 250;

export async function sendInvoicesJob(ctx: JobContext): Promise<void> {
  const boxIds = Array.isArray(ctx.job.params.box_ids) ? (ctx.job.params.box_ids as string[]) : undefined;
  const rows = await boxesToSend(ctx.db, ctx.account.id, boxIds);
  const boxes = boxesOf(rows);
  await ctx.expect(boxes.size);
  if (!boxes.size) return;
  stopIfCanceled(ctx.signal);
  const notConfirmed = await confirmFirst(ctx, rows);
  const now = new Date().toISOString();
  const refusedHere: JobResult[] = [];
  for (const [boxId, why] of notConfirmed) {
    refusedHere.push(notSentResult(boxes.get(boxId)!, { code: 'mall_confirm_required', message: why }));
    await markBoxFailed(ctx.db, boxId, why, now);
  }
  await ctx.record(refusedHere);
  const toSend = [...boxes.values()].filter((b) => !notConfirmed.has(b.target.boxId));
  // A part is recorded while the next one is at the mall, so the database's work hides behind the mall's (a kill
  // then leaves up to two parts unrecorded instead of one). The mall has what it accepted: that is recorded even if
  // the job was asked to stop or a later part failed.
  await sendInPartsRecordingBehind(
    inParts(toSend, SEND_PART_BOXES),
    async (read) => {
      // Read again just before it goes: at a real mall's pace a job of thousands of boxes runs for minutes, and a
      // number corrected or a shipment taken back meanwhile must reach the mall as it is now, or not at all.
      const part = await partNow(ctx, read);
      const outcomes = part.boxes.length ? await ctx.connector.sendInvoices(part.boxes.map((b) => b.target)) : [];
      ctx.reachedMall();
      return { part, outcomes };
    },
    (_read, { part, outcomes }) => recordPart(ctx, part, outcomes, now),
    {
      beforeSend: () => stopIfCanceled(ctx.signal),
      unheard: (error) => ctx.log.error('send invoices: a part the mall took was not recorded', { job_id: ctx.job.id, error }),
    },
  );
}

/** The boxes the rows name, each with its target at the mall and its lines. */
function boxesOf(rows: readonly SendLine[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const r of rows) {
    const entry = boxes.get(r.box_id) ?? {
      target: {
        boxId: r.box_id,
        courier: r.courier,
        trackingNumber: r.tracking_number ?? '',
        // A change where this mall holds a number for the box's lines (mall_tracking_number), whatever another
        // account's mall took of a merged box; set below from every line.
        numberChange: false,
        lines: [],
      },
      lines: [],
    };
    if (r.mall_tracking_number !== null) entry.target.numberChange = true;
    entry.target.lines.push({
      lineId: r.line_id,
      mallLineId: r.mall_line_id,
      mallShipmentId: r.mall_shipment_id,
      mallOrderId: r.mall_order_id,
      mallProductId: r.mall_product_id,
      mallOptionId: r.mall_option_id,
    });
    entry.lines.push(r);
    boxes.set(r.box_id, entry);
  }
  return boxes;
}

/** A part's boxes as they are now (`boxes`), and those no longer to be sent (`gone`: taken back, sent, deleted). */
type Part = { boxes: Box[]; gone: Box[] };

async function partNow(ctx: JobContext, read: Box[]): Promise<Part> {
  const now = boxesOf(
    await boxesToSend(
      ctx.db,
      ctx.account.id,
      read.map((b) => b.target.boxId),
    ),
  );
  const { current, gone } = partAsNow(read, now, (b) => b.target.boxId);
  return { boxes: current, gone };
}

/**
 * Records what the mall took of one part, and moves the lines of the boxes it took to IN_TRANSIT. A box whose number
 * was changed here while the mall took the old one is not marked sent: the mall has the old number (sent_at says it
 * has one), the box says so and waits for the next send, which changes it there.
 */
async function recordPart(ctx: JobContext, part: Part, outcomes: Outcome[], now: string): Promise<void> {
  const boxes = new Map(part.boxes.map((b) => [b.target.boxId, b]));
  const took = outcomes.filter((o) => o.ok).map((o) => boxes.get(o.ref)!.target);
  const changed = new Map<string, Message>();
  const marked = await markBoxesSent(ctx.db, took, now, (box, current) => {
    const why = message(jobsMessages.number_changed, { sent: box.trackingNumber || '-', current: current || '-' });
    changed.set(box.boxId, why);
    return why;
  });
  // The box keeps the mall's reason as a Message: each reader sees it in their own language (a result's message too).
  for (const o of outcomes) if (!o.ok) await markBoxFailed(ctx.db, o.ref, o.message ?? o.code ?? 'failed', now);
  const lines = marked.flatMap((id) => boxes.get(id)!.lines);
  const versions = await currentVersions(
    ctx.db,
    lines.map((l) => l.line_id),
  );
  // The box's gift lines (and any direct order's) go with it.
  const followers = await parcelFollowers(
    ctx.db,
    'mark_in_transit',
    lines.map((l) => l.line_id),
  );
  const items = [...lines.map((l) => ({ id: l.line_id, version: versions.get(l.line_id) ?? l.version })), ...followers];
  const moved = lines.length
    ? await applyTransitions(ctx.db, ctx.actor, { action: 'mark_in_transit', items }, undefined, { blockItems: ctx.blockItems })
    : null;
  const refusedLines = new Map((moved?.results ?? []).filter((r) => r.result === 'refused').map((r) => [r.id, r]));
  const results = outcomes.map((o): JobResult => {
    const box = boxes.get(o.ref)!;
    if (!o.ok) return notSentResult(box, o);
    const why = changed.get(o.ref);
    if (why) return notSentResult(box, { code: 'number_changed', message: why });
    // The mall has the number; a line that changed here meanwhile (a cancel arrived) did not move, and says why.
    const refused = box.lines.map((l) => refusedLines.get(l.line_id)).find(Boolean);
    if (refused) return notSentResult(box, { code: refused.code, message: refused.message });
    return { ref_type: 'box', ref_id: box.target.boxId, ...namesOf(box), result: 'ok', code: null, message: null };
  });
  for (const box of part.gone) results.push(notSentResult(box, { code: 'box_changed', message: message(jobsMessages.box_changed) }, 'skipped'));
  await ctx.record(results);
}

/** The result of a box the mall did not take: it failed there, or (skipped) it was not sent at all. */
function notSentResult(box: Box, why: { code?: string | null; message?: Text | null }, result: 'failed' | 'skipped' = 'failed'): JobResult {
  return { ref_type: 'box', ref_id: box.target.boxId, ...namesOf(box), result, code: why.code ?? null, message: why.message ?? null };
}

/**
 * Confirms at the mall, when it needs that before an invoice, the lines it has not confirmed for us (confirmed in
 * its seller center, or only here before the mall's confirmation was kept: the mall then answers that it is
 * confirmed already, which counts). Returns the boxes that must not be sent, each with why.
 */
async function confirmFirst(ctx: JobContext, rows: SendLine[]): Promise<Map<string, Message>> {
  const refused = new Map<string, Message>();
  if (!ctx.connector.invoiceNeedsConfirm) return refused;
  const pending = rows.filter((r) => !r.mall_confirmed_at);
  if (!pending.length) return refused;
  const outcomes = await ctx.connector.confirm(
    pending.map((r) => ({ lineId: r.line_id, mallLineId: r.mall_line_id, mallShipmentId: r.mall_shipment_id, mallOrderId: r.mall_order_id })),
  );
  ctx.reachedMall();
  await markMallConfirmed(
    ctx.db,
    outcomes.filter((o) => o.ok).map((o) => o.ref),
    new Date().toISOString(),
  );
  const boxOf = new Map(pending.map((r) => [r.line_id, r.box_id]));
  for (const o of outcomes) {
    const box = boxOf.get(o.ref);
    if (o.ok || !box || refused.has(box)) continue;
    refused.set(box, message(jobsMessages.confirm_first, { detail: o.message ?? o.code ?? '-' }));
  }
  return refused;
}

/** The tracking number, mall order number and product an operator knows the box by. */
function namesOf(box: Box): { mall_ref: string | null; mall_order_id: string | null; item_name: Text | null } {
  const first = box.lines[0];
  return {
    mall_ref: box.target.trackingNumber || null,
    mall_order_id: first?.mall_order_id ?? null,
    item_name: itemsName(first?.product_name, box.lines.length),
  };
}
