// The sold-out list (품절주문) and 품절해제: lines that cannot ship for want of stock, with their SKUs' status and
// stock, and their release after a stock fix, each line's result said.
import { releaseSoldOutBody, releaseSoldOutResponse, soldOutPage, soldOutQuery } from '../../../shared/api/sold-out.schema.ts';
import type { AppDeps } from '../../deps.ts';
import { listSoldOut, releaseSoldOut } from '../../modules/sold-out/sold-out.service.ts';
import { route } from '../route.ts';

export function soldOutRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/sold-out',
      tag: 'sold-out',
      summary:
        'Lines carrying the sold-out flag (oldest order first): order, channel, product and option, the SKUs they need with each ' +
        "SKU's status and stock available over every warehouse (on hand − allocated, less what lines released before still take unallocated), whether 품절해제 would release the line now and " +
        'why not; `count` is how many lines carry the flag in all',
      access: 'viewer',
      query: soldOutQuery,
      response: soldOutPage,
      handler: async ({ query }) => listSoldOut(deps.db, query),
    }),
    route({
      method: 'post',
      path: '/sold-out/release',
      tag: 'sold-out',
      summary:
        '품절해제: release the given sold-out lines, or every one when no ids are given, with a reason kept in their history. A line is ' +
        "released when none of its SKUs is forced sold-out and each SKU's available stock covers it (stock released to one line is not " +
        'counted again for the next, oldest order first, nor by a later release while the line is unallocated and not shipped); one ' +
        'result per line: released, or refused and why; `stock` says what each SKU of those lines has available after it',
      access: 'operator',
      body: releaseSoldOutBody,
      response: releaseSoldOutResponse,
      handler: async ({ actor, body }) => releaseSoldOut(deps.db, actor, body),
    }),
  ];
}
