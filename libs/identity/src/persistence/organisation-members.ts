import { EntityManager, In, IsNull } from 'typeorm';
import type { Organisation } from '../domain/organisation';
import type { Role } from '../domain/roles';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/** A user as other contexts see them: who, where, which roles; never credentials. */
export interface Member {
  userId: string;
  organisationId: string;
  roles: Role[];
}

/** Organisations by id (with their hierarchy paths), inside the caller's transaction. */
export function findOrganisations(
  manager: EntityManager,
  organisationIds: readonly string[],
): Promise<Organisation[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return manager.findBy(OrganisationEntity, { id: In([...new Set(organisationIds)]) });
}

/** The enabled members of an organisation holding a role, oldest account first. */
export async function organisationMembers(
  manager: EntityManager,
  organisationId: string,
  role: Role,
): Promise<Member[]> {
  const users = await manager
    .createQueryBuilder(UserEntity, 'u')
    .select(['u.id', 'u.organisationId', 'u.roles', 'u.createdAt'])
    .where('u.organisation_id = :organisationId', { organisationId })
    .andWhere(':role = ANY(u.roles)', { role })
    .andWhere('u.disabled_at IS NULL')
    .orderBy('u.created_at')
    .addOrderBy('u.id')
    .getMany();
  return users.map((u) => ({ userId: u.id, organisationId: u.organisationId, roles: u.roles }));
}

/** One enabled user, or null. */
export async function findMember(manager: EntityManager, userId: string): Promise<Member | null> {
  const user = await manager.findOneBy(UserEntity, { id: userId, disabledAt: IsNull() });
  return user ? { userId: user.id, organisationId: user.organisationId, roles: user.roles } : null;
}

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

/** The oldest enabled secretariat administrator (the one created on first start), or null. */
export async function firstAdministrator(manager: EntityManager): Promise<Member | null> {
  const user = await manager
    .createQueryBuilder(UserEntity, 'u')
    .where(':role = ANY(u.roles)', { role: 'secretariatAdmin' })
    .andWhere('u.disabled_at IS NULL')
    .orderBy('u.created_at')
    .addOrderBy('u.id')
    .getOne();
  return user ? { userId: user.id, organisationId: user.organisationId, roles: user.roles } : null;
}
