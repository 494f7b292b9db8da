import { DynamicModule, ExecutionContext, Module, SetMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Runtime } from '../runtime/runtime';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { RouteThrottlerGuard } from './route-throttler.guard';

const CREDENTIAL_ROUTE = 'craftcert:credential-route';

/**
 * Marks a route that checks a credential (sign-in, token use): it gets the much lower
 * LOGIN_RATE_LIMIT_PER_MINUTE per address, so passwords and links cannot be guessed at speed.
 */
export const CredentialRoute = () => SetMetadata(CREDENTIAL_ROUTE, true);

const isCredentialRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(CREDENTIAL_ROUTE, context.getHandler()) === true;

/**
 * Counter key: throttler, route and address. Plain text rather than the library's default
 * SHA-256 of the same parts, which costs a hash per throttler on every request for nothing —
 * the keys never leave the process or the Redis that holds them.
 */
const counterKey = (context: ExecutionContext, tracker: string, throttler: string): string =>
  `${throttler}:${context.getClass().name}.${context.getHandler().name}:${tracker}`;

/**
 * Per-address rate limits on every route, and stricter ones on credential routes.
 * Counters live in Redis when REDIS_URL is set, so limits hold across replicas; otherwise in
 * the process, which is the whole deployment in embedded mode. Both cost O(1) per request.
 */
@Module({})
export class HttpSecurityModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config } = runtime;
    return {
      module: HttpSecurityModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
            {
              name: 'credentials',
              ttl: 60_000,
              limit: config.LOGIN_RATE_LIMIT_PER_MINUTE,
              skipIf: (context) => !isCredentialRoute(context),
            },
          ],
          generateKey: counterKey,
          storage: config.REDIS_URL
            ? new RedisThrottlerStorage(config.REDIS_URL, config.QUEUE_PREFIX)
            : new MemoryThrottlerStorage(),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RouteThrottlerGuard }],
    };
  }
}
