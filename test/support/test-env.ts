import { randomBytes } from 'node:crypto';

/** Names and URLs the suite shares; global setup fills them in before workers start. */
export const TEST_ENV = {
  adminUrl: 'CRAFTCERT_TEST_ADMIN_URL',
  templateDb: 'CRAFTCERT_TEST_TEMPLATE_DB',
} as const;

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the suite through jest (global setup sets it)`);
  return value;
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export type QueueBackendName = 'postgres' | 'redis';

/**
 * The queue backends to test against. Redis runs whenever REDIS_URL is set; in CI a missing
 * REDIS_URL is an error, so the Redis suites can never be skipped silently there.
 */
export function queueBackendsUnderTest(): QueueBackendName[] {
  if (process.env.REDIS_URL) return ['postgres', 'redis'];
  if (process.env.CI) throw new Error('REDIS_URL must be set in CI so the Redis-backed suites run');
  return ['postgres'];
}
