// The mall accounts, as the pane reads and changes them.
import type { z } from 'zod';
import { mallAccountView, mallAccountsPage, updateMallAccountBody } from '../../../shared/api/mall-accounts.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const mallAccountEndpoints = {
  list: { method: 'GET', path: '/api/mall-accounts', response: mallAccountsPage },
  update: { method: 'PATCH', path: '/api/mall-accounts/:id', body: updateMallAccountBody, response: mallAccountView },
} as const satisfies Record<string, Endpoint>;

/** Every account (never paged), each with its count of mall changes waiting to apply. */
export const listMallAccounts = (api: Api) => request(api, mallAccountEndpoints.list);

/** Changes an account's switches (admins only): here, its automatic steps. */
export const updateMallAccount = (api: Api, id: string, body: z.input<typeof updateMallAccountBody>) =>
  request(api, mallAccountEndpoints.update, { params: { id }, body });
