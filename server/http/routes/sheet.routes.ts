// The order sheet of the add-in: pushing the rows an operator changed, and reading rows again by line id.
import { sheetBoxesResponse, sheetLinesBody, sheetLinesResponse, sheetPushBody, sheetPushResponse } from '../../../shared/api/sheet.schema.ts';
import type { AppDeps } from '../../deps.ts';
import { boxesOfLines, linesByIds } from '../../modules/orders/orders.service.ts';
import { pushSheet } from '../../modules/orders/sheet-push.service.ts';
import { withAutoSends } from '../../jobs/auto-send.ts';
import { route } from '../route.ts';

export function sheetRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/sheet/push',
      tag: 'sheet',
      summary:
        'Apply the rows changed on an order sheet, each whole or not at all; one result per row and the changed lines. A push of more than ' +
        '2,000 rows (SHIPSHEET_BULK_BLOCK_ITEMS) is applied in blocks, each committed on its own (the rows of one order, box or tracking number always in one block)',
      access: 'operator',
      response: sheetPushResponse,
      body: sheetPushBody,
      handler: async ({ actor, body }) =>
        withAutoSends(deps.runner, actor, await pushSheet(deps.db, actor, body, { blockItems: deps.config.bulkBlockItems })),
      // The changed lines come back with their latest memo, which may name people.
      personalData: { rows: (r: { lines: unknown[] }) => r.lines.length, filter: ({ body }) => ({ rows: body.rows.length }) },
    }),
    route({
      method: 'post',
      path: '/sheet/lines',
      tag: 'sheet',
      summary: 'Lines-view rows of the given line ids (unknown ids are left out), to refresh rows of a sheet',
      access: 'viewer',
      response: sheetLinesResponse,
      body: sheetLinesBody,
      handler: async ({ actor, body }) => ({ items: await linesByIds(deps.db, actor, body.line_ids), next_cursor: null }),
      personalData: { rows: (r: { items: unknown[] }) => r.items.length, filter: ({ body }) => ({ line_ids: body.line_ids.length }) },
    }),
    route({
      method: 'post',
      path: '/sheet/boxes',
      tag: 'sheet',
      summary: 'The order and box of each given line (box null: in none yet; unknown ids are left out), to keep a box’s rows together',
      access: 'viewer',
      response: sheetBoxesResponse,
      body: sheetLinesBody,
      handler: async ({ body }) => ({ items: await boxesOfLines(deps.db, body.line_ids), next_cursor: null }),
    }),
  ];
}
