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
