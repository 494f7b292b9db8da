import { ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { freePort, startTestApp, TestApp, waitFor } from '@craftcert/testing';

// A Redis of its own (never the shared one), stopped and started again; no durations asserted.
jest.setTimeout(300000);

function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.write('PING\r\n');
    });
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

async function stop(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((r) => redis.once('exit', r));
  redis.kill('SIGTERM');
  await exited;
}

describe('with Redis stopped while people keep working', () => {
  let port: number;
  let redis: ChildProcess;
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    await waitFor(async () => ((await answers(port)) ? true : undefined), { what: 'redis' });
    t = await startTestApp({
      backend: 'redis',
      extra: { REDIS_URL: `redis://127.0.0.1:${port}` },
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    if (redis.exitCode !== null || redis.signalCode !== null) redis = startRedis(port);
    await t.close();
    await stop(redis);
  });

  const invite = async (email: string) =>
    t.request({
      method: 'POST',
      url: '/api/invitations',
      token: await t.adminToken(),
      payload: {
        email,
        organisationId: (await t.request({ url: '/api/me', token: await t.adminToken() })).json<{
          organisationId: string;
        }>().organisationId,
        roles: ['auditor'],
      },
    });

  const mailsTo = async (emails: string[]) => {
    const res = await t.request({
      url: '/api/notifications/mail?limit=200',
      token: await t.adminToken(),
    });
    const files = res.json<{ files: { to: string }[] }>().files;
    return emails.map((e) => files.filter((f) => f.to.includes(e)).length);
  };

  it('answers every request, and every notification arrives once after Redis returns', async () => {
    await t.adminToken();
    await stop(redis);
    const emails = Array.from(
      { length: 5 },
      () => `outage-${randomUUID().slice(0, 8)}@craftcert.test`,
    );
    for (const email of emails) expect((await invite(email)).statusCode).toBe(201);
    const pending = (await db.query(
      `SELECT count(*)::int AS n FROM outbox_event
        WHERE topic = 'identity.invitation-created' AND dispatched_at IS NULL`,
    )) as { n: number }[];
    expect(pending[0].n).toBeGreaterThanOrEqual(emails.length);
    expect(await mailsTo(emails)).toEqual([0, 0, 0, 0, 0]);

    redis = startRedis(port);
    await waitFor(async () => ((await mailsTo(emails)).every((n) => n > 0) ? true : undefined), {
      what: 'every invitation after Redis returned',
      timeoutMs: 180000,
      intervalMs: 500,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(emails)).toEqual([1, 1, 1, 1, 1]);
  });
});
