import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, prepareRuntime, Role, Runtime } from '../../libs/platform/src';
import { createApp, isHttpApp, shutdown } from '../../apps/server/src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';
import { QueueBackendName, uniqueName } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  runtime: Runtime;
  database: TestDatabase;
  /** Sends a request through Fastify's injector: the real routing, pipes and filters. */
  request(options: {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<{
    statusCode: number;
    body: string;
    json<T = unknown>(): T;
    headers: Record<string, unknown>;
  }>;
  close(): Promise<void>;
}

export function testConfig(
  databaseUrl: string,
  backend: QueueBackendName,
  extra: Record<string, string> = {},
) {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : undefined,
    // A fresh key prefix keeps parallel test files apart on a shared Redis.
    QUEUE_PREFIX: uniqueName('q').toLowerCase(),
    LOG_LEVEL: 'silent',
    ...extra,
  });
}

/** Boots the whole application in-process on a private, migrated database. */
export async function startTestApp(
  options: { backend?: QueueBackendName; role?: Role } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.backend ?? 'postgres', {
    ROLE: options.role ?? 'all',
  });
  const runtime = await prepareRuntime(config);
  const app = await createApp(runtime);
  if (!isHttpApp(app)) throw new Error('startTestApp needs an HTTP role');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    runtime,
    database,
    request: async ({ method = 'GET', url, payload, headers }) => {
      const response = await app.inject({
        method,
        url,
        headers,
        ...(payload === undefined
          ? {}
          : typeof payload === 'string'
            ? { payload }
            : {
                payload: JSON.stringify(payload),
                headers: { 'content-type': 'application/json', ...headers },
              }),
      });
      return {
        statusCode: response.statusCode,
        body: response.body,
        json: <T>() => JSON.parse(response.body) as T,
        headers: response.headers,
      };
    },
    close: async () => {
      await shutdown(app, runtime);
      await database.drop();
    },
  };
}

/** Polls until check() returns a value that is not undefined, or fails after timeoutMs. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs = 15000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
