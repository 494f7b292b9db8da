import fastifyCookie from '@fastify/cookie';
import { INestApplicationContext, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import {
  allowedOrigins,
  BEARER_SCHEME,
  type FieldError,
  findUnstorableText,
  hooksOf,
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
import { AppModule } from './app.module';
import { mountQueueDashboard } from './queue-dashboard';

const BODY_LIMIT_BYTES = 1024 * 1024;
const UPLOAD_ROUTE = /\/(evidence|nominations\/import)$/;
// Helmet's defaults, except that the OpenAPI UI needs its inline bootstrap script and styles.
const SECURITY_HEADERS = securityHeaders({
  contentSecurityPolicy: {
    directives: {
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  },
});

const BODILESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type App = NestFastifyApplication | INestApplicationContext;

const refuseUnstorableBody: preHandlerHookHandler = (request, reply, done) => {
  const bad = findUnstorableText(request.body);
  if (!bad) return done();
  refuseUnstorable(request, reply, bad);
};

/** 400 naming the field whose text cannot be stored (NUL, lone surrogate, absurd nesting). */
function refuseUnstorable(request: FastifyRequest, reply: FastifyReply, bad: FieldError): void {
  void reply.status(400).send({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: 'The request is invalid; see errors for each field.',
    errors: [bad],
    requestId: String(request.id),
  });
}

export function isHttpApp(app: App): app is NestFastifyApplication {
  return 'getHttpAdapter' in app;
}

/** Builds the Nest application for the runtime's role; HTTP only when the role serves the API. */
export async function createApp(runtime: Runtime): Promise<App> {
  const module = AppModule.forRoot(runtime);
  if (runtime.config.ROLE === 'worker') {
    return NestFactory.createApplicationContext(module);
  }
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFrom,
    trustProxy: runtime.config.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter);
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  // One hook for what every request needs first: security headers (computed once), its id
  // echoed back, a query string that cannot be stored refused, and the context everything it
  // triggers (guards, use cases, audit) can read. Fastify has parsed the query by now.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS).header(REQUEST_ID_HEADER, request.id);
    const bad = request.url.includes('?') ? findUnstorableText(request.query) : undefined;
    if (bad) return refuseUnstorable(request, reply, bad);
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
  });
  // Routes are added after this (when the app initialises), so each gets its settings here:
  // upload routes their larger body limit, and routes that take a body the check that it holds
  // only storable text (reads carry none, so they need no hook for it).
  fastify.addHook('onRoute', (route) => {
    // A spreadsheet has its own, smaller limit: refused from its Content-Length, before reading.
    if (UPLOAD_ROUTE.test(route.url)) {
      route.bodyLimit = route.url.endsWith('/nominations/import')
        ? runtime.config.IMPORT_MAX_BYTES
        : runtime.config.UPLOAD_LIMIT_BYTES;
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => !BODILESS_METHODS.has(m))) {
      route.preHandler = [...hooksOf(route.preHandler), refuseUnstorableBody];
    }
  });
  const origins = runtime.config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: true });
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
