import type { FieldError } from '../errors/domain-error';

const MAX_DEPTH = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorable(text: string): string | undefined {
  // PostgreSQL cannot store NUL characters in text, and no legitimate form input contains them.
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  // A lone surrogate is not Unicode text: it would be stored as U+FFFD (silently changing the
  // value), and validators that percent-encode their input (e-mail checks) throw on it.
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (a lone surrogate)';
  return undefined;
}

/**
 * Finds the first string (value or key) that is not storable text, so the request can be refused
 * with its path instead of failing deep down. Structures nested deeper than any form produces are
 * refused too (and cannot exhaust the stack).
 */
export function findUnstorableText(value: unknown, path = '', depth = 0): FieldError | undefined {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message ? { path: path || 'body', message } : undefined;
  }
  if (depth > MAX_DEPTH)
    return { path: path || 'body', message: `must not nest deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      const found =
        findUnstorableText(key, here, depth + 1) ?? findUnstorableText(item, here, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
