import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { MemoryThrottlerStorage } from './memory-throttler-storage';

// One round trip per hit: count within the window, and start a block once the limit is passed.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }
`;

/**
 * Rate-limit counters in Redis, so limits hold across every API replica. While Redis cannot be
 * reached, each replica counts in its own memory instead (limits hold per replica), so the API
 * keeps answering; the shared counters resume when Redis returns.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private readonly fallback = new MemoryThrottlerStorage();
  private unreachable = false;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
    // Connection errors surface in increment(), which then counts in memory.
    this.redis.on('error', () => undefined);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttler: string,
  ) {
    const base = `${this.prefix}:throttle:${throttler}:${key}`;
    let counted: [number, number, number];
    try {
      counted = await this.count(base, ttl, limit, blockDuration);
      if (this.unreachable) this.logger.log('Redis answers again: rate limits are shared again');
      this.unreachable = false;
    } catch (error) {
      if (!this.unreachable) {
        this.logger.warn({ err: error }, 'Redis is unreachable: counting rate limits in memory');
      }
      this.unreachable = true;
      return this.fallback.increment(`${throttler}:${key}`, ttl, limit, blockDuration);
    }
    const [hits, ttlLeft, blockLeft] = counted;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlLeft / 1000)),
      isBlocked: blockLeft > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockLeft / 1000)),
    };
  }

  private async count(
    base: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<[number, number, number]> {
    return (await this.redis.eval(
      INCREMENT,
      2,
      `${base}:hits`,
      `${base}:block`,
      ttl,
      limit,
      blockDuration,
    )) as [number, number, number];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
    this.fallback.onApplicationShutdown();
  }
}
