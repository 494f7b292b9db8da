import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { ErrorCode } from '../errors/domain-error';
import { statusForCode } from '../errors/domain-error';

/** Every cookie the platform sets starts with this; a request carrying one may ride a session. */
export const SESSION_COOKIE_PREFIX = 'craftcert_';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface IncomingRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  /** Upload routes take a file's own bytes (any content type) as the body. */
  uploadRoute: boolean;
}

export type Refusal = { code: ErrorCode; message: string };

/**
 * The origins a signed-in browser may write from: PUBLIC_URL's (where the pages are served)
 * and every CORS_ORIGINS entry.
 */
export function allowedOrigins(config: { PUBLIC_URL: string; CORS_ORIGINS: string }): Set<string> {
  const listed = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return new Set([config.PUBLIC_URL, ...listed].flatMap((o) => originOf(o) ?? []));
}

/**
 * Cross-site request forgery defences, judged before the body is read:
 * - a state-changing request that authenticates by cookie (it carries a session cookie and no
 *   bearer token) must say where it comes from (Origin, or Referer when a browser sends no
 *   Origin) and come from an allowed origin; SameSite=Strict cookies are the second line.
 *   A bearer token cannot be attached by another site, so those requests need no check.
 * - bodies are JSON except on upload routes: form encodings and text/plain (what a cross-site
 *   HTML form can send without a preflight) are refused with 415, whoever sends them.
 */
export function judgeRequest(
  request: IncomingRequest,
  origins: ReadonlySet<string>,
): Refusal | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const { headers } = request;
  const bearer = header(headers, 'authorization')?.startsWith('Bearer ');
  if (!bearer && carriesSessionCookie(header(headers, 'cookie'))) {
    const origin = requestOrigin(headers);
    if (!origin) {
      return {
        code: 'ORIGIN_REFUSED',
        message:
          'A request signed in by cookie must send an Origin or Referer header naming an allowed origin',
      };
    }
    if (!origins.has(origin)) {
      return {
        code: 'ORIGIN_REFUSED',
        message: `Origin ${origin} may not make signed-in requests; allowed: PUBLIC_URL and CORS_ORIGINS`,
      };
    }
  }
  const contentType = header(headers, 'content-type');
  const hasBody =
    header(headers, 'transfer-encoding') !== undefined ||
    Number(header(headers, 'content-length') ?? 0) > 0;
  if (contentType && hasBody && !request.uploadRoute) {
    const media = contentType.split(';')[0].trim().toLowerCase();
    if (media !== 'application/json' && !media.endsWith('+json')) {
      return {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `This route accepts application/json bodies, not ${media || 'an empty content type'}`,
      };
    }
  }
  return undefined;
}

/**
 * Applies judgeRequest to every request that may change state, before its body is read. The
 * check is attached to the routes of unsafe methods as they are added (so it must be set up
 * before routes are registered); reads, which it always lets through, do not pay for a hook.
 * A request for no route at all changes nothing and answers 404.
 */
export function refuseCrossSiteRequests(
  fastify: FastifyInstance,
  options: { origins: ReadonlySet<string>; isUploadRoute: (routeUrl: string) => boolean },
): void {
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => SAFE_METHODS.has(m))) return;
    const uploadRoute = options.isUploadRoute(route.url);
    const check: onRequestHookHandler = (request, reply, done) => {
      const refusal = judgeRequest(
        { method: request.method, headers: request.headers, uploadRoute },
        options.origins,
      );
      if (!refusal) return done();
      const statusCode = statusForCode(refusal.code);
      void reply.status(statusCode).send({ statusCode, ...refusal, requestId: String(request.id) });
    };
    route.onRequest = [...hooksOf(route.onRequest), check];
  });
}

/** A route's hooks of one kind as an array (Fastify takes one function or an array). */
export function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

function header(headers: IncomingRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function carriesSessionCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? '')
    .split(';')
    .some((pair) => pair.trim().startsWith(SESSION_COOKIE_PREFIX));
}

/** The caller's origin from Origin, else from Referer; "null" and garbage count as none. */
function requestOrigin(headers: IncomingRequest['headers']): string | undefined {
  const origin = header(headers, 'origin');
  if (origin && origin !== 'null') return originOf(origin);
  const referer = header(headers, 'referer');
  return referer ? originOf(referer) : undefined;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
