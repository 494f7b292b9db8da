import { EntityManager } from 'typeorm';
import {
  delayAfterFailure,
  FORGET_AFTER_SECONDS,
  type ThrottleCounter,
} from '../domain/sign-in-throttle';
import { SignInAttemptEntity } from './sign-in-attempt.entity';

/** The latest time any of the enforced counters blocks attempts until, if one does now. */
export async function blockedUntil(
  manager: EntityManager,
  counters: readonly ThrottleCounter[],
): Promise<Date | null> {
  const keys = counters.filter((c) => c.enforced).map((c) => c.key);
  const rows: { until: Date | null }[] = await manager.query(
    `SELECT max(blocked_until) AS until FROM sign_in_attempt
      WHERE key = ANY($1) AND blocked_until > now()`,
    [keys],
  );
  return rows[0]?.until ?? null;
}

/**
 * Counts one failed attempt on every counter, atomically per counter (concurrent failures each
 * count), and starts the delay its new count calls for. A failure while a counter is blocking
 * does not count on it again, so a user retrying during a delay does not lengthen it. A counter
 * quiet for FORGET_AFTER_SECONDS starts from zero.
 *
 * With `counted: false` (an attempt refused unjudged because of a delay) the very same
 * statements run but change no count, so that refusal takes as long as a wrong password.
 */
export async function recordFailedAttempt(
  tx: EntityManager,
  counters: readonly ThrottleCounter[],
  options: { maxDelaySeconds: number; counted: boolean },
): Promise<void> {
  for (const counter of counters) {
    const rows: { failures: number }[] = await tx.query(
      `INSERT INTO sign_in_attempt AS a (key, account_hash, failures, last_failure_at)
       VALUES ($1, $2, CASE WHEN $4 THEN 1 ELSE 0 END, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE
           WHEN NOT $4 OR a.blocked_until > now() THEN a.failures
           WHEN a.last_failure_at < now() - make_interval(secs => $3) THEN 1
           ELSE a.failures + 1 END,
         last_failure_at = CASE WHEN $4 THEN now() ELSE a.last_failure_at END
       RETURNING failures`,
      [counter.key, counter.accountHash, FORGET_AFTER_SECONDS, options.counted],
    );
    const delay = options.counted
      ? delayAfterFailure(rows[0].failures, counter.allowance, options.maxDelaySeconds)
      : 0;
    // The same statement whether or not a delay starts, so the work does not vary with it.
    await tx.query(
      `UPDATE sign_in_attempt
          SET blocked_until = GREATEST(blocked_until, now() + make_interval(secs => $2))
        WHERE key = $1 AND $2 > 0`,
      [counter.key, delay],
    );
  }
}

/** After a successful sign-in: that account's counter for that address starts again. */
export async function forgetFailures(tx: EntityManager, key: string): Promise<void> {
  await tx.delete(SignInAttemptEntity, { key });
}

/** Clears every counter of an account (an admin's unlock, a completed password reset). */
export async function clearAccountThrottle(
  tx: EntityManager,
  accountHash: string,
): Promise<number> {
  const result = await tx.delete(SignInAttemptEntity, { accountHash });
  return result.affected ?? 0;
}
