// The pane's one transport to the ShipSheet API (same origin): the bearer token, the pane's language, JSON in and
// out, and errors in the server's one shape thrown as ApiError with the message already in the pane's language. It
// answers `unknown`: the pane reads answers only through the typed functions per area (auth.ts, jobs.ts, …), whose
// types come from the shared schemas the server's routes declare, never through a type picked at the call.
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

/** A downloaded file: its bytes and the name the server gave it (Content-Disposition). */
export type DownloadedFile = { blob: Blob; fileName: string };

export type Api = {
  /**
   * Low level: only the area modules in this folder call it (the lint refuses it elsewhere in the pane). With
   * `as: 'file'` a successful answer is the file itself (a DownloadedFile) instead of JSON; errors are JSON either way.
   */
  call(method: string, path: string, body?: unknown, as?: 'json' | 'file'): Promise<unknown>;
  token: string | null;
};

/**
 * The file name of a download: the RFC 5987 `filename*=UTF-8''…` form first (Korean names survive it), then the
 * plain `filename="…"`, else `fallback`. Path separators are dropped so a name can never point elsewhere.
 */
export function fileNameOf(disposition: string | null, fallback = 'download'): string {
  const encoded = disposition && /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  let name: string | undefined;
  if (encoded) {
    try {
      name = decodeURIComponent(encoded[1]!.trim());
    } catch {
      name = undefined;
    }
  }
  name ??=
    (disposition && /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1]) ||
    (disposition && /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1]) ||
    undefined;
  const safe = name?.replace(/[\\/]/g, '_').trim();
  return safe || fallback;
}

export type ApiOptions = {
  /** `base` is empty in the pane (same origin); tools outside the browser (the benchmarks) give the server's URL. */
  base?: string;
  /**
   * The server no longer takes the token (expired, signed out elsewhere, user deactivated): called once per 401
   * answer to a call that sent a token, before the error is thrown, so the pane can return to its sign-in form.
   */
  onUnauthorized?: () => void;
};

export function createApi(token: string | null, lang: Lang, options: ApiOptions = {}): Api {
  const { base = '', onUnauthorized } = options;
  return {
    token,
    async call(method: string, path: string, body?: unknown, as: 'json' | 'file' = 'json'): Promise<unknown> {
      const headers: Record<string, string> = { 'accept-language': lang };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      if (as === 'file' && res.ok) {
        const file: DownloadedFile = { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
        return file;
      }
      const text = await res.text();
      const data = text ? (JSON.parse(text) as unknown) : undefined;
      if (!res.ok) {
        const error = (data as ErrorBody | undefined)?.error;
        if (res.status === 401 && token) onUnauthorized?.();
        throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${res.status}`, error?.details);
      }
      return data;
    },
  };
}
