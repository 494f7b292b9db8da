import type { FieldError } from '../errors/domain-error';

const MAX_DEPTH = 64;

/**
 * PostgreSQL cannot store NUL characters in text, and no legitimate form input contains them:
 * find the first one so the request can be refused with its path instead of failing deep down.
 * Structures nested deeper than any form produces are refused too (and cannot exhaust the stack).
 */
export function findNulCharacter(value: unknown, path = '', depth = 0): FieldError | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { path: path || 'body', message: 'must not contain NUL characters' }
      : undefined;
  }
  if (depth > MAX_DEPTH)
    return { path: path || 'body', message: `must not nest deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      const found =
        findNulCharacter(key, here, depth + 1) ?? findNulCharacter(item, here, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
