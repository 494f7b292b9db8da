import { MemoryThrottlerStorage } from './memory-throttler-storage';

const MINUTE = 60_000;

describe('MemoryThrottlerStorage', () => {
  let storage: MemoryThrottlerStorage;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    storage = new MemoryThrottlerStorage();
  });
  afterEach(() => {
    storage.onApplicationShutdown();
    jest.useRealTimers();
  });

  const hit = (key = 'a', limit = 3) => storage.increment(key, MINUTE, limit, MINUTE);

  it('counts hits per key and blocks once the limit is passed', async () => {
    expect((await hit()).totalHits).toBe(1);
    await hit();
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('weighs the previous window by how much of it still overlaps the last minute', async () => {
    for (let i = 0; i < 10; i++) await hit('a', 100);
    jest.advanceTimersByTime(MINUTE + MINUTE / 2);
    // Half of the previous window's 10 hits still count, plus this one.
    expect((await hit('a', 100)).totalHits).toBe(6);
    jest.advanceTimersByTime(MINUTE);
    // The window with 10 hits is two windows back now and weighs nothing; the last window's
    // single hit weighs half (rounded down), plus this one.
    expect((await hit('a', 100)).totalHits).toBe(1);
  });

  it('stops blocking when the block expires and the window has moved on', async () => {
    for (let i = 0; i < 5; i++) await hit();
    expect((await hit()).isBlocked).toBe(true);
    jest.advanceTimersByTime(2 * MINUTE + 1);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps one counter per key however many hits it has had', async () => {
    // A list of hit times would grow to 100,000 entries here; a counter stays a counter.
    for (let i = 0; i < 100_000; i++) await hit('busy', 1_000_000);
    expect((await hit('busy', 1_000_000)).totalHits).toBe(100_001);
    expect(storage.size).toBe(1);
  });

  it('forgets keys idle for two windows', async () => {
    await hit('a');
    await hit('b');
    jest.advanceTimersByTime(3 * MINUTE);
    expect(storage.size).toBe(0);
  });
});
