import { z } from 'zod';
import {
  apiTokensPage,
  changePasswordBody,
  createUserBody,
  createdApiTokenView,
  loginBody,
  meView,
  publicUserView,
  sessionView,
  streamTicketView,
  updateUserBody,
  usersPage,
} from '../../../shared/api/auth.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as auth from '../../modules/auth/auth.service.ts';
import type { Actor } from '../../domain/actor.ts';
import { route } from '../route.ts';

const asUser = (actor: Actor) => actor as Actor & { type: 'user' };

export function authRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: 'Sign in with username and password; returns a bearer token (12 hours)',
      access: 'public',
      response: sessionView,
      body: loginBody,
      handler: async ({ body, info, res }) => {
        const session = await auth.login(deps, body.username, body.password, info);
        // The access log line of a sign-in names who signed in (the route itself needs no token).
        res.locals.userId = session.user.id;
        return session;
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      summary: 'End this token',
      access: 'viewer',
      response: 'empty',
      allowPendingPassword: true,
      handler: async ({ actor }) => auth.logout(deps.db, asUser(actor)),
    }),
    route({
      method: 'get',
      path: '/auth/me',
      tag: 'auth',
      summary: 'The signed-in user',
      access: 'viewer',
      response: meView,
      allowPendingPassword: true,
      handler: async ({ actor }) => {
        const a = asUser(actor);
        return { id: a.id, username: a.username, role: a.role, must_change_password: a.mustChangePassword };
      },
    }),
    route({
      method: 'post',
      path: '/auth/password',
      tag: 'auth',
      summary: 'Change your own password (required after signing in with a one-time password)',
      access: 'viewer',
      response: 'empty',
      allowPendingPassword: true,
      body: changePasswordBody,
      handler: async ({ actor, body, info }) => auth.changePassword(deps, asUser(actor), body.current_password, body.new_password, info),
    }),
    route({
      method: 'post',
      path: '/auth/stream-ticket',
      tag: 'auth',
      summary: 'A single-use ticket (valid 60 s) that opens an event stream as this session: GET /api/jobs/events?ticket=…',
      access: 'viewer',
      response: streamTicketView,
      status: 201,
      handler: async ({ actor }) => auth.issueStreamTicket(deps.db, asUser(actor)),
    }),
    route({
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'List users',
      access: 'admin',
      response: usersPage,
      handler: async () => ({ items: await auth.listUsers(deps.db), next_cursor: null }),
    }),
    route({
      method: 'post',
      path: '/users',
      tag: 'users',
      summary: 'Create a user',
      access: 'admin',
      response: publicUserView,
      status: 201,
      body: createUserBody,
      handler: async ({ actor, body, info }) => auth.createUser(deps.db, actor, body, info),
    }),
    route({
      method: 'patch',
      path: '/users/:id',
      tag: 'users',
      summary: 'Change a user: role, active, display name, or reset the password (the user must change it)',
      access: 'admin',
      response: publicUserView,
      params: z.object({ id: z.string().max(40) }),
      body: updateUserBody,
      handler: async ({ actor, params, body, info }) => auth.updateUser(deps.db, actor, params.id, body, info),
    }),
    route({
      method: 'get',
      path: '/tokens',
      tag: 'auth',
      summary: "Your long-lived API tokens (admins: everyone's)",
      access: 'viewer',
      response: apiTokensPage,
      handler: async ({ actor }) => ({ items: await auth.listApiTokens(deps.db, asUser(actor)), next_cursor: null }),
    }),
    route({
      method: 'post',
      path: '/tokens',
      tag: 'auth',
      summary: 'Create a long-lived API token for the add-in; the token is shown once',
      access: 'viewer',
      response: createdApiTokenView,
      status: 201,
      body: z.object({ name: z.string().trim().min(1).max(100), expires_in_days: z.number().int().min(1).max(3650).optional() }),
      handler: async ({ actor, body, info }) => auth.createApiToken(deps.db, asUser(actor), body.name, body.expires_in_days, info),
    }),
    route({
      method: 'delete',
      path: '/tokens/:id',
      tag: 'auth',
      summary: 'Revoke an API token',
      access: 'viewer',
      response: 'empty',
      params: z.object({ id: z.string().max(40) }),
      handler: async ({ actor, params, info }) => auth.revokeApiToken(deps.db, asUser(actor), params.id, info),
    }),
  ];
}
