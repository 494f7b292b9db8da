import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE_PREFIX } from '@craftcert/platform';
import { SigningKey } from './signing-key';

export const DEVICE_COOKIE = `${SESSION_COOKIE_PREFIX}device`;
const DEVICE_COOKIE_DAYS = 180;

/**
 * OWASP's device cookie: a browser that has signed in to an account before carries a signed
 * note saying so (`<nonce>.<hmac(account, nonce)>`), and is exempt from that account's
 * account-wide throttle. Guessing spread over many addresses delays strangers to the account,
 * never its owner's own browser. The cookie proves nothing by itself: the password still does.
 */
@Injectable()
export class DeviceCookies {
  constructor(private readonly signingKey: SigningKey) {}

  issue(accountHash: string): string {
    const nonce = randomBytes(16).toString('base64url');
    return `${nonce}.${this.mac(accountHash, nonce)}`;
  }

  trusts(cookie: string | undefined, accountHash: string): boolean {
    const [nonce, mac, extra] = cookie?.split('.') ?? [];
    if (!nonce || !mac || extra !== undefined) return false;
    const expected = Buffer.from(this.mac(accountHash, nonce));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(accountHash: string, nonce: string): string {
    return createHmac('sha256', this.signingKey.secret)
      .update(`device:${accountHash}:${nonce}`)
      .digest('base64url');
  }
}

/** Only the sign-in route reads it: httpOnly, Secure, SameSite=Strict. */
export function setDeviceCookie(reply: FastifyReply, value: string): void {
  reply.setCookie(DEVICE_COOKIE, value, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/api/auth/login',
    maxAge: DEVICE_COOKIE_DAYS * 86400,
  });
}
