import { queueBackendsUnderTest, startTestApp, TestApp, uniqueName } from '@craftcert/testing';

describe('HTTP security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ extra: { CORS_ORIGINS: 'https://portal.craftcert.test' } });
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
