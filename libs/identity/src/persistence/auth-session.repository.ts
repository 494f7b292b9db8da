import { EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';

/** Opens a session whose refresh token hashes to `refreshHash`. */
export function createSession(
  tx: EntityManager,
  userId: string,
  refreshHash: string,
  expiresAt: Date,
): Promise<AuthSessionEntity> {
  return tx.save(
    tx.create(AuthSessionEntity, {
      userId,
      refreshHash,
      previousRefreshHash: null,
      rotatedAt: null,
      expiresAt,
      revokedAt: null,
    }),
  );
}

/** The session a refresh token (current or just replaced) belongs to, locked for rotation. */
export function lockSessionByRefreshHash(
  tx: EntityManager,
  refreshHash: string,
): Promise<AuthSessionEntity | null> {
  return tx.findOne(AuthSessionEntity, {
    where: [{ refreshHash }, { previousRefreshHash: refreshHash }],
    lock: { mode: 'pessimistic_write' },
  });
}

/** Ends one live session; false when it had already ended. */
export async function revokeSession(tx: EntityManager, sessionId: string): Promise<boolean> {
  const result = await tx.update(
    AuthSessionEntity,
    { id: sessionId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    { revokedAt: new Date() },
  );
  return (result.affected ?? 0) > 0;
}

/** Ends every open session of a user, except the one named (the caller's own). */
export async function revokeSessionsOf(
  tx: EntityManager,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await tx.update(
    AuthSessionEntity,
    {
      userId,
      revokedAt: IsNull(),
      ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}),
    },
    { revokedAt: () => 'now()' },
  );
}
