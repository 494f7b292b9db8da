import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

export interface SecretFile {
  value: string;
  /** True when this call generated the secret (the first start). */
  created: boolean;
}

/**
 * A secret kept in a file only its owner may read (mode 0600), generated on first use. The file
 * is written under a temporary name and then hard-linked into place, so a concurrent process
 * never reads a half-written secret, and when two create it at once the first one wins.
 */
export function readOrCreateSecretFile(path: string, generate: () => string): SecretFile {
  const existing = readSecretFile(path);
  if (existing !== undefined) return { value: existing, created: false };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return { value: readFileSync(path, 'utf8').trim(), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: readFileSync(path, 'utf8').trim(), created: false };
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * The secret in a file, or undefined when there is none. A file that others could read (e.g.
 * restored from a backup with a loose mode) is narrowed to 0600 before it is used.
 */
export function readSecretFile(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) !== 0) chmodSync(path, 0o600);
  const value = readFileSync(path, 'utf8').trim();
  if (!value) throw new Error(`${path} is empty: restore it from a backup`);
  return value;
}

/** 32 random bytes, base64url: a password or key with 256 bits of entropy. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
