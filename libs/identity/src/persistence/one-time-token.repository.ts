import { EntityManager } from 'typeorm';
import { consumeSingleUseToken } from '@craftcert/platform';
import { InvalidLinkError } from '../domain/identity.errors';
import { OneTimeTokenEntity, OneTimeTokenKind } from './one-time-token.entity';

/**
 * Uses an invitation or password-reset link, atomically: of two concurrent uses exactly one
 * succeeds. Unknown, used and expired links are refused alike.
 */
export async function consumeOneTimeToken(
  tx: EntityManager,
  kind: OneTimeTokenKind,
  token: string,
): Promise<OneTimeTokenEntity> {
  const used = await consumeSingleUseToken(tx, OneTimeTokenEntity, token, {
    usedAt: 'usedAt',
    where: { kind },
  });
  if (!used) throw new InvalidLinkError();
  return used;
}

/**
 * Ends a user's open password-reset links (they expire now), so only the newest one works. The
 * user's row is locked first: two concurrent requests serialise, and the later one ends the
 * earlier one's link too.
 */
export async function expireOpenResets(tx: EntityManager, userId: string): Promise<void> {
  await tx.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [userId]);
  await tx
    .createQueryBuilder()
    .update(OneTimeTokenEntity)
    .set({ expiresAt: () => 'least(expires_at, now())' })
    .where('kind = :kind AND user_id = :userId AND used_at IS NULL AND expires_at > now()', {
      kind: 'passwordReset',
      userId,
    })
    .execute();
}
