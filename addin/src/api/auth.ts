// Sign-in and the session, as the pane calls them.
import { changePasswordBody, loginBody, sessionView, streamTicketView } from '../../../shared/api/auth.schema.ts';
import type { z } from 'zod';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const authEndpoints = {
  login: { method: 'POST', path: '/api/auth/login', body: loginBody, response: sessionView },
  logout: { method: 'POST', path: '/api/auth/logout', response: 'empty' },
  changePassword: { method: 'POST', path: '/api/auth/password', body: changePasswordBody, response: 'empty' },
  streamTicket: { method: 'POST', path: '/api/auth/stream-ticket', response: streamTicketView },
} as const satisfies Record<string, Endpoint>;

export const signIn = (api: Api, body: z.input<typeof loginBody>) => request(api, authEndpoints.login, { body });

export const signOut = (api: Api) => request(api, authEndpoints.logout);

export const changePassword = (api: Api, body: z.input<typeof changePasswordBody>) => request(api, authEndpoints.changePassword, { body });

/** A single-use ticket that opens an event stream as this session (events.ts). */
export const streamTicket = (api: Api) => request(api, authEndpoints.streamTicket);
