import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { configureQueueBackend, loadConfig, prepareRuntime } from '@craftcert/platform';
import { createApp } from '@craftcert/bootstrap';
import { BenchDatabase, openBenchDatabase } from './bench-database';
import { alternate, Benchmark, compare, Figure } from './harness';
import { BENCH_PREFIX, benchTempDir, removeDir, removeRedisKeys } from './leftovers';

const RECIPIENTS = 10_000;
const ADMIN_PASSWORD = 'bench-admin-password-1';

/**
 * Notification fan-out: one announcement to 10,000 holders of a role, from its outbox row
 * through the relay, the dispatch job and the in-app inbox, versus raw BullMQ adding and
 * processing 10,000 jobs that each write the same inbox row, on the same backend in the same run.
 */
export const benchmark: Benchmark = {
  name: 'notifications',
  async run() {
    const db = await openBenchDatabase();
    const pool = new Pool({ connectionString: db.url, max: 4 });
    try {
      const backends: ('postgres' | 'redis')[] = process.env.REDIS_URL
        ? ['postgres', 'redis']
        : ['postgres'];
      const results: Figure[] = [];
      for (const backend of backends) {
        const app = await openApp(db, backend);
        try {
          const organisationId = await seedRecipients(pool);
          const s = await alternate(
            {
              ours: () => fanOut(pool, organisationId),
              raw: () => rawBullmq(db, pool, backend, organisationId),
            },
            { rounds: 3 },
          );
          results.push(
            compare({
              name: `notifications.fan-out.${backend}`,
              description: `notifications/s: one announcement to ${RECIPIENTS} users, outbox → queue → inbox on bullmq-${backend}, vs raw BullMQ add+process of ${RECIPIENTS} inbox writes`,
              unit: 'notifications/s',
              subject: s.ours,
              baseline: s.raw,
              goal: { ratio: { atLeast: 0.5 } },
            }),
          );
        } finally {
          await app.close();
        }
      }
      return results;
    } finally {
      await pool.end();
      if (process.env.REDIS_URL) await removeRedisKeys(process.env.REDIS_URL, BENCH_PREFIX);
      await db.close();
    }
  },
};

async function openApp(db: BenchDatabase, backend: string) {
  const dataDir = await benchTempDir();
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : undefined,
    ROLE: 'all',
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD,
    QUEUE_PREFIX: `${BENCH_PREFIX}_notify_${backend}`,
    DATA_DIR: dataDir,
  });
  const app = await createApp(await prepareRuntime(config));
  await app.init();
  return {
    close: async () => {
      await app.close();
      await removeDir(dataDir);
    },
  };
}

/** 10,000 auditors in the first administrator's organisation (once per database). */
async function seedRecipients(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ organisation_id: string }>(
    'SELECT organisation_id FROM app_user ORDER BY created_at LIMIT 1',
  );
  const organisationId = rows[0].organisation_id;
  await pool.query(
    `INSERT INTO app_user (email, display_name, password_hash, organisation_id, roles)
     SELECT 'bench-' || g || '@craftcert.test', 'bench', 'x', $1, '{auditor}'
       FROM generate_series(1, $2::int) g
     ON CONFLICT DO NOTHING`,
    [organisationId, RECIPIENTS],
  );
  return organisationId;
}

async function inboxRows(pool: Pool, announcementId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inbox_notification WHERE data->>'announcementId' = $1`,
    [announcementId],
  );
  return rows[0].n;
}

async function until(pool: Pool, announcementId: string): Promise<void> {
  while ((await inboxRows(pool, announcementId)) < RECIPIENTS) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Commits the announcement's outbox row and waits until every inbox holds it. */
async function fanOut(pool: Pool, organisationId: string): Promise<number> {
  const announcementId = randomUUID();
  const started = process.hrtime.bigint();
  await pool.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2::jsonb)`, [
    'notification.announcement',
    JSON.stringify({
      announcementId,
      audience: { kind: 'role', organisationId, role: 'auditor' },
    }),
  ]);
  await until(pool, announcementId);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if ((await inboxRows(pool, announcementId)) !== RECIPIENTS) throw new Error('wrong count');
  return RECIPIENTS / seconds;
}

/** The same rows, one BullMQ job each, added in bulk and processed by a plain worker. */
async function rawBullmq(
  db: BenchDatabase,
  pool: Pool,
  backend: string,
  organisationId: string,
): Promise<number> {
  const prefix = `${BENCH_PREFIX}_raw_notify_${backend}`;
  const { connection } = configureQueueBackend({
    redisUrl: backend === 'redis' ? process.env.REDIS_URL : undefined,
    databaseUrl: db.url,
    prefix,
  });
  const { rows: users } = await pool.query<{ id: string }>(
    `SELECT id FROM app_user WHERE organisation_id = $1 AND 'auditor' = ANY(roles) ORDER BY id`,
    [organisationId],
  );
  const announcementId = randomUUID();
  const eventId = randomUUID();
  const data = JSON.stringify({ announcementId });
  const queue = new Queue('bench-inbox', { connection, prefix });
  const worker = new Worker(
    'bench-inbox',
    async (job) => {
      await pool.query(
        `INSERT INTO inbox_notification (user_id, event_id, topic, idempotency_key, subject, body, data)
         VALUES ($1, $2, 'notification.announcement', $3, '通知', '您有一条新通知。', $4::jsonb)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [job.data.userId, eventId, `${eventId}:inbox:${job.data.userId}`, data],
      );
    },
    { connection, prefix, concurrency: 4 },
  );
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < users.length; i += 1000) {
      await queue.addBulk(
        users.slice(i, i + 1000).map((u) => ({
          name: 'inbox',
          data: { userId: u.id },
          opts: { removeOnComplete: true },
        })),
      );
    }
    await until(pool, announcementId);
    return RECIPIENTS / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await worker.close();
    await queue.close();
  }
}
