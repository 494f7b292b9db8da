import { Queue } from 'bullmq';
import { Client } from 'pg';
import { configureQueueBackend, JobName, QueueName } from '@craftcert/platform';
import {
  AppProcess,
  createTestDatabase,
  freePort,
  queueBackendsUnderTest,
  spawnApp,
  stopApp,
  TestDatabase,
  uniqueName,
  waitFor,
  waitUntilReady,
} from '@craftcert/testing';

// Each test starts real processes; a busy machine needs the time (nothing here asserts one).
jest.setTimeout(300000);

describe.each(queueBackendsUnderTest())('worker processes on the %s backend', (backend) => {
  let database: TestDatabase;
  let db: Client;
  let queue: Queue;
  let prefix: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    prefix = uniqueName('q').toLowerCase();
    const backendConfig = configureQueueBackend({
      redisUrl: backend === 'redis' ? process.env.REDIS_URL : undefined,
      databaseUrl: database.url,
      prefix,
    });
    queue = new Queue(QueueName.System, { connection: backendConfig.connection, prefix });
  });
  afterAll(async () => {
    await queue.close();
    await db.end();
    await database.drop();
  });

  const startWorker = (env: Record<string, string> = {}): AppProcess =>
    spawnApp({
      ...env,
      ROLE: 'worker',
      DATABASE_URL: database.url,
      REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : undefined,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    });
  const pings = async () =>
    (await db.query<{ job_id: string; runs: number }>('SELECT job_id, runs FROM system_ping')).rows;

  it('lets a running job finish when SIGTERM arrives, then exits 0', async () => {
    const worker = startWorker();
    const job = await queue.add(JobName.SystemPing, { delayMs: 2500 });
    await waitFor(async () => ((await job.getState()) === 'active' ? true : undefined), {
      what: 'the job to become active',
      timeoutMs: 120000,
    });
    const stop = await stopApp(worker);
    expect(stop.code).toBe(0);
    expect(await job.getState()).toBe('completed');
    expect((await pings()).find((p) => p.job_id === job.id)?.runs).toBe(1);
  });

  it('answers liveness and readiness on its own port, and serves no API there', async () => {
    const port = await freePort();
    const worker = startWorker({ HEALTH_PORT: String(port) });
    const ready = await waitUntilReady(port, worker);
    expect(ready.body.details.database.kind).toBe('postgres');
    expect(ready.body.details.queues.kind).toBe(`bullmq-${backend}`);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    for (const path of ['/api/me', '/api/programmes', '/api/docs']) {
      expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(404);
    }
    const before = await queue.getJobCountByTypes('completed');
    const job = await queue.add(JobName.SystemPing, { note: 'metrics' });
    // This worker runs the ping (none is left for the next test), and /metrics counts it.
    const metrics = await waitFor(
      async () => {
        if ((await job.getState()) !== 'completed') return undefined;
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        const completed =
          /bullmq_job_count\{[^}]*queue="system"[^}]*state="completed"[^}]*\} (\d+)/.exec(text);
        return completed && Number(completed[1]) > before ? text : undefined;
      },
      { what: 'the completed ping in the metrics', timeoutMs: 120000 },
    );
    expect(metrics).toContain('# TYPE bullmq_job_count gauge');
    expect((await stopApp(worker)).code).toBe(0);
  });

  it('never processes the same job twice across two worker processes', async () => {
    await db.query('DELETE FROM system_ping');
    const workers = [startWorker(), startWorker()];
    const jobs = await queue.addBulk(
      Array.from({ length: 200 }, (_, i) => ({
        name: JobName.SystemPing,
        data: { note: `n${i}` },
      })),
    );
    // Only this test's jobs count: a ping an earlier test left behind may still run meanwhile.
    const ids = new Set(jobs.map((j) => j.id));
    const ours = async () => (await pings()).filter((r) => ids.has(r.job_id));
    await waitFor(async () => ((await ours()).length === jobs.length ? true : undefined), {
      what: 'all 200 pings',
      timeoutMs: 120000,
    });
    const rows = await ours();
    expect(rows.every((r) => r.runs === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.job_id))).toEqual(new Set(jobs.map((j) => j.id)));
    for (const worker of workers) expect((await stopApp(worker)).code).toBe(0);
  });
});
