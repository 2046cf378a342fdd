// What a request handler knows about the caller and the request, besides its validated input.
import type { Lang } from '../../shared/i18n.ts';
import type { Role } from '../../shared/roles.ts';

export type Actor =
  | { type: 'user'; id: string; username: string; role: Role; tokenId: string; mustChangePassword: boolean }
  | { type: 'job'; id: string }
  | { type: 'system'; id: null };

export type RequestInfo = { requestId: string; ip: string | undefined; lang: Lang };
