/**
 * Stable error codes clients can rely on. Every code has exactly one HTTP status in
 * `statusForCode`; the switch there is exhaustive, so adding a code forces choosing one.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'DEFINITION_INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DEFINITION_IMMUTABLE'
  | 'DEFINITION_NOT_PUBLISHED'
  | 'DRAFT_PENDING'
  | 'NOMINATION_WINDOW_CLOSED'
  | 'QUOTA_EXCEEDED'
  | 'INVALID_TRANSITION'
  | 'PAYLOAD_INVALID'
  | 'UNAUTHENTICATED'
  | 'SIGN_IN_THROTTLED'
  | 'TOKEN_INVALID'
  | 'FORBIDDEN'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'ORIGIN_REFUSED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'SHUTTING_DOWN'
  | 'CALENDAR_DATA_MISSING'
  | 'LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `dossier.contests[0].rank`. */
  path: string;
  message: string;
}

/** A failure the caller can act on. Never extends HttpException: HTTP is the filter's concern. */
export class DomainError extends Error {
  /** When set, the answer carries it as a Retry-After header. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found`);
  }
}

export class RequestValidationError extends DomainError {
  constructor(errors: FieldError[]) {
    super('VALIDATION_FAILED', 'The request is invalid; see errors for each field.', errors);
  }
}

/**
 * Input over one of the limits that keep reading it bounded (rows, cells, nesting, aliases, the
 * memory or time it may take); the message starts with the limit's name, e.g. `rows: at most…`.
 */
export class LimitExceededError extends DomainError {
  constructor(path: string, message: string) {
    super('LIMIT_EXCEEDED', `The input is over a limit: ${message}`, [{ path, message }]);
  }
}

/** A larger input than a route reads (413), measured in bytes or, for text, characters. */
export class PayloadTooLargeError extends DomainError {
  constructor(path: string, max: number, unit: 'bytes' | 'characters' = 'bytes') {
    const message = `${unit}: at most ${max} ${unit}`;
    super('PAYLOAD_TOO_LARGE', `The input is over a limit: ${message}`, [{ path, message }]);
  }
}

export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'DEFINITION_INVALID':
    case 'TOKEN_INVALID':
    case 'PAYLOAD_INVALID':
    case 'LIMIT_EXCEEDED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'ORIGIN_REFUSED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'DEFINITION_IMMUTABLE':
    case 'DRAFT_PENDING':
    case 'QUOTA_EXCEEDED':
    case 'INVALID_TRANSITION':
    case 'NOMINATION_WINDOW_CLOSED':
      return 409;
    case 'DEFINITION_NOT_PUBLISHED':
    // Well-formed, but the reference data needed to process it is absent (not a conflict
    // between writes, which is what 409 says here); the admin declares the year to fix it.
    case 'CALENDAR_DATA_MISSING':
      return 422;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RATE_LIMITED':
    case 'SIGN_IN_THROTTLED':
      return 429;
    case 'SHUTTING_DOWN':
      return 503;
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped error code ${String(unreachable)}`);
    }
  }
}
