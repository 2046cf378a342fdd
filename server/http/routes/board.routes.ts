import { boardResponse } from '../../../shared/api/board.schema.ts';
import type { AppDeps } from '../../deps.ts';
import { statusBoard } from '../../modules/orders/board.service.ts';
import { route } from '../route.ts';

export function boardRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/board',
      tag: 'orders',
      summary:
        'The status board: order-line counts an operator acts on (new since your last pull, waiting, not sent, send failures, claims, holds, ' +
        'unmatched, sold out, mall mismatches), each with the GET /api/order-lines filter that lists exactly those lines',
      access: 'viewer',
      response: boardResponse,
      handler: async ({ actor }) => statusBoard(deps.db, actor),
    }),
  ];
}
