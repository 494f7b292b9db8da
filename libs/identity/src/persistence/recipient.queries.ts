import { EntityManager } from 'typeorm';
import type { Role } from '../domain/roles';
/** A user a notification goes to, with what sending it needs. */
export interface Recipient {
  userId: string;
  email: string;
  language: 'zh' | 'en';
}

export type RecipientQuery =
  | { userIds: readonly string[] }
  | { organisationIds: readonly string[]; roles: readonly Role[] }
  | { roles: readonly Role[]; organisationKind: string };

/** One query, however many recipients; disabled accounts receive nothing. */
export async function findRecipients(
  manager: EntityManager,
  query: RecipientQuery,
): Promise<Recipient[]> {
  let where: string;
  let params: unknown[];
  if ('userIds' in query) {
    if (query.userIds.length === 0) return [];
    where = 'u.id = ANY($1::uuid[])';
    params = [query.userIds];
  } else if ('organisationIds' in query) {
    if (query.organisationIds.length === 0) return [];
    where = 'u.organisation_id = ANY($1::uuid[]) AND u.roles && $2::varchar[]';
    params = [query.organisationIds, query.roles];
  } else {
    where = 'o.kind = $1 AND u.roles && $2::varchar[]';
    params = [query.organisationKind, query.roles];
  }
  const rows = (await manager.query(
    `SELECT u.id, u.email, u.language FROM app_user u
       JOIN organisation o ON o.id = u.organisation_id
      WHERE u.disabled_at IS NULL AND ${where}
      ORDER BY u.id`,
    params,
  )) as { id: string; email: string; language: 'zh' | 'en' }[];
  return rows.map((r) => ({ userId: r.id, email: r.email, language: r.language }));
}
