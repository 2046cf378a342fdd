// Stock per SKU × warehouse: the list the 재고 sheet pulls, the history, and counts, adjustments and transfers.
// Viewers read; operators and admins change stock, each change with its reason and a history row.
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
import type { AppDeps } from '../../deps.ts';
import { importStockCounts } from '../../modules/stock/count-import.service.ts';
import { countStock } from '../../modules/stock/count.service.ts';
import * as stock from '../../modules/stock/stock.service.ts';
import { route } from '../route.ts';

export function stockRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/stock',
      tag: 'stock',
      summary:
        'Stock per SKU × warehouse (every SKU in every active warehouse; a pair without stock reads 0, version 0), by SKU code then ' +
        'warehouse code; filters: warehouse code, q (part of a SKU code or name), nonzero',
      access: 'viewer',
      query: stockQuery,
      response: stockPage,
      handler: async ({ query }) => stock.listStock(deps.db, query),
    }),
    route({
      method: 'get',
      path: '/stock/history',
      tag: 'stock',
      summary: 'Stock history, newest first: every count, adjustment and transfer half with who, when, why and before → after',
      access: 'viewer',
      query: stockHistoryQuery,
      response: stockHistoryPage,
      handler: async ({ query }) => stock.listHistory(deps.db, query),
    }),
    route({
      method: 'post',
      path: '/stock/counts',
      tag: 'stock',
      summary:
        'Counts (실사): set on-hand per SKU × warehouse, each row with its reason. Rows are checked one by one (a bad row is refused ' +
        'naming its field and never blocks the others); a row carrying the version / on-hand it saw is refused as stale when the stock moved since',
      access: 'operator',
      body: stockCountBody,
      response: stockCountResponse,
      handler: async ({ actor, body }) => countStock(deps.db, actor, body.rows),
    }),
    route({
      method: 'post',
      path: '/stock/count-imports',
      tag: 'stock',
      summary:
        'Counts from a file or the active sheet through a stock_count template (built-in: 상품코드, 창고, 수량, 사유): each row counted like a ' +
        '재고 sheet row, one result per sheet row; rows without a 사유 take `reason`',
      access: 'operator',
      body: stockCountImportBody,
      response: stockCountImportResponse,
      handler: async ({ actor, body }) => importStockCounts(deps.db, actor, body),
    }),
    route({
      method: 'post',
      path: '/stock/adjustments',
      tag: 'stock',
      summary: 'Add a delta to on-hand (negative takes away) with a reason; applied atomically, so concurrent adjustments all count',
      access: 'operator',
      body: stockAdjustmentBody,
      response: stockChangeResponse,
      status: 201,
      handler: async ({ actor, body }) => stock.adjustStock(deps.db, actor, body),
    }),
    route({
      method: 'post',
      path: '/stock/transfers',
      tag: 'stock',
      summary:
        'Move a quantity between warehouses with a reason: both halves in one transaction under one transfer id; refused when the source has less available',
      access: 'operator',
      body: stockTransferBody,
      response: stockTransferResponse,
      status: 201,
      handler: async ({ actor, body }) => stock.transferStock(deps.db, actor, body),
    }),
  ];
}
