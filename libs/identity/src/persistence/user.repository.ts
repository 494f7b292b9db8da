import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

// Serialises first starts of several replicas so exactly one creates the first administrator.
const FIRST_ADMIN_LOCK_KEY = 727_101;

/** Holds the first-start lock until the caller's transaction ends. */
export async function lockFirstStart(tx: EntityManager): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK_KEY]);
}

/**
 * Counts a failed sign-in atomically and locks the account once `maxFailures` is reached. A
 * lock is never lifted by a later failure (concurrent attempts cannot unlock it); once a lock
 * has expired, counting starts again. Returns the count and the lock now in force, if any.
 */
export async function recordFailedSignIn(
  tx: EntityManager,
  userId: string,
  limits: { maxFailures: number; lockoutMinutes: number },
): Promise<{ failedLogins: number | undefined; lockedUntil: Date | null }> {
  // Every expression in an UPDATE sees the row's old values: NEW_COUNT is the count after this failure.
  const newCount = 'CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END';
  const { raw } = await tx
    .createQueryBuilder()
    .update(UserEntity)
    .set({
      failedLogins: () => newCount,
      lockedUntil: () =>
        `CASE WHEN ${newCount} >= :max THEN GREATEST(locked_until, now() + make_interval(mins => :minutes))
              WHEN locked_until <= now() THEN NULL
              ELSE locked_until END`,
    })
    .where('id = :id', { id: userId, max: limits.maxFailures, minutes: limits.lockoutMinutes })
    .returning('failed_logins, locked_until')
    .execute();
  const row = (raw as { failed_logins: number; locked_until: Date | null }[])[0];
  const lockedUntil = row?.locked_until && row.locked_until > new Date() ? row.locked_until : null;
  return { failedLogins: row?.failed_logins, lockedUntil };
}
