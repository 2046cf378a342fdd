// The sold-out list (품절주문) and its release after a stock fix (품절해제) as the pane calls them.
import type { z } from 'zod';
import { releaseSoldOutBody, releaseSoldOutResponse, soldOutPage, soldOutQuery } from '../../../shared/api/sold-out.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const soldOutEndpoints = {
  list: { method: 'GET', path: '/api/sold-out', query: soldOutQuery, response: soldOutPage },
  release: { method: 'POST', path: '/api/sold-out/release', body: releaseSoldOutBody, response: releaseSoldOutResponse },
} as const satisfies Record<string, Endpoint>;

/** A page of flagged lines with their SKUs' stock and whether each could be released now; `count` is the total. */
export const listSoldOut = (api: Api, query: z.input<typeof soldOutQuery> = {}) => request(api, soldOutEndpoints.list, { query });

/** Releases the given lines (or every flagged one) with a reason; one result per line. */
export const releaseSoldOut = (api: Api, body: z.input<typeof releaseSoldOutBody>) => request(api, soldOutEndpoints.release, { body });
