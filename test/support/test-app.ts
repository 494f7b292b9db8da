import { rm } from 'node:fs/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, prepareRuntime, Role, Runtime } from '../../libs/platform/src';
import { createApp, isHttpApp, shutdown } from '@craftcert/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';
import { QueueBackendName, uniqueName } from './test-env';

export const TEST_ADMIN = { email: 'admin@craftcert.test', password: 'admin-password-123' };

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Sent as a bearer token. */
  token?: string;
  /** The caller's address; rate limits count per address. */
  remoteAddress?: string;
}

export interface TestResponse {
  statusCode: number;
  body: string;
  json<T = unknown>(): T;
  headers: Record<string, unknown>;
  cookies: { name: string; value: string; [key: string]: unknown }[];
  rawPayload: Buffer;
}

export interface TestApp {
  app: NestFastifyApplication;
  runtime: Runtime;
  database: TestDatabase;
  /** Sends a request through Fastify's injector: the real routing, pipes and filters. */
  request(options: RequestOptions): Promise<TestResponse>;
  /** Signs in (from its own address, so credential rate limits do not interfere). */
  login(email: string, password: string): Promise<string>;
  /** The bootstrap administrator's access token. */
  adminToken(): Promise<string>;
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
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '100000',
    PII_ENCRYPTION_KEY: 'Y3JhZnRjZXJ0LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmc=',
    JWT_SECRET: 'craftcert-test-signing-secret-32-characters',
    EVIDENCE_DIR: `/tmp/craftcert-test-evidence/${uniqueName('e')}`,
    // Its own data directory (audit checkpoint key and log): never the checkout's.
    DATA_DIR: `/tmp/craftcert-test-data/${uniqueName('d')}`,
    ...extra,
  });
}

/** Boots the whole application in-process on a private, migrated database. */
export async function startTestApp(
  options: { backend?: QueueBackendName; role?: Role; extra?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.backend ?? 'postgres', {
    ROLE: options.role ?? 'all',
    ...options.extra,
  });
  const runtime = await prepareRuntime(config);
  const app = await createApp(runtime);
  if (!isHttpApp(app)) throw new Error('startTestApp needs an HTTP role');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const request = async ({
    method = 'GET',
    url,
    payload,
    headers = {},
    token,
    remoteAddress,
  }: RequestOptions) => {
    const allHeaders: Record<string, string> = { ...headers };
    if (token) allHeaders.authorization = `Bearer ${token}`;
    let body: string | Buffer | undefined;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) body = payload;
    else if (payload !== undefined) {
      body = JSON.stringify(payload);
      allHeaders['content-type'] ??= 'application/json';
    }
    const response = await app.inject({
      method,
      url,
      headers: allHeaders,
      payload: body,
      remoteAddress,
    });
    return {
      statusCode: response.statusCode,
      body: response.body,
      json: <T>() => JSON.parse(response.body) as T,
      headers: response.headers,
      cookies: response.cookies as TestResponse['cookies'],
      rawPayload: response.rawPayload,
    };
  };
  const login = async (email: string, password: string) => {
    const res = await request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`,
    });
    if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.body}`);
    return res.json<{ accessToken: string }>().accessToken;
  };
  let admin: Promise<string> | undefined;
  return {
    app,
    runtime,
    database,
    request,
    login,
    adminToken: () => (admin ??= login(TEST_ADMIN.email, TEST_ADMIN.password)),
    close: async () => {
      await shutdown(app, runtime);
      await database.drop();
      await rm(config.DATA_DIR, { recursive: true, force: true });
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
