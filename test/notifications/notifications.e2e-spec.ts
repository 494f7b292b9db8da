import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { decodeHeader, DispatchEventUseCase, headerOf } from '@craftcert/notifications';
import { addOutboxEvent, Topic } from '@craftcert/platform';
import {
  createOrganisation,
  createStaff,
  mailBody,
  queueBackendsUnderTest,
  startTestApp,
  TestApp,
  waitFor,
} from '@craftcert/testing';

interface MailListing {
  mode: string;
  files: { fileName: string; to: string; subject: string }[];
}

async function invite(t: TestApp, email: string, organisationId: string, language?: 'zh' | 'en') {
  const res = await t.request({
    method: 'POST',
    url: '/api/invitations',
    token: await t.adminToken(),
    payload: { email, organisationId, roles: ['auditor'], ...(language ? { language } : {}) },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; acceptUrl: string }>();
}

async function adminOrganisation(t: TestApp): Promise<string> {
  const me = await t.request({ url: '/api/me', token: await t.adminToken() });
  return me.json<{ organisationId: string }>().organisationId;
}

/** A webhook receiver on loopback that answers with the status it is told to. */
class Receiver {
  readonly calls: { headers: IncomingHttpHeaders; body: string }[] = [];
  status = 200;
  private server: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.status;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

const headersOf = (h: IncomingHttpHeaders) => ({
  'webhook-id': String(h['webhook-id']),
  'webhook-timestamp': String(h['webhook-timestamp']),
  'webhook-signature': String(h['webhook-signature']),
});

describe.each(queueBackendsUnderTest())('notifications on the %s backend', (backend) => {
  let t: TestApp;
  let db: DataSource;
  const receiver = new Receiver();
  let hookUrl: string;

  beforeAll(async () => {
    t = await startTestApp({
      backend,
      extra: { NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '50' },
    });
    db = t.app.get(DataSource);
    hookUrl = await receiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const mailTo = async (email: string) => {
    const res = await t.request({ url: '/api/notifications/mail', token: await t.adminToken() });
    expect(res.statusCode).toBe(200);
    return res.json<MailListing>().files.filter((f) => f.to.includes(email));
  };

  const deliveriesOf = async (eventTopic: string, recipientId: string) =>
    (await db.query(
      'SELECT id, status, attempts FROM notification_delivery WHERE topic = $1 AND recipient_id = $2',
      [eventTopic, recipientId],
    )) as { id: string; status: string; attempts: number }[];

  it('keeps no token, link or address in the outbox, and sends the invitation once as an .eml file an administrator can read', async () => {
    const email = `newcomer-${randomUUID().slice(0, 8)}@craftcert.test`;
    const invitation = await invite(t, email, await adminOrganisation(t), 'en');
    const [event] = (await db.query(
      `SELECT payload FROM outbox_event WHERE topic = 'identity.invitation-created' AND payload->>'invitationId' = $1`,
      [invitation.id],
    )) as { payload: Record<string, unknown> }[];
    expect(event.payload).toEqual({ invitationId: invitation.id });

    const [file] = await waitFor(
      async () => {
        const files = await mailTo(email);
        return files.length > 0 ? files : undefined;
      },
      { what: 'the invitation e-mail', timeoutMs: 60000 },
    );
    expect(file.subject).toMatch(/^Your invitation to craftcert/);

    // In embedded mode (no SMTP_URL) the link in the file alone lets the newcomer in.
    const raw = await t.request({
      url: `/api/notifications/mail/${file.fileName}`,
      token: await t.adminToken(),
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toMatch(/message\/rfc822/);
    const link = /https?:\/\/\S+accept-invitation\?token=[A-Za-z0-9_-]+/.exec(
      mailBody(raw.body),
    )?.[0];
    expect(link).toBeDefined();
    const accepted = await t.request({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: {
        token: new URL(link!).searchParams.get('token'),
        displayName: 'Newcomer',
        password: 'newcomer-password-1',
      },
      remoteAddress: '10.77.0.1',
    });
    expect(accepted.statusCode).toBe(200);
    await t.login(email, 'newcomer-password-1');

    // Exactly once: relaying the same event again and dispatching it twice sends nothing new.
    await db.query(
      `UPDATE outbox_event SET dispatched_at = NULL WHERE payload->>'invitationId' = $1`,
      [invitation.id],
    );
    await waitFor(
      async () => {
        const [row] = (await db.query(
          `SELECT dispatched_at FROM outbox_event WHERE payload->>'invitationId' = $1`,
          [invitation.id],
        )) as { dispatched_at: Date | null }[];
        return row.dispatched_at ? true : undefined;
      },
      { what: 'the event to be relayed again' },
    );
    const [outboxRow] = (await db.query(
      `SELECT id FROM outbox_event WHERE payload->>'invitationId' = $1`,
      [invitation.id],
    )) as { id: string }[];
    const dispatch = t.app.get(DispatchEventUseCase);
    const again = await dispatch.execute({
      eventId: outboxRow.id,
      topic: Topic.InvitationCreated,
      payload: { invitationId: invitation.id },
    });
    expect(again.deliveries).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toHaveLength(1);
    // The file is written before its delivery is marked sent: wait for the mark.
    const delivered = await waitFor(
      async () => {
        const rows = await deliveriesOf(Topic.InvitationCreated, invitation.id);
        return rows.length > 0 && rows.every((r) => r.status !== 'pending') ? rows : undefined;
      },
      { what: 'the invitation delivery marked sent', timeoutMs: 60000 },
    );
    expect(delivered).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });

  it('emits nothing for a change that rolled back', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM outbox_event')) as {
      n: number;
    }[];
    const announcementId = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await addOutboxEvent(tx, Topic.Announcement, {
          announcementId,
          audience: { kind: 'users', userIds: [] },
        });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const after = (await db.query('SELECT count(*)::int AS n FROM outbox_event')) as {
      n: number;
    }[];
    expect(after[0].n).toBe(before[0].n);
    await new Promise((r) => setTimeout(r, 500));
    const delivered = (await db.query(
      `SELECT count(*)::int AS n FROM inbox_notification WHERE data->>'announcementId' = $1`,
      [announcementId],
    )) as { n: number }[];
    expect(delivered[0].n).toBe(0);
  });

  it('refuses to write a link or an address into the outbox', async () => {
    await expect(
      db.transaction((tx) =>
        addOutboxEvent(tx, Topic.InvitationCreated, {
          invitationId: randomUUID(),
          acceptUrl: 'http://x/?token=secret',
        } as never),
      ),
    ).rejects.toThrow(/acceptUrl may not be written to the outbox/);
  });

  it('fills the in-app inbox of everyone holding a role in an organisation, with unread counts and marking read', async () => {
    const unionId = await createOrganisation(t, {
      kind: 'districtUnion',
      name: `Union ${randomUUID()}`,
      parentId: await adminOrganisation(t),
      district: '拱墅区',
    });
    const unitId = await createOrganisation(t, {
      kind: 'enterprise',
      name: `Works ${randomUUID()}`,
      parentId: unionId,
      industrySection: 'C',
    });
    const [a, b] = [
      await createStaff(t, unitId, ['unitNominator']),
      await createStaff(t, unitId, ['unitNominator']),
    ];
    const outsider = await createStaff(t, unitId, ['unitApprover']);
    const announcementId = randomUUID();
    await db.transaction((tx) =>
      addOutboxEvent(tx, Topic.Announcement, {
        announcementId,
        audience: { kind: 'role', organisationId: unitId, role: 'unitNominator' },
      }),
    );
    const inbox = async (token: string) =>
      (await t.request({ url: '/api/me/notifications', token })).json<
        {
          id: string;
          topic: string;
          subject: string;
          readAt: string | null;
          data: Record<string, unknown>;
        }[]
      >();
    const [first] = await waitFor(
      async () => {
        const items = (await inbox(a.token)).filter(
          (n) => n.data.announcementId === announcementId,
        );
        return items.length > 0 ? items : undefined;
      },
      { what: 'the announcement in the inbox' },
    );
    expect(first).toEqual(
      expect.objectContaining({ topic: Topic.Announcement, subject: '通知', readAt: null }),
    );
    expect(
      (await inbox(b.token)).filter((n) => n.data.announcementId === announcementId),
    ).toHaveLength(1);
    expect(
      (await inbox(outsider.token)).filter((n) => n.data.announcementId === announcementId),
    ).toHaveLength(0);

    const unread = async (token: string) =>
      (await t.request({ url: '/api/me/notifications/unread-count', token })).json<{
        unread: number;
      }>().unread;
    const before = await unread(a.token);
    expect(before).toBeGreaterThanOrEqual(1);
    // Someone else's notification is as good as absent.
    const foreign = await t.request({
      method: 'POST',
      url: `/api/me/notifications/${first.id}/read`,
      token: b.token,
    });
    expect(foreign.statusCode).toBe(404);
    const read = await t.request({
      method: 'POST',
      url: `/api/me/notifications/${first.id}/read`,
      token: a.token,
    });
    expect(read.statusCode).toBe(204);
    expect(await unread(a.token)).toBe(before - 1);
    expect(await unread(b.token)).toBeGreaterThanOrEqual(1);
    const all = await t.request({
      method: 'POST',
      url: '/api/me/notifications/read-all',
      token: b.token,
    });
    expect(all.statusCode).toBe(200);
    expect(await unread(b.token)).toBe(0);
  });

  it('signs webhook calls so the standard verifier accepts them, refuses altered or replayed ones, and keeps both secrets valid across a rotation', async () => {
    const organisationId = await adminOrganisation(t);
    const created = await t.request({
      method: 'POST',
      url: '/api/webhook-subscriptions',
      token: await t.adminToken(),
      payload: { organisationId, url: hookUrl, topics: [Topic.StageClosed] },
    });
    expect(created.statusCode).toBe(201);
    const { id: subscriptionId, secret } = created.json<{ id: string; secret: string }>();
    expect(secret).toMatch(/^whsec_/);

    const editionId = randomUUID();
    await db.transaction((tx) =>
      addOutboxEvent(tx, Topic.StageClosed, {
        editionId,
        stageId: 'review',
        forced: false,
        passed: 3,
      }),
    );
    const call = await waitFor(async () => receiver.calls.find((c) => c.body.includes(editionId)), {
      what: 'the webhook call',
      timeoutMs: 60000,
    });
    const verified = new Webhook(secret).verify(call.body, headersOf(call.headers)) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(verified.type).toBe(Topic.StageClosed);
    expect(verified.data).toEqual({ editionId, stageId: 'review', forced: false, passed: 3 });

    // Altered body, or the captured signature replayed with a fresh timestamp: refused.
    expect(() =>
      new Webhook(secret).verify(
        call.body.replace('"passed":3', '"passed":4'),
        headersOf(call.headers),
      ),
    ).toThrow();
    expect(() =>
      new Webhook(secret).verify(call.body, {
        ...headersOf(call.headers),
        'webhook-timestamp': String(Math.floor(Date.now() / 1000) + 1),
      }),
    ).toThrow();
    // The same request replayed ten minutes later is outside the verifier's tolerance.
    jest.useFakeTimers({ now: Date.now() + 10 * 60_000 });
    try {
      expect(() => new Webhook(secret).verify(call.body, headersOf(call.headers))).toThrow(
        /timestamp/i,
      );
    } finally {
      jest.useRealTimers();
    }

    const rotated = await t.request({
      method: 'POST',
      url: `/api/webhook-subscriptions/${subscriptionId}/secret`,
      token: await t.adminToken(),
    });
    expect(rotated.statusCode).toBe(200);
    const newSecret = rotated.json<{ secret: string }>().secret;
    const nextEdition = randomUUID();
    await db.transaction((tx) =>
      addOutboxEvent(tx, Topic.StageClosed, {
        editionId: nextEdition,
        stageId: 'review',
        forced: true,
      }),
    );
    const next = await waitFor(
      async () => receiver.calls.find((c) => c.body.includes(nextEdition)),
      { what: 'the call after rotation', timeoutMs: 60000 },
    );
    expect(() => new Webhook(newSecret).verify(next.body, headersOf(next.headers))).not.toThrow();
    expect(() => new Webhook(secret).verify(next.body, headersOf(next.headers))).not.toThrow();

    // A delivery is marked sent once the receiver's answer is in: the log may lag the call.
    const deliveries = await waitFor(
      async () => {
        const log = await t.request({
          url: `/api/webhook-subscriptions/${subscriptionId}/deliveries`,
          token: await t.adminToken(),
        });
        expect(log.statusCode).toBe(200);
        const rows = log.json<{ status: string; responseStatus: number }[]>();
        return rows.every((r) => r.status !== 'pending') ? rows : undefined;
      },
      { what: 'both deliveries recorded', timeoutMs: 60000 },
    );
    expect(deliveries).toEqual([
      expect.objectContaining({ status: 'sent', responseStatus: 200 }),
      expect.objectContaining({ status: 'sent', responseStatus: 200 }),
    ]);
    await t.request({
      method: 'DELETE',
      url: `/api/webhook-subscriptions/${subscriptionId}`,
      token: await t.adminToken(),
    });
  });

  it('moves a delivery that fails every attempt to the dead letters, and a manual retry sends it once', async () => {
    const organisationId = await adminOrganisation(t);
    const created = await t.request({
      method: 'POST',
      url: '/api/webhook-subscriptions',
      token: await t.adminToken(),
      payload: { organisationId, url: hookUrl, topics: [Topic.StageOverdue] },
    });
    const { id: subscriptionId, secret } = created.json<{ id: string; secret: string }>();
    receiver.status = 500;
    const editionId = randomUUID();
    await db.transaction((tx) =>
      addOutboxEvent(tx, Topic.StageOverdue, {
        editionId,
        stageId: 'review',
        openCandidates: 2,
        escalated: 1,
      }),
    );
    const dead = await waitFor(
      async () => {
        const res = await t.request({
          url: '/api/notifications/dead-letters',
          token: await t.adminToken(),
        });
        return res
          .json<{ id: string; recipientId: string; attempts: number; lastError: string }[]>()
          .find((d) => d.recipientId === subscriptionId);
      },
      { what: 'the dead letter', timeoutMs: 60000 },
    );
    expect(dead.attempts).toBe(2);
    expect(dead.lastError).toMatch(/500/);
    const failedCalls = receiver.calls.filter((c) => c.body.includes(editionId)).length;
    expect(failedCalls).toBe(2);

    receiver.status = 200;
    const retried = await t.request({
      method: 'POST',
      url: `/api/notifications/deliveries/${dead.id}/retry`,
      token: await t.adminToken(),
    });
    expect(retried.statusCode).toBe(204);
    // Retrying what is no longer dead is refused.
    const again = await t.request({
      method: 'POST',
      url: `/api/notifications/deliveries/${dead.id}/retry`,
      token: await t.adminToken(),
    });
    expect(again.statusCode).toBe(409);
    await waitFor(
      async () => {
        const [row] = (await db.query('SELECT status FROM notification_delivery WHERE id = $1', [
          dead.id,
        ])) as { status: string }[];
        return row.status === 'sent' ? true : undefined;
      },
      { what: 'the retried delivery to be sent', timeoutMs: 60000 },
    );
    const calls = receiver.calls.filter((c) => c.body.includes(editionId));
    expect(calls).toHaveLength(failedCalls + 1);
    expect(() =>
      new Webhook(secret).verify(calls.at(-1)!.body, headersOf(calls.at(-1)!.headers)),
    ).not.toThrow();
    // The same webhook-id on every attempt, for the receiver's own de-duplication.
    expect(new Set(calls.map((c) => c.headers['webhook-id']))).toEqual(new Set([dead.id]));
    expect(
      (await t.request({ url: '/api/notifications/dead-letters', token: await t.adminToken() }))
        .json<{ id: string }[]>()
        .some((d) => d.id === dead.id),
    ).toBe(false);
  });
});

describe('e-mail over SMTP', () => {
  let t: TestApp;
  let smtp: import('smtp-server').SMTPServer;
  const received: { to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    const { SMTPServer } = await import('smtp-server');
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({ extra: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('delivers an invitation in Chinese through a real SMTP server, and writes no .eml file', async () => {
    const email = `zh-${randomUUID().slice(0, 8)}@craftcert.test`;
    await invite(t, email, await adminOrganisation(t), 'zh');
    const message = await waitFor(async () => received.find((m) => m.to.includes(email)), {
      what: 'the e-mail at the SMTP server',
      timeoutMs: 60000,
    });
    expect(decodeHeader(headerOf(message.raw, 'subject') ?? '')).toMatch(
      /^邀请您加入 craftcert（.+）$/,
    );
    const body = mailBody(message.raw);
    expect(body).toContain('您被邀请加入 craftcert 工匠认定平台');
    expect(body).toMatch(/accept-invitation\?token=[A-Za-z0-9_-]{20,}/);
    const listing = await t.request({
      url: '/api/notifications/mail',
      token: await t.adminToken(),
    });
    expect(listing.json<MailListing>()).toEqual({ mode: 'smtp', files: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });
});
