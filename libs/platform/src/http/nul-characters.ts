import type { FieldError } from '../errors/domain-error';

/**
 * PostgreSQL cannot store NUL characters in text, and no legitimate form input contains them:
 * find the first one so the request can be refused with its path instead of failing deep down.
 */
export function findNulCharacter(value: unknown, path = ''): FieldError | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { path: path || 'body', message: 'must not contain NUL characters' }
      : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found =
        findNulCharacter(key, path ? `${path}.${key}` : key) ??
        findNulCharacter(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
