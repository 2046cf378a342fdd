// Orders and order lines, as the pane calls them: pulling lines in the column form, bulk transitions, direct orders.
import type { z } from 'zod';
import { bulkTransitionBody, directOrderBody, noteBody } from '../../../shared/api/orders.schema.ts';
import {
  bulkTransitionResult,
  directOrderResult,
  lineColumnsPage,
  noteView,
  orderDetail,
  lineColumnsQuery,
  transitionUndoResult,
} from '../../../shared/api/order-views.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const orderEndpoints = {
  lineColumns: { method: 'GET', path: '/api/order-lines/columns', query: lineColumnsQuery, response: lineColumnsPage },
  transitions: { method: 'POST', path: '/api/transitions', body: bulkTransitionBody, response: bulkTransitionResult },
  undoTransitions: { method: 'POST', path: '/api/transitions/batches/:id/undo', response: transitionUndoResult },
  createDirect: { method: 'POST', path: '/api/orders/direct', body: directOrderBody, response: directOrderResult },
  detail: { method: 'GET', path: '/api/orders/:id', response: orderDetail },
  addNote: { method: 'POST', path: '/api/orders/:id/notes', body: noteBody, response: noteView },
} as const satisfies Record<string, Endpoint>;

/** One page of lines as column arrays (names once, one array per row). */
export const lineColumns = (api: Api, query: z.input<typeof lineColumnsQuery>) => request(api, orderEndpoints.lineColumns, { query });

/** One action on many orders or lines: one result per item. */
export const applyTransitions = (api: Api, body: z.input<typeof bulkTransitionBody>) => request(api, orderEndpoints.transitions, { body });

/** Undoes a bulk change (its batch id) as a unit: refused, naming the orders, once anything after depends on it. */
export const undoTransitions = (api: Api, batchId: string) => request(api, orderEndpoints.undoTransitions, { params: { id: batchId } });

export const createDirectOrder = (api: Api, body: z.input<typeof directOrderBody>) => request(api, orderEndpoints.createDirect, { body });

/** One order with its lines, boxes, claims, holds, notes and history. */
export const getOrderDetail = (api: Api, id: string) => request(api, orderEndpoints.detail, { params: { id } });

/** A memo (ours) or a message (to or from the buyer) on an order. */
export const addOrderNote = (api: Api, id: string, body: z.input<typeof noteBody>) => request(api, orderEndpoints.addNote, { params: { id }, body });
