// The HTTP platform's own overhead: craftcert's API process against Node's bare `http` server
// answering the same bytes, in the same run. /health measures the stack alone (routing,
// guards, rate limit, security headers, logging, serialisation); the cached read adds bearer
// authentication and a larger body with no database work.
import { currentBody, openApiFixture } from './api-fixture';
import { alternate, Benchmark, compare } from './harness';
import { requestsPerSecond } from './http-load';
import { startRawServer } from './server-process';

const SAMPLE_MS = 1500;

export const benchmark: Benchmark = {
  name: 'http',
  async run() {
    const api = await openApiFixture();
    const health = await currentBody(api.server, '/health');
    const definition = await currentBody(api.server, api.definitionPath, api.bearerHeaders[0]);
    if (!definition.includes('"document":{'))
      throw new Error('the definition read should return the document');
    const type = 'application/json; charset=utf-8';
    const rawHealth = await startRawServer(health.toString(), type);
    const rawDefinition = await startRawServer(definition.toString(), type);
    try {
      const load =
        (port: number, path: string, expect: Buffer, auth = false) =>
        () =>
          requestsPerSecond({
            port,
            path,
            expect,
            headerSets: auth ? api.bearerHeaders : undefined,
            durationMs: SAMPLE_MS,
          });
      const s = await alternate({
        health: load(api.server.port, '/health', health),
        rawHealth: load(rawHealth.port, '/health', health),
        read: load(api.server.port, api.definitionPath, definition, true),
        rawRead: load(rawDefinition.port, api.definitionPath, definition),
      });
      return [
        compare({
          name: 'http.health',
          description: 'GET /health vs raw Node http serving the same bytes',
          unit: 'req/s',
          subject: s.health,
          baseline: s.rawHealth,
          goal: { ratio: { atLeast: 0.6 } },
        }),
        compare({
          name: 'http.cached-read',
          description: `signed-in GET of a published definition (${api.bearerHeaders.length} tokens in turn) vs raw Node http serving the same bytes`,
          unit: 'req/s',
          subject: s.read,
          baseline: s.rawRead,
          goal: { ratio: { atLeast: 0.4 } },
        }),
      ];
    } finally {
      await rawHealth.stop();
      await rawDefinition.stop();
      await api.close();
    }
  },
};
