// Stock per SKU × warehouse as the pane reads and changes it: the 재고 sheet's pull and push (counts), transfers,
// adjustments and the history.
import type { z } from 'zod';
import {
  stockAdjustmentBody,
  stockChangeResponse,
  stockCountBody,
  stockCountImportBody,
  stockCountImportResponse,
  stockCountResponse,
  stockHistoryPage,
  stockHistoryQuery,
  stockPage,
  stockQuery,
  stockTransferBody,
  stockTransferResponse,
} from '../../../shared/api/stock.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const stockEndpoints = {
  list: { method: 'GET', path: '/api/stock', query: stockQuery, response: stockPage },
  history: { method: 'GET', path: '/api/stock/history', query: stockHistoryQuery, response: stockHistoryPage },
  counts: { method: 'POST', path: '/api/stock/counts', body: stockCountBody, response: stockCountResponse },
  countImport: { method: 'POST', path: '/api/stock/count-imports', body: stockCountImportBody, response: stockCountImportResponse },
  adjust: { method: 'POST', path: '/api/stock/adjustments', body: stockAdjustmentBody, response: stockChangeResponse },
  transfer: { method: 'POST', path: '/api/stock/transfers', body: stockTransferBody, response: stockTransferResponse },
} as const satisfies Record<string, Endpoint>;

/** One page of stock rows (SKU × warehouse). */
export const listStock = (api: Api, query: z.input<typeof stockQuery>) => request(api, stockEndpoints.list, { query });

/** History entries, newest first. */
export const stockHistory = (api: Api, query: z.input<typeof stockHistoryQuery>) => request(api, stockEndpoints.history, { query });

/** Counts (실사): one result per row, in the rows' order. */
export const pushCounts = (api: Api, body: z.input<typeof stockCountBody>) => request(api, stockEndpoints.counts, { body });

/** Counts from the active sheet or a file, through a stock_count template; one result per sheet row. */
export const importCounts = (api: Api, body: z.input<typeof stockCountImportBody>) => request(api, stockEndpoints.countImport, { body });

export const adjustStock = (api: Api, body: z.input<typeof stockAdjustmentBody>) => request(api, stockEndpoints.adjust, { body });

export const transferStock = (api: Api, body: z.input<typeof stockTransferBody>) => request(api, stockEndpoints.transfer, { body });
