// The mall accounts, as the pane reads and changes them: list, connect, change (name, services, credentials), test.
import type { z } from 'zod';
import {
  connectionTestView,
  createMallAccountBody,
  mallAccountView,
  mallAccountsPage,
  updateMallAccountBody,
} from '../../../shared/api/mall-accounts.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const mallAccountEndpoints = {
  list: { method: 'GET', path: '/api/mall-accounts', response: mallAccountsPage },
  create: { method: 'POST', path: '/api/mall-accounts', body: createMallAccountBody, response: mallAccountView },
  update: { method: 'PATCH', path: '/api/mall-accounts/:id', body: updateMallAccountBody, response: mallAccountView },
  test: { method: 'POST', path: '/api/mall-accounts/:id/test', response: connectionTestView },
} as const satisfies Record<string, Endpoint>;

/** Every account (never paged), each with its count of mall changes waiting to apply. */
export const listMallAccounts = (api: Api) => request(api, mallAccountEndpoints.list);

/** Connects an account (admins); its credentials are checked against the mall type's fields and stored sealed. */
export const createMallAccount = (api: Api, body: z.input<typeof createMallAccountBody>) => request(api, mallAccountEndpoints.create, { body });

/** Changes an account (admins): name, services, or its credentials replaced whole. */
export const updateMallAccount = (api: Api, id: string, body: z.input<typeof updateMallAccountBody>) =>
  request(api, mallAccountEndpoints.update, { params: { id }, body });

/** One authenticated call to the mall; the account's status follows the answer. */
export const testMallAccount = (api: Api, id: string) => request(api, mallAccountEndpoints.test, { params: { id } });
