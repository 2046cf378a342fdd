// Send invoices (운송장전송): tracking numbers of shipped boxes go to the mall; a box the mall accepted moves its lines
// to IN_TRANSIT, a box it refused stays SHIPPED with the mall's reason on it, to be fixed and sent again.
import type { InvoiceTarget } from '../connectors/types.ts';
import { applyTransitions } from '../modules/orders/transitions.service.ts';
import { stopIfCanceled, type JobContext } from './job-runner.ts';
import type { JobResult } from './jobs.repo.ts';
import { boxesToSend, currentVersions, markBoxFailed, markBoxesSent, type SendLine } from './mall-orders.repo.ts';

export async function sendInvoicesJob(ctx: JobContext): Promise<void> {
  const boxIds = Array.isArray(ctx.job.params.box_ids) ? (ctx.job.params.box_ids as string[]) : undefined;
  const rows = await boxesToSend(ctx.db, ctx.account.id, boxIds);
  const boxes = new Map<string, { target: InvoiceTarget; lines: SendLine[] }>();
  for (const r of rows) {
    const entry = boxes.get(r.box_id) ?? { target: { boxId: r.box_id, courier: r.courier, trackingNumber: r.tracking_number ?? '', lines: [] }, lines: [] };
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
  await ctx.expect(boxes.size);
  if (!boxes.size) return;
  stopIfCanceled(ctx.signal);
  const outcomes = await ctx.connector.sendInvoices([...boxes.values()].map((b) => b.target));
  ctx.reachedMall();
  // The mall has what it accepted: that is recorded here even if the job was asked to stop meanwhile.

  const now = new Date().toISOString();
  const sent = outcomes.filter((o) => o.ok).map((o) => o.ref);
  await markBoxesSent(ctx.db, sent, now);
  for (const o of outcomes) if (!o.ok) await markBoxFailed(ctx.db, o.ref, o.message ?? o.code ?? 'failed', now);
  const lines = sent.flatMap((id) => boxes.get(id)!.lines);
  const versions = await currentVersions(ctx.db, lines.map((l) => l.line_id));
  const moved = lines.length
    ? await applyTransitions(
        ctx.db,
        ctx.actor,
        { action: 'mark_in_transit', items: lines.map((l) => ({ id: l.line_id, version: versions.get(l.line_id) ?? l.version })) },
        { lang: 'ko' },
      )
    : null;
  const refusedLines = new Map((moved?.results ?? []).filter((r) => r.result === 'refused').map((r) => [r.id, r]));

  const results: JobResult[] = outcomes.map((o) => {
    const box = boxes.get(o.ref)!;
    const mall_ref = box.target.trackingNumber || null;
    if (!o.ok) return { ref_type: 'box', ref_id: o.ref, mall_ref, result: 'failed', code: o.code ?? null, message: o.message ?? null };
    // The mall has the number; a line that changed here meanwhile (a cancel arrived) did not move, and says why.
    const refused = box.lines.map((l) => refusedLines.get(l.line_id)).find(Boolean);
    if (refused) return { ref_type: 'box', ref_id: o.ref, mall_ref, result: 'failed', code: refused.code ?? null, message: refused.message ?? null };
    return { ref_type: 'box', ref_id: o.ref, mall_ref, result: 'ok', code: null, message: null };
  });
  await ctx.record(results);
}
