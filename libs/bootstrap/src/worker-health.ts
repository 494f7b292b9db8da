import { createServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpException, INestApplicationContext } from '@nestjs/common';
import { HealthController, QueueMetricsController } from '@craftcert/platform';

/**
 * A worker-only process's probes on their own port: `GET /health`, `GET /health/ready` and
 * `GET /metrics`, answered by the same controllers as the API's, and nothing else. A plain
 * server rather than a Nest HTTP app, so the workers' modules (whose contexts also declare API
 * controllers) never serve a route here. Resolves with the port it listens on.
 */
export async function serveWorkerHealth(
  app: INestApplicationContext,
  port: number,
  host: string,
): Promise<number> {
  const health = app.get(HealthController, { strict: false });
  const metrics = app.get(QueueMetricsController, { strict: false });
  const routes: Record<string, () => Promise<[string, string]>> = {
    '/health': async () => ['application/json', JSON.stringify(health.live())],
    '/health/ready': async () => ['application/json', JSON.stringify(await health.ready())],
    '/metrics': async () => ['text/plain; version=0.0.4; charset=utf-8', await metrics.metrics()],
  };
  const server = createServer((request, response) => {
    const route = request.method === 'GET' ? routes[request.url ?? ''] : undefined;
    if (!route) return send(response, 404, 'application/json', '{"statusCode":404}');
    route().then(
      ([type, body]) => send(response, 200, type, body),
      (error: unknown) => {
        // Readiness refuses with 503 and the checks' details, as the API's route does.
        if (error instanceof HttpException) {
          send(
            response,
            error.getStatus(),
            'application/json',
            JSON.stringify(error.getResponse()),
          );
        } else send(response, 500, 'application/json', '{"statusCode":500}');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  // It answers until the process exits, draining included (readiness then says 503).
  server.unref();
  return (server.address() as AddressInfo).port;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}
