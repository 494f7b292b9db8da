import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode } from '../errors/domain-error';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Translates a unique or foreign-key violation into a domain conflict with a message the
 * caller understands, so constraint names never reach a client. Anything else is rethrown.
 */
export function translateConstraintError(
  error: unknown,
  meanings: Record<string, string | { code: ErrorCode; message: string }>,
): never {
  if (error instanceof QueryFailedError) {
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    if ((code === UNIQUE_VIOLATION || code === FOREIGN_KEY_VIOLATION) && constraint) {
      const meaning = meanings[constraint];
      if (typeof meaning === 'string') throw new DomainError('CONFLICT', meaning);
      if (meaning) throw new DomainError(meaning.code, meaning.message);
    }
  }
  throw error;
}
