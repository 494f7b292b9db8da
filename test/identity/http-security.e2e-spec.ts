import { DataSource } from 'typeorm';
import {
  queueBackendsUnderTest,
  startTestApp,
  TEST_ADMIN,
  TestApp,
  uniqueName,
} from '@craftcert/testing';

describe('HTTP security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      extra: {
        CORS_ORIGINS: 'https://portal.craftcert.test',
        PUBLIC_URL: 'https://craftcert.test',
      },
    });
  });
  afterAll(() => t.close());

  it('sends security headers', async () => {
    const res = await t.request({ url: '/health' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
  });

  it('allows cross-origin calls only from configured origins', async () => {
    const preflight = (origin: string) =>
      t.request({
        method: 'OPTIONS' as 'GET',
        url: '/api/programmes',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const allowed = await preflight('https://portal.craftcert.test');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.craftcert.test');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('cross-site requests', () => {
    let session: string;
    let secretariatId: string;
    const organisations = async () =>
      (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM organisation'))[0].n;
    const createOrganisation = (headers: Record<string, string>, name: string) =>
      t.request({
        method: 'POST',
        url: '/api/organisations',
        payload: { kind: 'department', name, parentId: secretariatId },
        headers,
      });

    beforeAll(async () => {
      const signedIn = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: TEST_ADMIN,
        remoteAddress: '10.77.0.1',
      });
      const access = signedIn.cookies.find((c) => c.name === 'craftcert_access')!;
      session = `craftcert_access=${access.value}`;
      const me = await t.request({ url: '/api/me', token: await t.adminToken() });
      secretariatId = me.json<{ organisationId: string }>().organisationId;
    });

    it('refuses cookie-signed writes from another site or from nowhere, writing nothing', async () => {
      const before = await organisations();
      const sources: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { referer: 'https://evil.example/craftcert.test' },
        { origin: 'null' },
        {},
      ];
      for (const from of sources) {
        const res = await createOrganisation({ cookie: session, ...from }, '跨站伪造');
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'ORIGIN_REFUSED' });
      }
      const logout = await t.request({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session, origin: 'https://evil.example' },
      });
      expect(logout.statusCode).toBe(403);
      expect(await organisations()).toBe(before);
      expect((await t.request({ url: '/api/me', headers: { cookie: session } })).statusCode).toBe(
        200,
      );
    });

    it('accepts them from PUBLIC_URL and the CORS origins, and bearer tokens from anywhere', async () => {
      const own = await createOrganisation(
        { cookie: session, origin: 'https://craftcert.test' },
        '本站部门',
      );
      expect(own.statusCode).toBe(201);
      const portal = await createOrganisation(
        { cookie: session, referer: 'https://portal.craftcert.test/admin' },
        '门户部门',
      );
      expect(portal.statusCode).toBe(201);
      const bearer = await createOrganisation(
        { authorization: `Bearer ${await t.adminToken()}`, origin: 'https://elsewhere.example' },
        '接口部门',
      );
      expect(bearer.statusCode).toBe(201);
    });

    it('refuses form-encoded and text bodies with 415 naming application/json', async () => {
      const before = await organisations();
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'kind=department&name=x'],
        [
          'multipart/form-data; boundary=b',
          '--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\ndepartment\r\n--b--',
        ],
        ['text/plain', '{"kind":"department","name":"x"}'],
      ]) {
        const res = await t.request({
          method: 'POST',
          url: '/api/organisations',
          payload: body,
          headers: { 'content-type': type, authorization: `Bearer ${await t.adminToken()}` },
        });
        expect(res.statusCode).toBe(415);
        expect(res.json()).toMatchObject({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: expect.stringContaining('application/json'),
        });
      }
      const login = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: `email=${encodeURIComponent(TEST_ADMIN.email)}&password=${TEST_ADMIN.password}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: '10.77.0.2',
      });
      expect(login.statusCode).toBe(415);
      expect(login.cookies).toEqual([]);
      expect(await organisations()).toBe(before);
    });
  });
});

const redis = queueBackendsUnderTest().includes('redis');
(redis ? describe : describe.skip)('rate limits shared through Redis', () => {
  let replicas: TestApp[];
  beforeAll(async () => {
    // Same key prefix: two API replicas of one deployment.
    const extra = { QUEUE_PREFIX: uniqueName('shared').toLowerCase() };
    replicas = await Promise.all([1, 2].map(() => startTestApp({ backend: 'redis', extra })));
  });
  afterAll(() => Promise.all(replicas.map((r) => r.close())));

  it('counts sign-in attempts across replicas', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await replicas[i % 2].request({
        method: 'POST',
        url: '/api/auth/login',
        // A different account each time: the sign-in throttle stays out of the way.
        payload: { email: `nobody-${i}@craftcert.test`, password: 'whatever' },
        remoteAddress: '10.88.0.1',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
