import type { FastifyInstance } from 'fastify';
import type { AppLogger } from './logger';

/**
 * One JSON line per request at info, once its response is sent: request id (the server also
 * returns it in `x-request-id`), method, path, status and milliseconds. Logged from the root
 * logger rather than a child logger per request, so a request costs one pino call. The query
 * string is left out (it may carry single-use tokens), and so are health probes: load
 * balancers send them every few seconds and they tell nothing.
 */
export function logRequests(fastify: FastifyInstance, logger: AppLogger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const query = request.url.indexOf('?');
    const path = query < 0 ? request.url : request.url.slice(0, query);
    if (!path.startsWith('/health')) {
      logger.info(
        {
          reqId: request.id,
          method: request.method,
          path,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      );
    }
    done();
  });
}
