// The one error type of ShipSheet. The server maps `type` to an HTTP status in one place; the add-in reads the
// same body shape. On the wire `message` is rendered in the client's language; `code` is stable for programs.
// Inside the server an AppError carries its words unrendered (`text`, a Message or a string): the HTTP edge
// renders them, and the details' messages, in the request's language (server/http/render.ts).
import { render, type Text } from './i18n.ts';

export const ERROR_TYPES = [
  'invalid_data',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'upstream_failed',
  'unexpected',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** One problem with one field of a request or one row of a sheet. */
export type FieldIssue = { field?: string; row?: number; code?: string; message: string };
/** A FieldIssue as the server builds it, its message not yet rendered. */
export type FieldProblem = Omit<FieldIssue, 'message'> & { message: Text };

export type ErrorBody = {
  error: {
    type: ErrorType;
    code: string;
    message: string;
    details?: FieldIssue[] | Record<string, unknown>;
    request_id?: string;
  };
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  /** What to tell the caller, rendered by the HTTP edge; `message` holds it in Korean for logs and plain readers. */
  readonly text: Text;
  readonly details: FieldProblem[] | Record<string, unknown> | undefined;
  /** Seconds a client should wait before retrying (rate limits). */
  readonly retryAfter: number | undefined;

  constructor(
    type: ErrorType,
    code: string,
    text: Text,
    options: { details?: FieldProblem[] | Record<string, unknown>; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(render(text, 'ko'), options.cause === undefined ? undefined : { cause: options.cause });
    this.text = text;
    this.name = 'AppError';
    this.type = type;
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }
}
