// Shapes of sign-in, users and API tokens: the answers, and the requests the pane sends too (the admin's requests are
// declared with their routes).
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { instant, page } from './common.schema.ts';

/** A user as the API shows it: never the password hash. */
export const publicUserView = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string().nullable(),
  role: z.enum(ROLES),
  active: z.boolean(),
  must_change_password: z.boolean(),
  last_login_at: instant.nullable(),
  created_at: instant,
});
export type PublicUserView = z.infer<typeof publicUserView>;

/** A new password: what the server takes (strength is checked by the service, which knows the user). */
export const newPassword = z.string().min(10).max(200);

/** A new user: the password is checked for strength by the server; with must_change_password the user replaces it at the first sign-in. */
export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only'),
  password: newPassword,
  role: z.enum(ROLES),
  display_name: z.string().trim().max(100).optional(),
  must_change_password: z.boolean().optional(),
});

/** A change of a user: role, active, display name, or a password reset (the user must change it). */
export const updateUserBody = z
  .object({ role: z.enum(ROLES), active: z.boolean(), display_name: z.string().trim().max(100), password: newPassword })
  .partial();

export const loginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export const changePasswordBody = z.object({ current_password: z.string().min(1).max(200), new_password: newPassword });

export const sessionView = z.object({
  token: z.string(),
  token_id: z.string(),
  expires_at: instant,
  user: publicUserView,
  password_change_required: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const meView = z.object({ id: z.string(), username: z.string(), role: z.enum(ROLES), must_change_password: z.boolean() });
export type MeView = z.infer<typeof meView>;

export const streamTicketView = z.object({ ticket: z.string(), expires_at: instant });

export const usersPage = page(publicUserView);

/** A long-lived API token as listed: never the token itself (shown once, when created). */
export const apiTokenView = z.object({
  id: z.string(),
  user_id: z.string(),
  kind: z.literal('api'),
  name: z.string().nullable(),
  created_at: instant,
  expires_at: instant.nullable(),
  last_used_at: instant.nullable(),
});
export const apiTokensPage = page(apiTokenView);

export const createdApiTokenView = z.object({ id: z.string(), token: z.string(), name: z.string(), expires_at: instant.nullable() });

export const healthView = z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['postgresql', 'sqlite']) });
