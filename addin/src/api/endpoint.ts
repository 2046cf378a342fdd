// A route as the pane calls it: method, path, and the shared zod schemas the server's declaration of that route
// uses for its answer and its input. The area modules (auth.ts, jobs.ts, …) declare their routes in tables of these
// and call them through `request`, so every answer's type is inferred from the schema the server answers with; a
// unit test (test/unit/addin/api-contract.test.ts) holds each table to the server's route list, schema for schema.
import type { z } from 'zod';
import type { Api, DownloadedFile } from './client.ts';

export type Endpoint = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the server declares it under /api, `:name` for path parameters. */
  path: `/api/${string}`;
  /**
   * The answer's schema, or 'empty' (no body), or 'event-stream' (server-sent events, opened by events.ts), or
   * 'file' (a download: the answer is a DownloadedFile).
   */
  response: z.ZodType | 'empty' | 'event-stream' | 'file';
  body?: z.ZodType;
  query?: z.ZodType;
};

/** What the route answers: the output of its response schema. */
export type Answer<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : E['response'] extends 'file'
    ? DownloadedFile
    : void;
type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : never;
type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.input<E['query']> : never;

export type RequestInput<E extends Endpoint> = {
  params?: Record<string, string>;
  query?: QueryOf<E>;
  body?: BodyOf<E>;
};

/** The path with its parameters filled in (encoded), and the query's defined values as search parameters. */
export function urlOf(endpoint: Endpoint, params: Record<string, string> = {}, query?: object): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.method} ${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // Lists go as `a,b`, which every list parameter of the API takes.
    if (value !== undefined && value !== null) search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Calls a route. The answer is not parsed again here: the server holds its answers to the same schemas (its
 * response checks run in every API test), and re-checking 10,000-row pages in the pane would cost what the
 * column form of a pull saves.
 */
export async function request<E extends Endpoint>(api: Api, endpoint: E, input: RequestInput<E> = {}): Promise<Answer<E>> {
  const url = urlOf(endpoint, input.params, input.query as object | undefined);
  return (await api.call(endpoint.method, url, input.body, endpoint.response === 'file' ? 'file' : 'json')) as Answer<E>;
}
