import { EntityManager, IsNull, MoreThan } from 'typeorm';
import {
  addOutboxEvent,
  consumeSingleUseToken,
  DomainError,
  randomToken,
  tokenHash,
  Topic,
} from '@craftcert/platform';
import type { PersonalDataCipher } from '../domain/sealed-dossier';
import { RefereeEntity } from './evidence.entity';

const REFEREE_LINK_DAYS = 14;

/**
 * Asks each referee to vouch for a public nomination: a single-use link (stored as its hash,
 * valid for two weeks) goes out through the outbox as the referee's id; their name, address and
 * the link's token are kept encrypted and read when the message is sent.
 */
export async function requestReferees(
  tx: EntityManager,
  nominationId: string,
  referees: readonly { name: string; email: string }[],
  options: { cipher: PersonalDataCipher },
): Promise<void> {
  for (const referee of referees) {
    const token = randomToken();
    const inserted = await tx.insert(RefereeEntity, {
      nominationId,
      piiCiphertext: options.cipher.encrypt(referee),
      tokenHash: tokenHash(token),
      confirmedAt: null,
      expiresAt: new Date(Date.now() + REFEREE_LINK_DAYS * 86400_000),
      linkCiphertext: options.cipher.encrypt(token),
    });
    const refereeId = (inserted.identifiers[0] as { id: string }).id;
    await addOutboxEvent(tx, Topic.RefereeRequested, { nominationId, refereeId });
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

/**
 * A referee's still-usable link token and their details, decrypted for the message sent to
 * them. A link issued before tokens were kept encrypted is reissued (its old token stops
 * working). Null once confirmed or expired.
 */
export async function usableRefereeLink(
  tx: EntityManager,
  cipher: PersonalDataCipher,
  refereeId: string,
): Promise<{ token: string; name: string; email: string } | null> {
  const row = await tx.findOne(RefereeEntity, {
    where: { id: refereeId, confirmedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) return null;
  const person = cipher.decrypt<{ name: string; email: string }>(row.piiCiphertext);
  if (row.linkCiphertext) {
    return { token: cipher.decrypt<string>(row.linkCiphertext), ...person };
  }
  const token = randomToken();
  await tx.update(
    RefereeEntity,
    { id: refereeId },
    { tokenHash: tokenHash(token), linkCiphertext: cipher.encrypt(token) },
  );
  return { token, ...person };
}
