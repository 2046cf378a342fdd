// The sandbox's own admin API (loopback, no auth) for tests and demos, in the same shape as the other sandbox
// malls: create orders, list them, make things happen to them, inject faults and list the ones still waiting, reset.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Fault } from '../faults.ts';
import { addressChangeBody, EVENTS, faultsBody, newOrdersBody } from '../admin-schema.ts';
import { applyEvent, EventRefused } from './events.ts';
import { createOrders } from './generate.ts';
import type { CoupangStore, Receipt, SandboxBox } from './store.ts';

const newOrders = newOrdersBody;
const eventBody = addressChangeBody.extend({ event: z.enum(EVENTS), shipmentBoxId: z.string().regex(/^\d+$/).optional() });

/** An order as tests see it: ids as strings, one entry per box, with its return/cancel receipts. */
export function orderSummary(boxes: SandboxBox[], receipts: readonly Receipt[] = []) {
  const first = boxes[0]!;
  return {
    orderId: first.orderId,
    paidAt: first.paidAt.toISOString(),
    receiver: { name: first.receiver.name, addr1: first.receiver.addr1, addr2: first.receiver.addr2, postCode: first.receiver.postCode },
    memo: first.memo,
    shipmentBoxIds: boxes.map((b) => b.shipmentBoxId),
    boxes: boxes.map((b) => ({
      shipmentBoxId: b.shipmentBoxId,
      status: b.status,
      returned: b.returned,
      deliveryCompanyCode: b.deliveryCompanyCode,
      invoiceNumber: b.invoiceNumber,
      items: b.items.map((i) => ({
        vendorItemId: i.vendorItemId,
        name: i.productName,
        option: i.optionName,
        shippingCount: i.shippingCount,
        cancelCount: i.cancelCount,
      })),
    })),
    receipts: receipts
      .filter((r) => r.orderId === first.orderId)
      .map((r) => ({ receiptId: r.receiptId, receiptType: r.receiptType, receiptStatus: r.receiptStatus, withdrawn: !!r.withdrawnAt })),
  };
}

export function adminRoutes(store: CoupangStore, onReset: () => void): Router {
  const router = Router();
  router.use(express.json());
  const bad = (res: express.Response, message: string) => res.status(400).json({ error: message });

  router.post('/orders', (req, res) => {
    const input = newOrders.safeParse(req.body ?? {});
    if (!input.success) return bad(res, input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const boxes = createOrders(store, input.data);
    res.status(201).json({ orders: boxes.map((b) => orderSummary([b])) });
  });

  router.get('/orders', (_req, res) => {
    const byOrder = new Map<string, SandboxBox[]>();
    for (const box of store.boxes.values()) byOrder.set(box.orderId, [...(byOrder.get(box.orderId) ?? []), box]);
    res.json({ orders: [...byOrder.values()].map((boxes) => orderSummary(boxes, store.receipts)) });
  });

  router.post('/orders/:orderId/events', (req, res) => {
    const input = eventBody.safeParse(req.body ?? {});
    if (!input.success) return bad(res, `event must be one of ${EVENTS.join(', ')}`);
    try {
      const { event, shipmentBoxId, ...change } = input.data;
      const result = applyEvent(store, req.params.orderId, event, shipmentBoxId, change);
      res.json({ ...result, order: orderSummary(store.boxesOfOrder(req.params.orderId), store.receipts) });
    } catch (error) {
      if (!(error instanceof EventRefused)) throw error;
      res.status(error.status).json({ error: error.message });
    }
  });

  router.post('/faults', (req, res) => {
    const input = faultsBody.safeParse(req.body ?? {});
    if (!input.success) return bad(res, input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    store.faults.add(input.data.faults satisfies Fault[]);
    res.json({ ok: true });
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: store.faults.list() });
  });

  router.delete('/faults', (_req, res) => {
    store.faults.clear();
    res.json({ ok: true });
  });

  router.post('/reset', (_req, res) => {
    onReset();
    res.json({ ok: true });
  });

  return router;
}
