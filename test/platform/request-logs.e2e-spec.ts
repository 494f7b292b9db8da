import {
  AppProcess,
  createTestDatabase,
  freePort,
  spawnApp,
  stopApp,
  TestDatabase,
  uniqueName,
  waitFor,
  waitUntilReady,
} from '@craftcert/testing';

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  reqId?: string;
  method?: string;
  path?: string;
  statusCode?: number;
  ms?: number;
}

describe('request logs of the running server (LOG_LEVEL=info, stdout not a terminal)', () => {
  let database: TestDatabase;
  let app: AppProcess;
  let base: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp({
      ROLE: 'api',
      DATABASE_URL: database.url,
      REDIS_URL: undefined,
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    await waitUntilReady(port, app);
  }, 60_000);
  afterAll(async () => {
    await stopApp(app);
    await database.drop();
  });

  /** Every line the process wrote; fails the test if one is not JSON. */
  const lines = (): LogLine[] =>
    app
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        try {
          return JSON.parse(l) as LogLine;
        } catch {
          throw new Error(`a line of output is not JSON: ${l}`);
        }
      });
  const lineFor = (reqId: string) =>
    waitFor(async () => lines().find((l) => l.reqId === reqId), {
      what: `the log line of request ${reqId}`,
      timeoutMs: 15_000,
    });

  it('writes one JSON line per request with the id the caller sent, and echoes the id', async () => {
    const reqId = uniqueName('req');
    const res = await fetch(`${base}/api/me?token=do-not-log-me`, {
      headers: { 'x-request-id': reqId },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe(reqId);
    expect(await lineFor(reqId)).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'GET',
      path: '/api/me',
      statusCode: 401,
      ms: expect.any(Number),
    });
    expect(lines().filter((l) => l.reqId === reqId)).toHaveLength(1);
    // Query strings may carry single-use tokens: they stay out of the logs.
    expect(app.output()).not.toContain('do-not-log-me');
  });

  it('gives a request without an id a fresh one, in the answer and in the log', async () => {
    const res = await fetch(`${base}/api/programmes`);
    const reqId = res.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lineFor(reqId!)).toMatchObject({ path: '/api/programmes', statusCode: 401 });
  });

  it('writes everything else as JSON too, with no plain or coloured lines mixed in', async () => {
    // lines() throws on any line that is not JSON; start-up lines come from the same logger.
    expect(lines()).toContainEqual(
      expect.objectContaining({ context: 'Main', msg: expect.stringContaining('listening on') }),
    );
    expect(app.output()).not.toContain('\x1b[');
  });

  it('leaves health probes out of the request log', async () => {
    const res = await fetch(`${base}/health`);
    const reqId = res.headers.get('x-request-id')!;
    // A later request's line proves the log has caught up past the probe.
    const after = uniqueName('req');
    await fetch(`${base}/api/me`, { headers: { 'x-request-id': after } });
    await lineFor(after);
    expect(lines().some((l) => l.reqId === reqId)).toBe(false);
  });
});
