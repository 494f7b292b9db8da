import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): strong, and ~20 ms on these machines.
const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so timing does not reveal which users exist. */
export const DUMMY_PASSWORD_HASH = hashPassword(randomBytes(16).toString('hex'));

export { randomToken, tokenHash } from '@craftcert/platform';

/** How throttle counters name an account: a hash of the e-mail as typed (lower-cased), known or not. */
export function accountHashOf(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex');
}
