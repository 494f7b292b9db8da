// The HTTP platform's own overhead: craftcert's API process against Node's bare `http` server
// answering the same bytes, in the same run. /health measures the stack alone (routing,
// guards, rate limit, security headers, request log, serialisation); the cached read adds
// bearer authentication, parameter validation and a 16 kB body, with no database work.
// Each pair is reported twice: requests per second (the goal's measure, which a busy machine
// drags down) and requests per CPU-second of the server process (which it does not).
import { currentBody, openApiFixture } from './api-fixture';
import { alternate, Benchmark, compare, type Figure } from './harness';
import { cpuSeconds, httpLoad } from './http-load';
import { ServerProcess, startRawServer } from './server-process';

const SAMPLE_MS = 1500;
const WARMUP = 1;

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
      const perCpuSecond: Record<string, number[]> = {};
      const load =
        (name: string, server: ServerProcess, path: string, expect: Buffer, auth = false) =>
        async () => {
          const cpuBefore = cpuSeconds(server.pid);
          const result = await httpLoad({
            port: server.port,
            path,
            expect,
            headerSets: auth ? api.bearerHeaders : undefined,
            durationMs: SAMPLE_MS,
          });
          (perCpuSecond[name] ??= []).push(result.responses / (cpuSeconds(server.pid) - cpuBefore));
          return result.perSecond;
        };
      const s = await alternate(
        {
          health: load('health', api.server, '/health', health),
          rawHealth: load('rawHealth', rawHealth, '/health', health),
          read: load('read', api.server, api.definitionPath, definition, true),
          rawRead: load('rawRead', rawDefinition, api.definitionPath, definition),
        },
        { warmup: WARMUP },
      );
      const cpu = (name: string) => perCpuSecond[name].slice(WARMUP);
      const pair = (
        name: string,
        description: string,
        subject: string,
        baseline: string,
        atLeast: number,
      ): Figure[] => [
        compare({
          name,
          description,
          unit: 'req/s',
          subject: s[subject as keyof typeof s],
          baseline: s[baseline as keyof typeof s],
          goal: { ratio: { atLeast } },
        }),
        compare({
          name: `${name}.cpu`,
          description: `${description}, per CPU-second of the server process`,
          unit: 'req/cpu-s',
          subject: cpu(subject),
          baseline: cpu(baseline),
          goal: { ratio: { atLeast } },
        }),
      ];
      return [
        ...pair(
          'http.health',
          'GET /health vs raw Node http serving the same bytes',
          'health',
          'rawHealth',
          0.6,
        ),
        ...pair(
          'http.cached-read',
          `signed-in GET of a published definition (${api.bearerHeaders.length} tokens in turn) vs raw Node http serving the same bytes`,
          'read',
          'rawRead',
          0.4,
        ),
      ];
    } finally {
      await rawHealth.stop();
      await rawDefinition.stop();
      await api.close();
    }
  },
};
