import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';

type RouteLimit = Omit<ThrottlerRequest, 'context'>;

/**
 * The library's guard, with each route's limits worked out once. Its own `canActivate` repeats
 * a dozen metadata look-ups, `skipIf` calls and awaits per throttler on every request, for
 * answers that only depend on the route; here they are kept per handler, and each request
 * only counts its hit (`handleRequest`: tracker, counter, headers, 429). Limits therefore come
 * from the module's options and must be plain numbers, and `skipIf` may only look at the
 * route, as `HttpSecurityModule`'s does; the per-route `@Throttle`/`@SkipThrottle` decorators
 * are not read (nothing uses them).
 */
@Injectable()
export class RouteThrottlerGuard extends ThrottlerGuard {
  private readonly routes = new WeakMap<object, RouteLimit[]>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    let limits = this.routes.get(handler);
    if (!limits) {
      limits = this.limitsOf(context);
      this.routes.set(handler, limits);
    }
    for (const limit of limits) await this.handleRequest({ ...limit, context });
    return true;
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
        return {
          throttler,
          limit: number(throttler.limit, 'limit'),
          ttl,
          blockDuration: number(throttler.blockDuration ?? ttl, 'blockDuration'),
          getTracker: throttler.getTracker ?? this.commonOptions.getTracker!,
          generateKey: throttler.generateKey ?? this.commonOptions.generateKey!,
        };
      });
  }
}
