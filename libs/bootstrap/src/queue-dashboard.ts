import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AccessTokens, identifyCaller, Role } from '@craftcert/identity';
import { JobQueue, QueueName } from '@craftcert/platform';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** Who may open the dashboard: it can retry, promote and remove jobs. */
const DASHBOARD_ROLES: readonly Role[] = ['secretariatAdmin'];

/**
 * Bull Board over every queue, on whichever backend the runtime uses, behind the same session
 * (bearer token or cookie) and role check as the API. It is a Fastify plugin, not a Nest
 * route, so the check is a hook in its own encapsulated scope.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const jobs = app.get(JobQueue);
  const tokens = app.get(AccessTokens);
  const board = new BullBoardAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'craftcert queues' } },
  });
  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      scope.addHook('onRequest', (request, reply, done) => {
        const refusal = refuse(tokens, request);
        if (!refusal) return done();
        void reply.status(refusal.statusCode).send({ ...refusal, requestId: String(request.id) });
      });
      await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    });
}

function refuse(
  tokens: AccessTokens,
  request: FastifyRequest,
): { statusCode: number; code: string; message: string } | undefined {
  const actor = identifyCaller(tokens, request);
  if (!actor) {
    return { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to use this route' };
  }
  if (actor.passwordChangeRequired) {
    return {
      statusCode: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: 'Change the generated password first (POST /api/me/password)',
    };
  }
  if (!actor.roles.some((role) => DASHBOARD_ROLES.includes(role))) {
    return { statusCode: 403, code: 'FORBIDDEN', message: 'Your role does not allow this' };
  }
  return undefined;
}
