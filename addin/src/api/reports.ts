// Reports as the pane reads them: sales per KST day and channel (the 매출 sheet).
import type { z } from 'zod';
import { salesQuery } from '../../../shared/api/orders.schema.ts';
import { salesPage } from '../../../shared/api/order-views.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const reportEndpoints = {
  sales: { method: 'GET', path: '/api/reports/sales', query: salesQuery, response: salesPage },
} as const satisfies Record<string, Endpoint>;

/** Orders, lines, quantity and won per day and channel in the period (canceled and returned lines left out). */
export const salesReport = (api: Api, query: z.input<typeof salesQuery>) => request(api, reportEndpoints.sales, { query });
