// Authorised reads and sign-ins against GET /health on the same server, in the same run: what
// bearer authentication, authorisation and the handler add to the cheapest route. Tokens of
// 32 sessions are used in turn, so no single token's verification stays hot.
import { ADMIN, currentBody, openApiFixture } from './api-fixture';
import { alternate, Benchmark, compare } from './harness';
import { requestsPerSecond } from './http-load';

const SAMPLE_MS = 1500;

export const benchmark: Benchmark = {
  name: 'auth',
  async run() {
    const api = await openApiFixture();
    try {
      const { port } = api.server;
      const headerSets = api.bearerHeaders;
      const health = await currentBody(api.server, '/health');
      const definition = await currentBody(api.server, api.definitionPath, headerSets[0]);
      const programmes = await currentBody(api.server, '/api/programmes', headerSets[0]);
      if (!programmes.includes('hangzhou-city-craftsman'))
        throw new Error('the programme list should hold the bench programme');
      const signedInAs = (body: Buffer) =>
        (JSON.parse(body.toString()) as { email?: string }).email === ADMIN.email
          ? undefined
          : `not the bench admin: ${body.toString().slice(0, 200)}`;
      const hasToken = (body: Buffer) =>
        typeof (JSON.parse(body.toString()) as { accessToken?: unknown }).accessToken === 'string'
          ? undefined
          : 'no access token';
      const get =
        (path: string, expect: Buffer | ((b: Buffer) => string | undefined), auth = true) =>
        () =>
          requestsPerSecond({
            port,
            path,
            expect,
            headerSets: auth ? headerSets : undefined,
            durationMs: SAMPLE_MS,
          });
      const s = await alternate({
        health: get('/health', health, false),
        definition: get(api.definitionPath, definition),
        me: get('/api/me', signedInAs),
        programmes: get('/api/programmes', programmes),
        // Sign-in is deliberately expensive (argon2id, ~19 MiB each): few callers, as in life.
        signIn: () =>
          requestsPerSecond({
            port,
            method: 'POST',
            path: '/api/auth/login',
            body: JSON.stringify(ADMIN),
            expect: hasToken,
            concurrency: 4,
            durationMs: SAMPLE_MS,
          }),
      });
      const vsHealth = (name: string, description: string, subject: number[]) =>
        compare({ name, description, unit: 'req/s', subject, baseline: s.health });
      return [
        vsHealth(
          'auth.cached-read',
          'signed-in GET of a published definition vs GET /health',
          s.definition,
        ),
        vsHealth('auth.me', 'signed-in GET /api/me vs GET /health', s.me),
        vsHealth('auth.programmes', 'signed-in GET /api/programmes vs GET /health', s.programmes),
        vsHealth('auth.sign-in', 'sign-ins (argon2id, 4 callers) vs GET /health', s.signIn),
      ];
    } finally {
      await api.close();
    }
  },
};
