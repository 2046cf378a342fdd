import { z } from 'zod';
import {
  connectionTestView,
  createMallAccountBody,
  dismissedResponse,
  mallAccountsPage,
  mallAccountView,
  mismatchesResponse,
  updateMallAccountBody,
} from '../../../shared/api/mall-accounts.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as accounts from '../../modules/mall-accounts/mall-accounts.service.ts';
import { route } from '../route.ts';

const idParam = z.object({ id: z.string().min(1).max(40) });

export function mallAccountRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/mall-accounts',
      tag: 'mall accounts',
      summary: 'List mall accounts (credentials never included, only a masked hint), each with its count of mall changes waiting to apply',
      access: 'viewer',
      response: mallAccountsPage,
      handler: async () => ({ items: await accounts.listMallAccounts(deps), next_cursor: null }),
    }),
    route({
      method: 'get',
      path: '/mall-accounts/:id',
      tag: 'mall accounts',
      summary: 'One mall account',
      access: 'viewer',
      response: mallAccountView,
      params: idParam,
      handler: async ({ params }) => accounts.publicAccount(await accounts.getMallAccount(deps, params.id)),
    }),
    route({
      method: 'post',
      path: '/mall-accounts',
      tag: 'mall accounts',
      summary: 'Connect a mall account; credentials are encrypted at rest',
      access: 'admin',
      response: mallAccountView,
      status: 201,
      body: createMallAccountBody,
      handler: async ({ actor, body, info }) => accounts.createMallAccount(deps, actor, body, info),
    }),
    route({
      method: 'patch',
      path: '/mall-accounts/:id',
      tag: 'mall accounts',
      summary: 'Change a mall account: name, services, or replace its credentials',
      access: 'admin',
      response: mallAccountView,
      params: idParam,
      body: updateMallAccountBody,
      handler: async ({ actor, params, body, info }) => accounts.updateMallAccount(deps, actor, params.id, body, info),
    }),
    route({
      method: 'post',
      path: '/mall-accounts/:id/test',
      tag: 'mall accounts',
      summary: 'Test the connection: one authenticated call to the mall; the account status follows',
      access: 'operator',
      response: connectionTestView,
      params: idParam,
      handler: async ({ params }) => accounts.testConnection(deps, params.id),
    }),
    route({
      method: 'get',
      path: '/mall-accounts/:id/mismatches',
      tag: 'mall accounts',
      summary:
        'Lines whose status here disagrees with what the mall last said (claims, shipping), and the mall changes syncs could not apply yet (retried by every sync)',
      access: 'viewer',
      response: mismatchesResponse,
      params: idParam,
      handler: async ({ params }) => accounts.mismatches(deps, params.id),
    }),
    route({
      method: 'delete',
      path: '/mall-accounts/:id/pending-changes/:mall_line_id',
      tag: 'mall accounts',
      summary: 'Dismiss a mall change syncs could not apply (an operator settled it another way): it is not retried',
      access: 'operator',
      response: dismissedResponse,
      params: z.object({ id: z.string().min(1).max(40), mall_line_id: z.string().min(1).max(64) }),
      handler: async ({ params }) => accounts.dismissPendingChange(deps, params.id, params.mall_line_id),
    }),
  ];
}
