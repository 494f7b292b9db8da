import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { shippedDefinitionPath } from '@craftcert/pipeline';
import { openBenchDatabase } from './bench-database';
import { Benchmark } from './harness';
import { requestsPerSecond } from './http-load';

const ADMIN = { email: 'bench@craftcert.test', password: 'bench-password-123' };

/**
 * Sign-ins/s and authorised reads/s against an unauthenticated endpoint of the same server,
 * run as its own process (API role) so the load generator does not share its event loop.
 */
export const benchmark: Benchmark = {
  name: 'authentication',
  async run() {
    const db = await openBenchDatabase();
    const port = await freePort();
    const server = spawn(process.execPath, [resolve(__dirname, '../../apps/server/src/main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL: '',
        ROLE: 'api',
        PORT: String(port),
        LOG_LEVEL: 'error',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      },
      stdio: 'inherit',
    });
    try {
      await waitUntilReady(port);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const auth = { authorization: `Bearer ${accessToken}` };
      const definitionPath = await publishDefinition(port, auth);

      const publicRate = await requestsPerSecond({
        port,
        path: '/api/schemas/pipeline-definition.json',
      });
      const definitionRate = await requestsPerSecond({ port, path: definitionPath, headers: auth });
      const meRate = await requestsPerSecond({ port, path: '/api/me', headers: auth });
      const listRate = await requestsPerSecond({ port, path: '/api/programmes', headers: auth });
      // Sign-in is deliberately expensive (argon2id, ~19 MiB each): fewer callers, as in real life.
      const loginRate = await requestsPerSecond({
        port,
        method: 'POST',
        path: '/api/auth/login',
        body: JSON.stringify(ADMIN),
        concurrency: 4,
      });
      return [
        {
          name: 'authorised GET published definition (cached) vs public GET /api/schemas/…',
          unit: 'req/s',
          subject: definitionRate,
          baseline: publicRate,
        },
        {
          name: 'authorised GET /api/me vs public GET /api/schemas/…',
          unit: 'req/s',
          subject: meRate,
          baseline: publicRate,
        },
        {
          name: 'authorised GET /api/programmes vs public GET /api/schemas/…',
          unit: 'req/s',
          subject: listRate,
          baseline: publicRate,
        },
        {
          name: 'sign-ins (argon2id) vs public GET /api/schemas/…',
          unit: 'req/s',
          subject: loginRate,
          baseline: publicRate,
        },
      ];
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await db.close();
    }
  },
};

/** A published definition: the hot, cacheable read every nominator's form needs. */
async function publishDefinition(port: number, auth: Record<string, string>): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const source = readFileSync(shippedDefinitionPath('hangzhou-city-craftsman'), 'utf8');
  const { id } = await post('/api/programmes', {
    code: 'hangzhou-city-craftsman',
    name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
  });
  await post(`/api/programmes/${id}/definitions`, { source });
  await post(`/api/programmes/${id}/definitions/1/publish`, {});
  return `/api/programmes/${id}/definitions/1`;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}
