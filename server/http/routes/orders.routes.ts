import { z } from 'zod';
import {
  bulkTransitionBody,
  directOrderBody,
  listOrdersQuery,
  noteBody,
  salesQuery,
  singleTransitionBody,
} from '../../../shared/api/orders.schema.ts';
import {
  bulkTransitionResult,
  directOrderResult,
  lineColumnsPage,
  lineColumnsQuery,
  pullLinesQuery,
  lineViewPage,
  noteView,
  orderDetail,
  ordersPage,
  salesPage,
  singleTransitionResult,
  toLineColumns,
  transitionBatchList,
  transitionBatchParams,
  transitionUndoResult,
} from '../../../shared/api/order-views.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as orders from '../../modules/orders/orders.service.ts';
import { refusalError } from '../../modules/orders/refusals.ts';
import { applyTransitions } from '../../modules/orders/transitions.service.ts';
import { listTransitionBatches, undoTransitionBatch } from '../../modules/orders/transition-undo.service.ts';
import { withAutoSends } from '../../jobs/auto-send.ts';
import { sendsRunning } from '../../jobs/jobs.service.ts';
import { route, withoutReason } from '../route.ts';

const idParam = z.object({ id: z.string().min(1).max(40) });

export function orderRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/orders',
      tag: 'orders',
      summary: 'List orders, newest first, with filters and cursor paging',
      access: 'viewer',
      response: ordersPage,
      query: listOrdersQuery,
      handler: async ({ actor, query }) => orders.listOrders(deps.db, actor, query),
      personalData: { rows: (r: { items: unknown[] }) => r.items.length },
    }),
    route({
      method: 'get',
      path: '/order-lines',
      tag: 'orders',
      summary: 'The flat lines view: one row per order line with its order and box, as a sheet shows it',
      access: 'viewer',
      response: lineViewPage,
      query: pullLinesQuery,
      handler: async ({ actor, query }) => orders.listLinesForRoute(deps.db, actor, query),
      personalData: { rows: (r: { items: unknown[] }) => r.items.length },
    }),
    route({
      method: 'get',
      path: '/order-lines/columns',
      tag: 'orders',
      summary: 'The lines view as column arrays (names once, one array per row), optionally only some fields: for pulling many lines',
      access: 'viewer',
      response: lineColumnsPage,
      query: lineColumnsQuery,
      handler: async ({ actor, query }) => toLineColumns(await orders.pullLines(deps.db, actor, query), query.fields),
      personalData: {
        rows: (r: { rows: unknown[] }) => r.rows.length,
        // Which fields were sent is not part of what was searched; the reason is recorded on its own.
        filter: ({ query: { cursor: _cursor, fields: _fields, ...filter } }) => withoutReason(filter),
      },
    }),
    route({
      method: 'get',
      path: '/orders/:id',
      tag: 'orders',
      summary: 'One order with its lines, boxes, claims, holds, notes and status history',
      access: 'viewer',
      response: orderDetail,
      params: idParam,
      handler: async ({ actor, params }) => orders.getOrder(deps.db, actor, params.id),
      personalData: { rows: () => 1 },
    }),
    route({
      method: 'post',
      path: '/orders/direct',
      tag: 'orders',
      summary: 'Create a direct-trade / wholesale order (orderer and total price required)',
      access: 'operator',
      response: directOrderResult,
      status: 201,
      body: directOrderBody,
      handler: async ({ actor, body }) => orders.createDirectOrder(deps.db, actor, body),
      // The answer is the created order with its recipient: recorded like reading it.
      personalData: { rows: () => 1, filter: () => ({}) },
    }),
    route({
      method: 'post',
      path: '/orders/:id/notes',
      tag: 'orders',
      summary: 'Add a memo or a message to an order',
      access: 'operator',
      response: noteView,
      status: 201,
      params: idParam,
      body: noteBody,
      handler: async ({ actor, params, body }) => orders.addNote(deps.db, actor, params.id, body),
    }),
    route({
      method: 'post',
      path: '/transitions',
      tag: 'orders',
      summary:
        'Apply one action to many orders or lines; one result per item (applied, or refused with the reason). Each item is all or nothing and sees ' +
        'the changes of earlier items. A call of more than 2,000 items (SHIPSHEET_BULK_BLOCK_ITEMS) is applied in blocks, each committed on its own (the items of one order, ' +
        'box or tracking number always in one block): if the call breaks off, earlier blocks stay applied, and sending it again is safe ' +
        '(items already where the action takes them answer unchanged with their current versions; other stale items stale_version)',
      access: 'operator',
      response: bulkTransitionResult,
      body: bulkTransitionBody,
      handler: async ({ actor, body }) =>
        withAutoSends(deps.runner, actor, await applyTransitions(deps.db, actor, body, undefined, { blockItems: deps.config.bulkBlockItems })),
    }),
    route({
      method: 'get',
      path: '/transitions/batches',
      tag: 'orders',
      summary:
        "Operators' bulk changes that keep an undo record (release, ship, the delivery steps, hold, release of a hold, flags), newest first (the last 20)",
      access: 'viewer',
      response: transitionBatchList,
      handler: async () => ({ items: await listTransitionBatches(deps.db) }),
    }),
    route({
      method: 'post',
      path: '/transitions/batches/:id/undo',
      tag: 'orders',
      summary:
        'Undo a bulk change as a unit: every line, order and box back to what it held before, its holds taken back or opened again, the stock its ' +
        'shipped lines took back on the shelf with their allocations. 409 naming the orders while anything after depends on it (sent to a mall, ' +
        'merged, changed since: undo_blocked; stock counted or moved since: stock_changed_since; a send to the malls running: sends_running; ' +
        'the call still being written: batch_in_progress)',
      access: 'operator',
      params: transitionBatchParams,
      response: transitionUndoResult,
      handler: async ({ actor, info, params }) => undoTransitionBatch(deps.db, actor, params.id, info, (trx) => sendsRunning(trx)),
    }),
    route({
      method: 'post',
      path: '/orders/:id/transitions',
      tag: 'orders',
      summary: 'Apply one action to one order (ord_…) or line (lin_…); a refusal is an error (409, 404)',
      access: 'operator',
      response: singleTransitionResult,
      params: idParam,
      body: singleTransitionBody,
      handler: async ({ actor, params, body }) => {
        const { version, ...rest } = body;
        const out = await applyTransitions(deps.db, actor, { ...rest, items: [{ id: params.id, version }] });
        const result = out.results[0]!;
        // A refused single transition becomes an error with the same reason the bulk result would give.
        if (result.result === 'refused') throw refusalError({ ...result, code: result.code!, message: result.message! });
        // A line shipped here (or numbered and so shipped) is sent by its account's setting, as a bulk call's is.
        return withAutoSends(deps.runner, actor, {
          batch_id: out.batch_id,
          ...result,
          auto_send_accounts: out.auto_send_accounts,
          auto_claim_accounts: out.auto_claim_accounts,
        });
      },
    }),
    route({
      method: 'get',
      path: '/reports/sales',
      tag: 'reports',
      summary: 'Sales per day (KST) and channel: orders, lines, quantity, amount in won',
      access: 'viewer',
      response: salesPage,
      query: salesQuery,
      handler: async ({ query }) => ({ items: await orders.salesSummary(deps.db, query), next_cursor: null }),
    }),
  ];
}
