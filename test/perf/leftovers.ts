import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

// Benchmarks create databases, queue keys and directories; all of them are named with this
// prefix so the runner can check, after every benchmark, that nothing was left behind.
export const BENCH_PREFIX = `craftcert_bench_${process.pid}`;

/** A fresh temporary directory; remove it with `removeDir` in a finally block. */
export function benchTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), `${BENCH_PREFIX}_`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Deletes every Redis key starting with prefix (queue keys, rate-limit counters). */
export async function removeRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  try {
    for (const key of await redisKeys(redis, prefix)) await redis.unlink(key);
  } finally {
    redis.disconnect();
  }
}

async function redisKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/**
 * What this run left behind: bench databases on DATABASE_URL's server, bench keys in Redis and
 * bench directories under the temporary directory. The runner fails a benchmark that leaves any.
 */
export async function findLeftovers(): Promise<string[]> {
  const found: string[] = [];
  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${BENCH_PREFIX}%`],
      );
      found.push(...rows.map((r) => `database ${r.datname}`));
    } finally {
      await client.end();
    }
  }
  if (process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 });
    try {
      const keys = await redisKeys(redis, BENCH_PREFIX);
      if (keys.length > 0) found.push(`${keys.length} Redis keys such as ${keys[0]}`);
    } finally {
      redis.disconnect();
    }
  }
  const dirs = (await readdir(tmpdir())).filter((d) => d.startsWith(BENCH_PREFIX));
  found.push(...dirs.map((d) => `directory ${join(tmpdir(), d)}`));
  return found;
}
