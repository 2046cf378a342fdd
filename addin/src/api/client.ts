// Calls to the ShipSheet API from the pane (same origin). Errors come back in the server's one shape and are
// thrown as ApiError with the message already in the pane's language.
import type { ErrorBody } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type Api = {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  token: string | null;
};

/** `base` is empty in the pane (same origin); tools outside the browser (the benchmarks) give the server's URL. */
export function createApi(token: string | null, lang: Lang, base = ''): Api {
  return {
    token,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { 'accept-language': lang };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await res.text();
      const data = text ? (JSON.parse(text) as unknown) : undefined;
      if (!res.ok) {
        const error = (data as ErrorBody | undefined)?.error;
        throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${res.status}`, error?.details);
      }
      return data as T;
    },
  };
}
