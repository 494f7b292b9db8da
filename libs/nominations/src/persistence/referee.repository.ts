import { EntityManager, IsNull } from 'typeorm';
import {
  addOutboxEvent,
  consumeSingleUseToken,
  DomainError,
  randomToken,
  tokenHash,
} from '@craftcert/platform';
import type { PersonalDataCipher } from '../domain/sealed-dossier';
import { RefereeEntity } from './evidence.entity';

const REFEREE_LINK_DAYS = 14;

/**
 * Asks each referee to vouch for a public nomination: a single-use link (stored as its hash,
 * valid for two weeks) goes out through the outbox; their name and address are kept encrypted.
 */
export async function requestReferees(
  tx: EntityManager,
  nominationId: string,
  referees: readonly { name: string; email: string }[],
  options: { cipher: PersonalDataCipher; publicUrl: string },
): Promise<void> {
  for (const referee of referees) {
    const token = randomToken();
    await tx.insert(RefereeEntity, {
      nominationId,
      piiCiphertext: options.cipher.encrypt(referee),
      tokenHash: tokenHash(token),
      confirmedAt: null,
      expiresAt: new Date(Date.now() + REFEREE_LINK_DAYS * 86400_000),
    });
    await addOutboxEvent(tx, 'nomination.referee-requested', {
      nominationId,
      email: referee.email,
      confirmUrl: `${options.publicUrl}/referee?token=${token}`,
    });
  }
}

/**
 * Records a referee's confirmation through their single-use link; of two concurrent uses
 * exactly one succeeds. Unknown, used and expired links are refused alike.
 */
export async function confirmRefereeLink(tx: EntityManager, token: string): Promise<RefereeEntity> {
  const referee = await consumeSingleUseToken(tx, RefereeEntity, token, { usedAt: 'confirmedAt' });
  if (!referee) {
    throw new DomainError(
      'TOKEN_INVALID',
      'This link is invalid, has expired or has already been used',
    );
  }
  return referee;
}

export function unconfirmedReferees(tx: EntityManager, nominationId: string): Promise<number> {
  return tx.countBy(RefereeEntity, { nominationId, confirmedAt: IsNull() });
}
