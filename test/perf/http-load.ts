import { Agent, request } from 'node:http';

export interface LoadOptions {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  concurrency?: number;
  durationMs?: number;
}

/**
 * A small closed-loop load generator over keep-alive connections: `concurrency` callers each
 * send the next request as soon as the previous answers. Returns successful requests/s; any
 * non-2xx answer fails the run, so a benchmark can never silently measure error pages.
 */
export async function requestsPerSecond(options: LoadOptions): Promise<number> {
  const { concurrency = 32, durationMs = 3000 } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = Date.now() + durationMs;
  let done = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: options.port,
          method: options.method ?? 'GET',
          path: options.path,
          headers: { 'content-type': 'application/json', ...options.headers },
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode! >= 300)
              reject(new Error(`${options.path} answered ${res.statusCode}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await once();
        done++;
      }
    }),
  );
  agent.destroy();
  return (done * 1000) / (Date.now() - started);
}
