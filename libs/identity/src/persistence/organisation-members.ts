import { EntityManager, In, IsNull } from 'typeorm';
import type { Role } from '../domain/roles';
import { UserEntity } from './user.entity';

/** Enabled users holding `role` in any of the organisations, by id: e.g. the experts of panels. */
export async function findMembersWithRole(
  tx: EntityManager,
  organisationIds: readonly string[],
  role: Role,
): Promise<{ userId: string; organisationId: string }[]> {
  if (organisationIds.length === 0) return [];
  const users = await tx.find(UserEntity, {
    where: { organisationId: In([...organisationIds]), disabledAt: IsNull() },
    order: { id: 'ASC' },
  });
  return users
    .filter((u) => u.roles.includes(role))
    .map((u) => ({ userId: u.id, organisationId: u.organisationId }));
}
