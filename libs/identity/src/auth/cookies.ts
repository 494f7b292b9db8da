import type { FastifyReply } from 'fastify';
// Importing the plugin's types also adds reply.setCookie / request.cookies to Fastify's.
import type { CookieSerializeOptions } from '@fastify/cookie';
import { SESSION_COOKIE_PREFIX } from '@craftcert/platform';

// The shared prefix is how the cross-site check recognises a request riding a session.
export const ACCESS_COOKIE = `${SESSION_COOKIE_PREFIX}access`;
export const REFRESH_COOKIE = `${SESSION_COOKIE_PREFIX}refresh`;

/**
 * Browser sessions for server-rendered pages: httpOnly (no script can read them), Secure,
 * SameSite=Strict (no cross-site sends), the refresh cookie only ever sent to /api/auth.
 */
export function setSessionCookies(
  reply: FastifyReply,
  tokens: {
    accessToken: string;
    refreshToken: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
  },
): void {
  const base: CookieSerializeOptions = { httpOnly: true, secure: true, sameSite: 'strict' };
  reply.setCookie(ACCESS_COOKIE, tokens.accessToken, {
    ...base,
    path: '/',
    maxAge: tokens.accessTtlSeconds,
  });
  reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, {
    ...base,
    path: '/api/auth',
    maxAge: tokens.refreshTtlSeconds,
  });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(ACCESS_COOKIE, { path: '/' });
  reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
}
