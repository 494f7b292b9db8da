import { JobName, JobQueue, QueueName } from '@craftcert/platform';
import {
  createOrganisation,
  createStaff,
  queueBackendsUnderTest,
  startTestApp,
  TestApp,
  waitFor,
} from '@craftcert/testing';

interface BoardQueue {
  name: string;
  jobs: { id: string; name: string }[];
}

describe.each(queueBackendsUnderTest())('queue dashboard on the %s backend', (backend) => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp({ backend });
    adminToken = await t.adminToken();
  });
  afterAll(() => t.close());

  const boardQueues = async (): Promise<BoardQueue[]> => {
    const res = await t.request({
      url: '/admin/queues/api/queues?activeQueue=system&status=completed&page=1',
      token: adminToken,
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ queues: BoardQueue[] }>().queues;
  };

  it('refuses anyone who is not signed in, and staff who do not run the secretariat', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
      const anonymous = await t.request({ url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json<{ code: string }>().code).toBe('UNAUTHENTICATED');
    }
    const enterprise = await createOrganisation(t, {
      kind: 'enterprise',
      name: '看板测试企业',
      parentId: await createOrganisation(t, {
        kind: 'districtUnion',
        name: '看板测试区总工会',
        parentId: (await t.request({ url: '/api/me', token: adminToken })).json<{
          organisationId: string;
        }>().organisationId,
        district: '上城区',
      }),
    });
    const nominator = await createStaff(t, enterprise, ['unitNominator']);
    const refused = await t.request({ url: '/admin/queues/api/queues', token: nominator.token });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(QueueName.Workflow);
    const forged = await t.request({ url: '/admin/queues', token: `${adminToken}x` });
    expect(forged.statusCode).toBe(401);
  });

  it('opens in a browser with the session cookie, and refuses cross-site writes riding it', async () => {
    const cookie = `craftcert_access=${adminToken}`;
    const page = await t.request({ url: '/admin/queues', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const crossSite = await t.request({
      method: 'PUT',
      url: `/admin/queues/api/queues/${QueueName.System}/retry/failed`,
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('shows the secretariat every queue and the jobs that ran on it', async () => {
    const page = await t.request({ url: '/admin/queues', token: adminToken });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');

    expect((await boardQueues()).map((q) => q.name).toSorted()).toEqual(
      Object.values(QueueName).toSorted(),
    );
    const id = await t.app.get(JobQueue).enqueue(JobName.SystemPing, { note: 'dashboard' });
    // The board lists the system queue's completed jobs (see boardQueues' query).
    await waitFor(
      async () => {
        const queue = (await boardQueues()).find((q) => q.name === QueueName.System);
        return queue?.jobs.some((job) => job.id === id) ? true : undefined;
      },
      { what: 'the ping to show as completed on the dashboard', timeoutMs: 60000 },
    );
  });
});
