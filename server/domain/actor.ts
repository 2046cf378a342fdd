// Who acts, and in which request: the words every layer shares. The services record the actor in history and
// audit; the HTTP edge fills these in, a job or the scheduler builds its own, so the domain never needs to know that
// a request came over HTTP. The caller's language is not here: only the edge knows it (server/http/render.ts).
import { seesPersonalData, type Role } from '../../shared/roles.ts';

export type Actor =
  | { type: 'user'; id: string; username: string; role: Role; tokenId: string; mustChangePassword: boolean }
  | { type: 'job'; id: string }
  | { type: 'system'; id: null };

export type RequestInfo = { requestId: string; ip: string | undefined };

/** Whether the actor sees recipients as they are: operators, admins, jobs and the system; viewers see them masked. */
export const seesRecipients = (actor: Actor): boolean => actor.type !== 'user' || seesPersonalData(actor.role);

/**
 * Whether a read must say why: recipients as they are past the first screenful (a bigger page, a next page, a 합포
 * preview that long) are a download of personal data, whose reason the access record keeps (PRODUCT.md §4,
 * korean-oms.md §4). Viewers read them masked and need none.
 */
export const needsReason = (actor: Actor, pastFirstScreen: boolean, reason: string | undefined): boolean =>
  pastFirstScreen && !reason && seesRecipients(actor);
