// How long a refused sign-in takes, by why it is refused: an unknown e-mail, and an attempt
// refused because of a sign-in delay, each against a wrong password for an existing account
// (the baseline), in alternating rounds. Goal: both ratios close to 1 (the issue measured locked
// accounts answering 4–5× faster), so timing tells no one which accounts exist or are delayed.
import { DataSource } from 'typeorm';
import { ADMIN } from './api-fixture';
import { alternate, Benchmark, compare, elapsedMs, median } from './harness';
import { openInProcessApp } from './in-process-app';

/** Sign-ins per sample; a sample is their median latency. */
const PER_SAMPLE = 15;
const GOAL = { ratio: { atLeast: 0.8, atMost: 1.25 } };

export const benchmark: Benchmark = {
  name: 'sign-in',
  async run() {
    const { app, close } = await openInProcessApp({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      // A pair's first failure starts its delay; accounts and addresses never reach theirs.
      LOGIN_MAX_FAILURES: '1',
      LOGIN_ACCOUNT_MAX_FAILURES: '1000',
      LOGIN_ADDRESS_MAX_FAILURES: '1000',
    });
    try {
      let address = 0;
      let unknown = 0;
      // Fresh addresses keep wrong and unknown attempts undelayed; one pair stays delayed.
      const fresh = () => `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`;
      const delayed = '10.255.255.1';
      const signIn = async (email: string, remoteAddress: string, expected: number) => {
        let statusCode = 0;
        const ms = await elapsedMs(async () => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email, password: 'not-the-password' },
            remoteAddress,
          });
          statusCode = res.statusCode;
        });
        if (statusCode !== expected) throw new Error(`expected ${expected}, got ${statusCode}`);
        return ms;
      };
      const sample = async (attempt: () => Promise<number>) => {
        const times: number[] = [];
        for (let i = 0; i < PER_SAMPLE; i++) times.push(await attempt());
        return median(times);
      };
      await signIn(ADMIN.email, delayed, 401);
      // Its 30 s delay could run out during a slow run: hold it for the whole run.
      await app
        .get(DataSource)
        .query(
          `UPDATE sign_in_attempt SET blocked_until = now() + interval '1 hour' WHERE key LIKE 'pair:%:' || $1`,
          [delayed],
        );
      const s = await alternate({
        wrong: () => sample(() => signIn(ADMIN.email, fresh(), 401)),
        unknown: () => sample(() => signIn(`nobody-${unknown++}@craftcert.test`, fresh(), 401)),
        delayed: () => sample(() => signIn(ADMIN.email, delayed, 429)),
      });
      return [
        compare({
          name: 'sign-in.unknown-email',
          description: 'refusing an unknown e-mail vs a wrong password (median latency)',
          unit: 'ms',
          subject: s.unknown,
          baseline: s.wrong,
          goal: GOAL,
        }),
        compare({
          name: 'sign-in.delayed',
          description: 'refusing an attempt during a sign-in delay vs a wrong password',
          unit: 'ms',
          subject: s.delayed,
          baseline: s.wrong,
          goal: GOAL,
        }),
      ];
    } finally {
      await close();
    }
  },
};
