import { ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MemoryThrottlerStorage, type ThrottlerStorageRecord } from './memory-throttler-storage';

type RouteLimit = Omit<ThrottlerRequest, 'context'> & {
  /** The response header names, worked out once: `X-RateLimit-Limit`, …-Remaining, …-Reset. */
  headers: { limit: string; remaining: string; reset: string; retryAfter: string };
  /** The library's tracker (the normalised address), which can be worked out without a promise. */
  defaultTracker: boolean;
};

/**
 * The library's guard, with each route's limits worked out once and each request counted
 * without a promise where the store allows it. The library's own `canActivate` repeats a dozen
 * metadata look-ups, `skipIf` calls and awaits per throttler on every request, for answers that
 * only depend on the route; here they are kept per handler. With the in-process store, a
 * request is counted synchronously (tracker, key, counter, headers) and the guard returns a
 * plain boolean, which Nest does not await; with Redis it awaits the one round trip. Limits come
 * from the module's options and must be plain numbers, and `skipIf` may only look at the route,
 * as `HttpSecurityModule`'s does; the per-route `@Throttle`/`@SkipThrottle` decorators and
 * `ignoreUserAgents` are not read (nothing uses them). Headers and the 429 are the library's.
 */
@Injectable()
export class RouteThrottlerGuard extends ThrottlerGuard {
  private readonly routes = new WeakMap<object, RouteLimit[]>();

  // Typed as the library's (a promise), but a plain boolean when nothing was awaited: Nest's
  // guard runner takes either, and awaits only a promise.
  override canActivate(context: ExecutionContext): Promise<boolean> {
    return this.count(context) as Promise<boolean>;
  }

  /** True when every limit allows the request; a promise only when a store needs a round trip. */
  count(context: ExecutionContext): boolean | Promise<boolean> {
    const handler = context.getHandler();
    let limits = this.routes.get(handler);
    if (!limits) {
      limits = this.limitsOf(context);
      this.routes.set(handler, limits);
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const store = this.storageService;
    if (!(store instanceof MemoryThrottlerStorage) || limits.some((l) => !l.defaultTracker)) {
      return (async () => {
        for (const limit of limits) await this.handleRequest({ ...limit, context });
        return true;
      })();
    }
    const tracker = normalizeIp(request.ip, this.ipv6SubnetPrefix);
    for (const limit of limits) {
      const key = limit.generateKey(context, tracker, limit.throttler.name!);
      const record = store.hit(key, limit.ttl, limit.limit, limit.blockDuration);
      if (record.isBlocked) return this.refuse(context, reply, limit, key, tracker, record);
      void reply.header(limit.headers.limit, limit.limit);
      void reply.header(limit.headers.remaining, Math.max(0, limit.limit - record.totalHits));
      void reply.header(limit.headers.reset, record.timeToExpire);
    }
    return true;
  }

  private async refuse(
    context: ExecutionContext,
    reply: FastifyReply,
    limit: RouteLimit,
    key: string,
    tracker: string,
    record: ThrottlerStorageRecord,
  ): Promise<boolean> {
    void reply.header(limit.headers.retryAfter, record.timeToBlockExpire);
    await this.throwThrottlingException(context, {
      limit: limit.limit,
      ttl: limit.ttl,
      key,
      tracker,
      ...record,
    });
    return false;
  }

  private limitsOf(context: ExecutionContext): RouteLimit[] {
    return this.throttlers
      .filter((throttler) => !(throttler.skipIf ?? this.commonOptions.skipIf)?.(context))
      .map((throttler) => {
        const number = (value: unknown, what: string): number => {
          if (typeof value !== 'number') {
            throw new Error(`throttler ${throttler.name}: ${what} must be a number`);
          }
          return value;
        };
        const ttl = number(throttler.ttl, 'ttl');
        const suffix = throttler.name === 'default' ? '' : `-${throttler.name}`;
        return {
          throttler,
          limit: number(throttler.limit, 'limit'),
          ttl,
          blockDuration: number(throttler.blockDuration ?? ttl, 'blockDuration'),
          getTracker: throttler.getTracker ?? this.commonOptions.getTracker!,
          generateKey: throttler.generateKey ?? this.commonOptions.generateKey!,
          defaultTracker:
            !throttler.getTracker && (Array.isArray(this.options) || !this.options.getTracker),
          headers: {
            limit: `${this.headerPrefix}-Limit${suffix}`,
            remaining: `${this.headerPrefix}-Remaining${suffix}`,
            reset: `${this.headerPrefix}-Reset${suffix}`,
            retryAfter: `Retry-After${suffix}`,
          },
        };
      });
  }
}
