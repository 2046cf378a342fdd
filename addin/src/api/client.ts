// The pane's one transport to the ShipSheet API (same origin): the bearer token, the pane's language, JSON in and
// out, and errors in the server's one shape thrown as ApiError with the message already in the pane's language. It
// answers `unknown`: the pane reads answers only through the typed functions per area (auth.ts, jobs.ts, …), whose
// types come from the shared schemas the server's routes declare, never through a type picked at the call.
import type { ErrorBody } from '../../../shared/errors.ts';
import { format, type Lang } from '../../../shared/i18n.ts';

/**
 * What the pane says when no answer in the server's shape came back: the browser's own words ("Failed to fetch",
 * "Unexpected token '<'…" for a proxy's HTML page) are English and say nothing to an operator.
 */
const transportMessages = {
  unreachable: {
    ko: '서버에 연결할 수 없습니다. 인터넷 연결과 쉽시트 서버가 켜져 있는지 확인한 뒤 다시 시도하세요.',
    en: 'Cannot reach the ShipSheet server. Check the connection and that the server is running, then try again.',
  },
  unreadable: {
    ko: '서버 응답을 읽을 수 없습니다 (HTTP {status}). 잠시 뒤 다시 시도하세요.',
    en: 'The server’s answer could not be read (HTTP {status}). Try again in a moment.',
  },
} as const;

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

/**
 * A downloaded file: its bytes and the name the server gave it (Content-Disposition), and, for a CP949 CSV, the
 * characters CP949 could not hold (written as '?'): how many and on which data rows (1 = the first under the header).
 */
export type DownloadedFile = { blob: Blob; fileName: string; replaced?: { count: number; rows: number[] } };

export type Api = {
  /**
   * Low level: only the area modules in this folder call it (the lint refuses it elsewhere in the pane). With
   * `as: 'file'` a successful answer is the file itself (a DownloadedFile) instead of JSON; errors are JSON either way.
   */
  call(method: string, path: string, body?: unknown, as?: 'json' | 'file'): Promise<unknown>;
  token: string | null;
  /** The pane's language, for what cannot carry the Accept-Language header (the event stream's URL). */
  lang?: Lang;
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
    lang,
    async call(method: string, path: string, body?: unknown, as: 'json' | 'file' = 'json'): Promise<unknown> {
      const headers: Record<string, string> = { 'accept-language': lang };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const unreadable = (status: number) => new ApiError(status, 'unreadable_answer', format(transportMessages.unreadable, { status }, lang));
      let res: Response;
      try {
        res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      } catch {
        // fetch rejects only when no answer came at all: the server is down, the network is gone, the name is wrong.
        throw new ApiError(0, 'unreachable', format(transportMessages.unreachable, {}, lang));
      }
      if (as === 'file' && res.ok) {
        const file: DownloadedFile = { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
        const replaced = Number(res.headers.get('x-replaced-characters') ?? 0);
        if (replaced > 0) {
          const rows = (res.headers.get('x-replaced-rows') ?? '').split(',').filter(Boolean).map(Number);
          file.replaced = { count: replaced, rows };
        }
        return file;
      }
      let data: unknown;
      try {
        const text = await res.text();
        data = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        // Not our JSON (a proxy's error page, a cut connection): a 401 still ends the session.
        if (res.status === 401 && token) onUnauthorized?.();
        throw unreadable(res.status);
      }
      if (!res.ok) {
        const error = (data as ErrorBody | undefined)?.error;
        if (res.status === 401 && token) onUnauthorized?.();
        if (!error?.message) throw unreadable(res.status);
        throw new ApiError(res.status, error.code ?? 'http_error', error.message, error.details);
      }
      return data;
    },
  };
}
