// The one error type of ShipSheet. The server maps `type` to an HTTP status in one place; the add-in reads the
// same body shape. `message` is already rendered in the client's language; `code` is stable for programs.

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
  readonly details: FieldIssue[] | Record<string, unknown> | undefined;
  /** Seconds a client should wait before retrying (rate limits). */
  readonly retryAfter: number | undefined;

  constructor(
    type: ErrorType,
    code: string,
    message: string,
    options: { details?: FieldIssue[] | Record<string, unknown>; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.type = type;
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }
}
