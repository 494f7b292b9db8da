import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '@craftcert/platform';
import type { Organisation } from '../domain/organisation';
import { organisationScopeOf } from '../domain/organisation-scope';
import { OrganisationEntity } from './organisation.entity';

type ScopedActor = Parameters<typeof organisationScopeOf>[0];

/**
 * Restricts a query that joins the organisation table as `alias` to the organisations the
 * actor may see. Rows without an organisation (a null join) are outside every scope but `all`.
 * One query whatever the depth: the subtree is a prefix match on the indexed path.
 */
export function whereInOrganisationScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  actor: ScopedActor,
): SelectQueryBuilder<T> {
  const scope = organisationScopeOf(actor);
  if (scope.kind === 'all') return query;
  if (scope.kind === 'subtree') return whereInOrganisationSubtree(query, alias, scope.rootId);
  return query.andWhere(`${alias}.id = :scopeOrganisationId`, {
    scopeOrganisationId: scope.organisationId,
  });
}

/** Restricts a query joined as `alias` to one organisation and everything below it. */
export function whereInOrganisationSubtree<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  rootId: string,
): SelectQueryBuilder<T> {
  return query.andWhere(
    `${alias}.path LIKE (SELECT root.path FROM organisation root WHERE root.id = :scopeRootId) || '%'`,
    { scopeRootId: rootId },
  );
}

/** Whether the actor may see records owned by the organisation (false for none). */
export async function isInOrganisationScope(
  manager: EntityManager,
  actor: ScopedActor,
  organisationId: string | null,
): Promise<boolean> {
  const scope = organisationScopeOf(actor);
  if (scope.kind === 'all') return true;
  if (!organisationId) return false;
  if (scope.kind === 'own') return organisationId === scope.organisationId;
  const query = manager
    .createQueryBuilder(OrganisationEntity, 'o')
    .where('o.id = :organisationId', { organisationId });
  return whereInOrganisationScope(query, 'o', actor).getExists();
}

/** An organisation by id, read inside the caller's transaction when one is passed. */
export async function findOrganisation(
  manager: EntityManager,
  organisationId: string,
): Promise<Organisation> {
  const organisation = await manager.findOneBy(OrganisationEntity, { id: organisationId });
  if (!organisation) throw new NotFoundError(`Organisation ${organisationId}`);
  return organisation;
}

/**
 * An organisation and every organisation above it, nearest first (the unit, its street union,
 * its district union, … the federation): one query on the indexed path, however deep.
 */
export async function findChainUpwards(
  manager: EntityManager,
  organisationId: string,
): Promise<Organisation[]> {
  const chain = await manager
    .createQueryBuilder(OrganisationEntity, 'o')
    .where(
      `(SELECT self.path FROM organisation self WHERE self.id = :organisationId) LIKE o.path || '%'`,
      { organisationId },
    )
    .orderBy('length(o.path)', 'DESC')
    .getMany();
  if (chain.length === 0) throw new NotFoundError(`Organisation ${organisationId}`);
  return chain;
}
