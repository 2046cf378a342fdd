// The CS lists (issue 12 §6): delayed return pickups, claims waiting, cancels withdrawn at the mall (and their
// acknowledgement), and the returns whose goods come back (반품입고). Actions on the rows are the transitions API's,
// except acknowledging and receiving.
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
import type { AppDeps } from '../../deps.ts';
import { acknowledgeWithdrawn, listDelayedReturns, listOpenClaims, listReturnsToReceive, listWithdrawnCancels } from '../../modules/cs/cs.service.ts';
import { receiveReturns } from '../../modules/cs/return-receipts.service.ts';
import { route } from '../route.ts';

export function csRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/cs/delayed-returns',
      tag: 'cs',
      summary:
        '회수지연: lines whose return was requested more than SHIPSHEET_RETURN_PICKUP_DAYS days ago (default 3) and is not completed. ' +
        'Each read first flags the overdue ones (return_pickup_delayed, with history), as the hourly check does',
      access: 'viewer',
      query: delayedReturnsQuery,
      response: delayedReturnsPage,
      handler: async ({ actor, query }) => listDelayedReturns(deps.db, actor, deps.config.returnPickupDays, query),
    }),
    route({
      method: 'get',
      path: '/cs/claims',
      tag: 'cs',
      summary:
        '클레임대기: open (requested) claims, of one type or all, oldest first, with their age in days and the versions the transitions API asks for',
      access: 'viewer',
      query: claimsQuery,
      response: claimsPage,
      handler: async ({ actor, query }) => listOpenClaims(deps.db, actor, query),
    }),
    route({
      method: 'get',
      path: '/cs/withdrawn-cancels',
      tag: 'cs',
      summary: '취소철회: cancels withdrawn (at the mall or here) in the last `days` days and not yet acknowledged: these lines must ship again',
      access: 'viewer',
      query: withdrawnCancelsQuery,
      response: withdrawnCancelsPage,
      handler: async ({ actor, query }) => listWithdrawnCancels(deps.db, actor, query),
    }),
    route({
      method: 'post',
      path: '/cs/withdrawn-cancels/acknowledge',
      tag: 'cs',
      summary: 'Acknowledges withdrawn cancels (확인): they leave the list, with a history row on each claim; one result per id',
      access: 'operator',
      body: acknowledgeBody,
      response: acknowledgeResponse,
      handler: async ({ actor, body }) => acknowledgeWithdrawn(deps.db, actor, body.claim_ids),
    }),
    route({
      method: 'get',
      path: '/cs/returns',
      tag: 'cs',
      summary: '반품입고: return and exchange claims (requested or completed) whose goods have not been received yet, oldest first',
      access: 'viewer',
      query: returnsQuery,
      response: returnsPage,
      handler: async ({ actor, query }) => listReturnsToReceive(deps.db, actor, query),
    }),
    route({
      method: 'post',
      path: '/cs/returns/receive',
      tag: 'cs',
      summary:
        '반품 입고: the goods of these lines came back. Sellable ones go back on the warehouse named (the default one if none) — each SKU × ' +
        "the line's quantity, history return_in — defective ones are recorded without stock. Once per line; one result per id, in one transaction",
      access: 'operator',
      body: receiveReturnsBody,
      response: receiveReturnsResponse,
      handler: async ({ actor, body }) => receiveReturns(deps.db, actor, body),
    }),
  ];
}
