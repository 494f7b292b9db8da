import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for links and refresh tokens (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a database leak yields no usable link or session. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
