import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { tokenHash } from '../security/one-time-tokens';

/** A table of single-use links: the token kept as its hash, an expiry, and when it was used. */
interface SingleUseTokenRow {
  tokenHash: string;
  expiresAt: Date;
}

/**
 * Marks a single-use link used, in one conditional UPDATE: of two concurrent uses exactly one
 * gets the row back. Unknown, used and expired tokens all return undefined, so the caller
 * refuses them alike and discloses nothing about which it was.
 */
export async function consumeSingleUseToken<T extends SingleUseTokenRow & ObjectLiteral>(
  tx: EntityManager,
  target: EntityTarget<T>,
  token: string,
  options: { usedAt: keyof T & string; where?: Partial<Record<keyof T & string, unknown>> },
): Promise<T | undefined> {
  const metadata = tx.connection.getMetadata(target);
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name} has no column for ${property}`);
    return found.databaseName;
  };
  const used = column(options.usedAt);
  const query = tx
    .createQueryBuilder()
    .update(target)
    .set({ [options.usedAt]: () => 'now()' } as never)
    .where(
      `${column('tokenHash')} = :hash AND ${used} IS NULL AND ${column('expiresAt')} > now()`,
      { hash: tokenHash(token) },
    );
  for (const [index, [property, value]] of Object.entries(options.where ?? {}).entries()) {
    query.andWhere(`${column(property)} = :match${index}`, { [`match${index}`]: value });
  }
  const { raw } = await query.returning('*').execute();
  const row = (raw as Record<string, unknown>[])[0];
  if (!row) return undefined;
  return tx.create(
    target,
    Object.fromEntries(metadata.columns.map((c) => [c.propertyName, row[c.databaseName]])) as never,
  );
}
