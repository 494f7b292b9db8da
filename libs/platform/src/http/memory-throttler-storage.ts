import { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  /** Start of the current window (ms since the epoch). */
  windowStart: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/**
 * Rate-limit counters in the process (the whole deployment in embedded mode), O(1) per hit.
 * A sliding-window counter: the previous window's count, weighted by how much of it still
 * overlaps the last `ttl` ms, plus the current window's count. Unlike a fixed window it allows
 * no double burst at a window's edge; unlike a list of hit times (the library's default store)
 * it costs the same at 10 hits or 100,000.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly counters = new Map<string, Counter>();
  private sweepTimer?: NodeJS.Timeout;
  private longestTtl = 0;

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration));
  }

  /** As `increment`, without a promise: the guard counts a request without awaiting anything. */
  hit(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c) {
      c = { windowStart: now, current: 0, previous: 0, blockedUntil: 0 };
      this.counters.set(key, c);
      this.startSweeping(ttl);
    }
    const windows = Math.floor((now - c.windowStart) / ttl);
    if (windows > 0) {
      c.previous = windows === 1 ? c.current : 0;
      c.current = 0;
      c.windowStart += windows * ttl;
    }
    c.current++;
    const elapsed = now - c.windowStart;
    const hits = Math.floor(c.previous * ((ttl - elapsed) / ttl)) + c.current;
    if (c.blockedUntil <= now && hits > limit && blockDuration > 0) {
      c.blockedUntil = now + blockDuration;
    }
    const blockLeft = Math.max(0, c.blockedUntil - now);
    return {
      totalHits: hits,
      timeToExpire: Math.ceil((ttl - elapsed) / 1000),
      isBlocked: blockLeft > 0,
      timeToBlockExpire: Math.ceil(blockLeft / 1000),
    };
  }

  /** Counters idle for two windows (and not blocking) weigh nothing: drop them now and then. */
  private startSweeping(ttl: number): void {
    if (ttl <= this.longestTtl) return;
    this.longestTtl = ttl;
    clearInterval(this.sweepTimer);
    this.sweepTimer = setInterval(() => this.sweep(Date.now()), ttl);
    this.sweepTimer.unref();
  }

  sweep(now: number): void {
    for (const [key, c] of this.counters) {
      if (c.windowStart + 2 * this.longestTtl <= now && c.blockedUntil <= now) {
        this.counters.delete(key);
      }
    }
  }

  get size(): number {
    return this.counters.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }
}
