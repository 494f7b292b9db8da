import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
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

// Real processes and BullMQ's stalled-job recovery (about 30 s): generous limits, no durations.
jest.setTimeout(300000);

const ADMIN = { email: 'admin@craftcert.test', password: 'admin-password-123' };

describe.each(queueBackendsUnderTest())(
  'a worker SIGKILLed mid-delivery on the %s backend',
  (backend) => {
    let database: TestDatabase;
    let db: Client;
    const calls: { headers: IncomingHttpHeaders; body: string }[] = [];
    const held: ServerResponse[] = [];
    let holdNext = true;
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        // The first call is never answered: the worker dies while it waits.
        if (holdNext) {
          holdNext = false;
          held.push(res);
          return;
        }
        res.end();
      });
    });

    beforeAll(async () => {
      database = await createTestDatabase();
      db = new Client({ connectionString: database.url });
      await db.connect();
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    });
    afterAll(async () => {
      for (const res of held) res.destroy();
      await new Promise((r) => receiver.close(r));
      await db.end();
      await database.drop();
    });

    it('retries the delivery in another process, and the receiver processes the message once', async () => {
      const prefix = uniqueName('q').toLowerCase();
      const start = async (): Promise<{ app: AppProcess; port: number }> => {
        const port = await freePort();
        const app = spawnApp({
          ROLE: 'all',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : undefined,
          QUEUE_PREFIX: prefix,
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          JWT_SECRET: 'craftcert-test-signing-secret-32-characters',
          PII_ENCRYPTION_KEY: 'Y3JhZnRjZXJ0LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=',
          NOTIFICATION_BACKOFF_MS: '100',
        });
        await waitUntilReady(port, app);
        return { app, port };
      };
      const first = await start();
      const api = `http://127.0.0.1:${first.port}`;
      const login = await fetch(`${api}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const me = (await (
        await fetch(`${api}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })
      ).json()) as { organisationId: string };
      const created = await fetch(`${api}/api/webhook-subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          organisationId: me.organisationId,
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
          topics: ['workflow.stage-closed'],
        }),
      });
      expect(created.status).toBe(201);
      const { secret } = (await created.json()) as { secret: string };

      // A committed change's event, as any context writes it.
      await db.query(
        `INSERT INTO outbox_event (topic, payload) VALUES ('workflow.stage-closed', $1::jsonb)`,
        [
          JSON.stringify({
            editionId: '00000000-0000-4000-8000-0000000000aa',
            stageId: 'review',
            forced: false,
          }),
        ],
      );
      await waitFor(async () => (calls.length > 0 ? true : undefined), {
        what: 'the first webhook call',
        timeoutMs: 120000,
      });
      expect((await stopApp(first.app, 'SIGKILL')).code).toBe('SIGKILL');
      const [pending] = (
        await db.query<{ status: string }>('SELECT status FROM notification_delivery')
      ).rows;
      expect(pending.status).toBe('pending');

      const second = await start();
      await waitFor(
        async () => {
          const { rows } = await db.query<{ status: string }>(
            'SELECT status FROM notification_delivery',
          );
          return rows[0]?.status === 'sent' ? true : undefined;
        },
        { what: 'the delivery to be retried and sent', timeoutMs: 240000 },
      );
      expect((await stopApp(second.app)).code).toBe(0);

      // Every call is the same message (one webhook-id, verified), so a receiver that keeps the
      // ids it processed processes it once; the delivery was recorded sent once.
      expect(calls.length).toBeGreaterThanOrEqual(2);
      const processed = new Set<string>();
      for (const call of calls) {
        new Webhook(secret).verify(call.body, {
          'webhook-id': String(call.headers['webhook-id']),
          'webhook-timestamp': String(call.headers['webhook-timestamp']),
          'webhook-signature': String(call.headers['webhook-signature']),
        });
        processed.add(String(call.headers['webhook-id']));
      }
      expect(processed.size).toBe(1);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'sent'`,
      );
      expect(rows[0].n).toBe(1);
    });
  },
);
