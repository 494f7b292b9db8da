import { EntityManager, IsNull, MoreThan } from 'typeorm';
import type { PiiCipher } from '@craftcert/platform';
import { randomToken, tokenHash } from '../auth/secrets';
import { OneTimeTokenEntity, OneTimeTokenKind } from './one-time-token.entity';

/**
 * The token of a still-usable link, decrypted for its message. A link issued before tokens were
 * kept encrypted (its token was once written to the outbox in clear) is reissued: a new token
 * replaces the old one, which stops working. Null when the link was used or has expired.
 */
export async function usableLinkToken(
  tx: EntityManager,
  cipher: Pick<PiiCipher, 'encrypt' | 'decrypt'>,
  kind: OneTimeTokenKind,
  id: string,
): Promise<{ token: string; row: OneTimeTokenEntity } | null> {
  const row = await tx.findOne(OneTimeTokenEntity, {
    where: { id, kind, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) return null;
  if (row.linkCiphertext) return { token: cipher.decrypt<string>(row.linkCiphertext), row };
  const token = randomToken();
  row.tokenHash = tokenHash(token);
  row.linkCiphertext = cipher.encrypt(token);
  await tx.update(
    OneTimeTokenEntity,
    { id },
    { tokenHash: row.tokenHash, linkCiphertext: row.linkCiphertext },
  );
  return { token, row };
}
