// The shop's users, as an admin manages them from the pane: list, create, change (role, active, password reset).
import type { z } from 'zod';
import { createUserBody, publicUserView, updateUserBody, usersPage } from '../../../shared/api/auth.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const userEndpoints = {
  list: { method: 'GET', path: '/api/users', response: usersPage },
  create: { method: 'POST', path: '/api/users', body: createUserBody, response: publicUserView },
  update: { method: 'PATCH', path: '/api/users/:id', body: updateUserBody, response: publicUserView },
} as const satisfies Record<string, Endpoint>;

export const listUsers = (api: Api) => request(api, userEndpoints.list);
export const createUser = (api: Api, body: z.input<typeof createUserBody>) => request(api, userEndpoints.create, { body });
export const updateUser = (api: Api, id: string, body: z.input<typeof updateUserBody>) =>
  request(api, userEndpoints.update, { params: { id }, body });
