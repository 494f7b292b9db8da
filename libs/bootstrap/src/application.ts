import fastifyCookie from '@fastify/cookie';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  allowedOrigins,
  BEARER_SCHEME,
  findUnstorableText,
  logRequests,
  processLogger,
  REQUEST_ID_HEADER,
  refuseCrossSiteRequests,
  RequestContext,
  requestIdFrom,
  Runtime,
  securityHeaders,
  ShutdownState,
  WorkerLifecycle,
} from '@craftcert/platform';
import { registerSiteViews } from '@craftcert/publication';
import { AppModule } from './app.module';
import { mountQueueDashboard } from './queue-dashboard';

const BODY_LIMIT_BYTES = 1024 * 1024;
const UPLOAD_ROUTE = /\/(evidence|nominations\/import)$/;
// The public site's plain HTML forms (no JavaScript): the objection form of a public notice.
const FORM_ROUTE = /^\/editions\/:editionId\/objections$/;
// Helmet's defaults, except that the OpenAPI UI needs its inline bootstrap script and styles.
const SECURITY_HEADERS = securityHeaders({
  contentSecurityPolicy: {
    directives: {
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  },
});

export type App = NestFastifyApplication;

/** Builds the Nest application for the runtime's role: the API, or a worker's health checks. */
export async function createApp(runtime: Runtime): Promise<App> {
  const module = AppModule.forRoot(runtime);
  if (runtime.config.ROLE === 'worker') {
    // Only the health routes, on HEALTH_PORT, so an orchestrator can probe a worker too.
    return NestFactory.create<NestFastifyApplication>(
      module,
      new FastifyAdapter({ genReqId: requestIdFrom }),
    );
  }
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFrom,
    trustProxy: runtime.config.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter);
  await app.register(fastifyCookie);
  await registerSiteViews(app);
  const fastify = app.getHttpAdapter().getInstance();
  // One hook for what every request needs first: security headers (computed once), its id
  // echoed back, and the context everything it triggers (guards, use cases, audit) can read.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS).header(REQUEST_ID_HEADER, request.id);
    RequestContext.run({ requestId: String(request.id), ip: request.ip }, done);
  });
  logRequests(fastify, processLogger(runtime.config));
  // Uploads (evidence files, spreadsheets) arrive as raw bytes with their own content type. Only
  // the upload routes accept large bodies; everywhere else the 1 MiB limit holds for any type.
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  refuseCrossSiteRequests(fastify, {
    origins: allowedOrigins(runtime.config),
    isUploadRoute: (url) => UPLOAD_ROUTE.test(url),
    isFormRoute: (url) => FORM_ROUTE.test(url),
  });
  fastify.addHook('onRoute', (route) => {
    if (UPLOAD_ROUTE.test(route.url)) route.bodyLimit = runtime.config.UPLOAD_LIMIT_BYTES;
  });
  const origins = runtime.config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: true });
  fastify.addHook('preHandler', (request, reply, done) => {
    const bad = findUnstorableText(request.body) ?? findUnstorableText(request.query);
    if (!bad) return done();
    void reply.status(400).send({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid; see errors for each field.',
      errors: [bad],
      requestId: String(request.id),
    });
  });
  setupOpenApi(app);
  await mountQueueDashboard(app);
  return app;
}

function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('craftcert')
    .setDescription('Certification workflow engine for craftsman schemes')
    .setVersion('0.1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The accessToken from POST /api/auth/login',
      },
      BEARER_SCHEME,
    )
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}

/**
 * Orderly stop: readiness turns 503, active jobs finish (up to the timeout), HTTP and
 * connections close, then the embedded database stops.
 */
export async function shutdown(app: App, runtime: Runtime): Promise<void> {
  app.get(ShutdownState).begin();
  await app.get(WorkerLifecycle).drain(runtime.config.SHUTDOWN_TIMEOUT_MS);
  await app.close();
  await runtime.release();
  new NestLogger('Shutdown').log('stopped');
}
