import { queueBackendsUnderTest, startTestApp, TestApp } from '@craftcert/testing';

describe.each(queueBackendsUnderTest())('HTTP platform with the %s queue backend', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ backend });
  });
  afterAll(() => t.close());

  it('answers liveness', async () => {
    const res = await t.request({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness with the database and queue backend kinds', async () => {
    const res = await t.request({ url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      status: string;
      details: Record<string, { status: string; kind: string }>;
    }>();
    expect(body.status).toBe('ok');
    expect(body.details.database).toMatchObject({ status: 'up', kind: 'postgres' });
    expect(body.details.queues).toMatchObject({
      status: 'up',
      kind: backend === 'redis' ? 'bullmq-redis' : 'bullmq-postgres',
    });
  });
});

describe('HTTP platform error handling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the OpenAPI document and UI', async () => {
    const doc = await t.request({ url: '/api/docs-json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty('/health/ready');
    const ui = await t.request({ url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers an unknown route with a 404 body carrying a code and request id', async () => {
    const res = await t.request({ url: '/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      requestId: expect.any(String),
    });
  });

  it('echoes a caller-supplied request id', async () => {
    const res = await t.request({
      url: '/no-such-route',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.json()).toMatchObject({ requestId: 'trace-123' });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('refuses malformed JSON with a 400, not a 500', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/health',
      payload: '{"broken": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('refuses absurdly nested JSON with a 400 naming the problem, not a 500', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: `{"email":${deep}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses any body but JSON outside the upload routes, before reading it', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: Buffer.alloc(2 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses a body over the size limit with a 413', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/health',
      payload: JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
