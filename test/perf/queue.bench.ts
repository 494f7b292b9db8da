import { hostname } from 'node:os';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import {
  configureQueueBackend,
  JobName,
  JobQueue,
  loadConfig,
  PING_CONCURRENCY,
  prepareRuntime,
  QueueName,
} from '@craftcert/platform';
import { createApp } from '@craftcert/bootstrap';
import { BenchDatabase, openBenchDatabase } from './bench-database';
import { alternate, Benchmark, compare, Figure } from './harness';
import { BENCH_PREFIX, benchTempDir, removeDir, removeRedisKeys } from './leftovers';

const JOBS = 1000;
const UPSERT = `INSERT INTO system_ping (job_id, processed_by) VALUES ($1, $2)
  ON CONFLICT (job_id) DO UPDATE SET runs = system_ping.runs + 1`;

/**
 * system.ping throughput through craftcert's queue layer (JobQueue + JobProcessor in a Nest
 * worker) versus raw BullMQ doing the same database write, on the same backend in the same run.
 */
export const benchmark: Benchmark = {
  name: 'queue',
  async run() {
    const db = await openBenchDatabase();
    const pool = new Pool({ connectionString: db.url, max: 4 });
    try {
      const backends: ('postgres' | 'redis')[] = process.env.REDIS_URL
        ? ['postgres', 'redis']
        : ['postgres'];
      if (!process.env.REDIS_URL) console.log('  (REDIS_URL not set: Redis backend skipped)');
      const results: Figure[] = [];
      for (const backend of backends) {
        const s = await alternate(
          {
            ours: () => queueLayer(db, pool, backend),
            raw: () => rawBullmq(db, pool, backend),
          },
          { rounds: 3 },
        );
        results.push(
          compare({
            name: `queue.${backend}`,
            description: `system.ping jobs/s on bullmq-${backend}, ${JOBS} jobs (queue layer vs raw BullMQ)`,
            unit: 'jobs/s',
            subject: s.ours,
            baseline: s.raw,
          }),
        );
      }
      return results;
    } finally {
      await pool.end();
      if (process.env.REDIS_URL) await removeRedisKeys(process.env.REDIS_URL, BENCH_PREFIX);
      await db.close();
    }
  },
};

async function waitForRows(pool: Pool, expected: number): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM system_ping');
    if (Number(rows[0].n) >= expected) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function timed(pool: Pool, enqueueAll: () => Promise<unknown>): Promise<number> {
  await pool.query('DELETE FROM system_ping');
  const started = process.hrtime.bigint();
  await enqueueAll();
  await waitForRows(pool, JOBS);
  return JOBS / (Number(process.hrtime.bigint() - started) / 1e9);
}

function inBatches(add: (i: number) => Promise<unknown>): () => Promise<void> {
  return async () => {
    for (let i = 0; i < JOBS; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => add(i + k)));
    }
  };
}

async function queueLayer(db: BenchDatabase, pool: Pool, backend: string): Promise<number> {
  const dataDir = await benchTempDir();
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : undefined,
    ROLE: 'worker',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: `${BENCH_PREFIX}_ours_${backend}`,
    // Its own data directory: the worker's audit checkpoint key and log stay out of ./.data.
    DATA_DIR: dataDir,
  });
  const runtime = await prepareRuntime(config);
  const app = await createApp(runtime);
  await app.init();
  try {
    const jobs = app.get(JobQueue);
    return await timed(
      pool,
      inBatches((i) => jobs.enqueue(JobName.SystemPing, { note: `n${i}` })),
    );
  } finally {
    await app.close();
    await removeDir(dataDir);
  }
}

async function rawBullmq(db: BenchDatabase, pool: Pool, backend: string): Promise<number> {
  const prefix = `${BENCH_PREFIX}_raw_${backend}`;
  const { connection } = configureQueueBackend({
    redisUrl: backend === 'redis' ? process.env.REDIS_URL : undefined,
    databaseUrl: db.url,
    prefix,
  });
  const queue = new Queue(QueueName.System, { connection, prefix });
  const worker = new Worker(
    QueueName.System,
    async (job) => {
      await pool.query(UPSERT, [job.id, `${hostname()}:${process.pid}`]);
      return { pong: job.data.note ?? 'pong' };
    },
    { connection, prefix, concurrency: PING_CONCURRENCY },
  );
  try {
    return await timed(
      pool,
      inBatches((i) => queue.add(JobName.SystemPing, { note: `n${i}` })),
    );
  } finally {
    await worker.close();
    await queue.close();
  }
}
