// The sandbox's own controls, without auth (it listens on loopback only): create orders, list them, make things
// happen to them, queue faults and list the ones still waiting, start over. Not part of Naver's API.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Fault, FaultQueue } from '../faults.ts';
import { addressChangeBody, EVENTS, faultsBody, newOrdersBody } from '../admin-schema.ts';
import { applyEvent } from './events.ts';
import { createOrders } from './seed.ts';
import type { NaverStore, OrderRecord } from './store.ts';
import type { TokenIssuer } from './token.ts';
import { adminOrderView } from './views.ts';

const newOrders = newOrdersBody;
const eventBody = addressChangeBody.extend({ event: z.enum(EVENTS), productOrderId: z.string().regex(/^\d+$/).optional() });

export type AdminDeps = { store: NaverStore; faults: FaultQueue; tokens: TokenIssuer; reset: () => void };

function view(store: NaverStore, order: OrderRecord) {
  return adminOrderView(
    order,
    order.productOrderIds.map((id) => store.productOrders.get(id)!),
  );
}

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

export function adminRoutes({ store, faults, tokens, reset }: AdminDeps): Router {
  const router = Router();
  const body = (req: Request) => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

  router.post('/_sandbox/orders', (req: Request, res: Response) => {
    const input = newOrders.safeParse(body(req));
    if (!input.success) return void res.status(400).json({ error: issues(input.error) });
    const { count = 1, status = 'paid', paidAt, recipient } = input.data;
    const created = createOrders(store, { count, status, recipient, ...(paidAt ? { paidAt: Date.parse(paidAt) } : {}) });
    res.status(201).json({ orders: created.map((o) => view(store, o)) });
  });

  router.get('/_sandbox/orders', (_req: Request, res: Response) => {
    res.json({ orders: [...store.orders.values()].map((o) => view(store, o)) });
  });

  router.post('/_sandbox/orders/:orderId/events', (req: Request, res: Response) => {
    const order = store.orders.get(String(req.params.orderId));
    if (!order) return void res.status(404).json({ error: 'no such order' });
    const input = eventBody.safeParse(body(req));
    if (!input.success) return void res.status(400).json({ error: `event must be one of ${EVENTS.join(', ')}` });
    const { event, productOrderId, ...change } = input.data;
    const ids = productOrderId === undefined ? order.productOrderIds : [productOrderId];
    if (!ids.every((id) => order.productOrderIds.includes(id))) return void res.status(404).json({ error: 'no such product order in this order' });
    const refusal = applyEvent(
      store,
      event,
      ids.map((id) => store.productOrders.get(id)!),
      change,
    );
    if (refusal) return void res.status(409).json({ error: refusal });
    res.json({ order: view(store, order) });
  });

  router.post('/_sandbox/faults', (req: Request, res: Response) => {
    const input = faultsBody.safeParse(body(req));
    if (!input.success) return void res.status(400).json({ error: issues(input.error) });
    const queued: Fault[] = input.data.faults;
    // token_expiry acts at once on the issued tokens; the rest wait in the queue for matching requests.
    if (queued.some((f) => f.kind === 'token_expiry')) tokens.expireAll();
    faults.add(queued);
    res.json({ ok: true });
  });

  router.get('/_sandbox/faults', (_req: Request, res: Response) => {
    res.json({ faults: faults.list() });
  });

  router.delete('/_sandbox/faults', (_req: Request, res: Response) => {
    faults.clear();
    res.json({ ok: true });
  });

  router.post('/_sandbox/reset', (_req: Request, res: Response) => {
    reset();
    res.json({ ok: true });
  });

  return router;
}
