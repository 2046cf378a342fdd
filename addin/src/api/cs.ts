// The CS lists as the pane calls them: delayed return pickups (회수지연), claims waiting (클레임대기) and withdrawn
// cancels (취소철회) with their acknowledgement, and returns to receive (반품입고). Other actions on the rows go through
// orders.applyTransitions.
import {
  acknowledgeBody,
  acknowledgeResponse,
  claimsPage,
  claimsQuery,
  delayedReturnsPage,
  delayedReturnsQuery,
  receiveReturnsBody,
  receiveReturnsResponse,
  returnsPage,
  returnsQuery,
  withdrawnCancelsPage,
  withdrawnCancelsQuery,
} from '../../../shared/api/cs.schema.ts';
import type { z } from 'zod';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const csEndpoints = {
  delayedReturns: { method: 'GET', path: '/api/cs/delayed-returns', query: delayedReturnsQuery, response: delayedReturnsPage },
  claims: { method: 'GET', path: '/api/cs/claims', query: claimsQuery, response: claimsPage },
  withdrawnCancels: { method: 'GET', path: '/api/cs/withdrawn-cancels', query: withdrawnCancelsQuery, response: withdrawnCancelsPage },
  acknowledge: { method: 'POST', path: '/api/cs/withdrawn-cancels/acknowledge', body: acknowledgeBody, response: acknowledgeResponse },
  returns: { method: 'GET', path: '/api/cs/returns', query: returnsQuery, response: returnsPage },
  receive: { method: 'POST', path: '/api/cs/returns/receive', body: receiveReturnsBody, response: receiveReturnsResponse },
} as const satisfies Record<string, Endpoint>;

export const listDelayedReturns = (api: Api, query: z.input<typeof delayedReturnsQuery> = {}) => request(api, csEndpoints.delayedReturns, { query });
export const listWaitingClaims = (api: Api, query: z.input<typeof claimsQuery> = {}) => request(api, csEndpoints.claims, { query });
export const listWithdrawnCancels = (api: Api, query: z.input<typeof withdrawnCancelsQuery> = {}) =>
  request(api, csEndpoints.withdrawnCancels, { query });
export const acknowledgeWithdrawn = (api: Api, body: z.input<typeof acknowledgeBody>) => request(api, csEndpoints.acknowledge, { body });
/** 반품입고: returns and exchanges whose goods have not come back yet. */
export const listReturnsToReceive = (api: Api, query: z.input<typeof returnsQuery> = {}) => request(api, csEndpoints.returns, { query });
/** The goods of these lines came back, sellable (back on a shelf) or defective. */
export const receiveReturns = (api: Api, body: z.input<typeof receiveReturnsBody>) => request(api, csEndpoints.receive, { body });
