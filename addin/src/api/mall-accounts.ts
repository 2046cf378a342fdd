// The mall accounts, as the pane reads them.
import { mallAccountsPage } from '../../../shared/api/mall-accounts.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const mallAccountEndpoints = {
  list: { method: 'GET', path: '/api/mall-accounts', response: mallAccountsPage },
} as const satisfies Record<string, Endpoint>;

/** Every account (never paged), each with its count of mall changes waiting to apply. */
export const listMallAccounts = (api: Api) => request(api, mallAccountEndpoints.list);
