/**
 * Every failure a user can cause is an ApiError with a stable code. The code doubles as the
 * i18n key (`errors.<code>` in the catalogues); `params` fill the message's placeholders;
 * `details` carries per-field problems (validation) or per-row problems (imports).
 * Serialisable: it crosses IPC and HTTP as plain JSON.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'stale'
  | 'duplicate'
  | 'referenced'
  | 'forbidden'
  | 'out_of_scope'
  | 'unauthenticated'
  | 'session_expired'
  | 'invalid_credentials'
  | 'throttled'
  | 'user_inactive'
  | 'already_initialized'
  | 'not_initialized'
  | 'unknown_method'
  | 'internal'
  | (string & {});

export interface FieldIssue {
  /** dotted path of the offending field, e.g. "starRating" or "rows.3.amount" */
  path: string;
  /** i18n key of the reason, e.g. "v.required", "v.range" */
  reason: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorShape {
  code: ErrorCode;
  /** English fallback text, for logs and for callers without the catalogues */
  message: string;
  params?: Record<string, string | number>;
  details?: FieldIssue[] | unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly details?: FieldIssue[] | unknown;

  constructor(code: ErrorCode, message: string, params?: Record<string, string | number>, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, params: this.params, details: this.details };
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.params, shape.details);
  }
}

export function isApiErrorShape(x: unknown): x is ApiErrorShape {
  return typeof x === 'object' && x !== null && typeof (x as ApiErrorShape).code === 'string';
}

/** The envelope both transports use. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };
