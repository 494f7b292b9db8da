import { OVERSEEING_ROLES } from './roles';

/**
 * Whose records a staff member may see, by the organisation that owns them: overseers every
 * organisation's; a unit approver their own organisation's and those of the units below it;
 * anyone else only their own organisation's. Every context applies this one rule.
 */
export type OrganisationScope =
  { kind: 'all' } | { kind: 'subtree'; rootId: string } | { kind: 'own'; organisationId: string };

export function organisationScopeOf(actor: {
  organisationId: string;
  roles: readonly string[];
}): OrganisationScope {
  if (actor.roles.some((r) => (OVERSEEING_ROLES as readonly string[]).includes(r))) {
    return { kind: 'all' };
  }
  if (actor.roles.includes('unitApprover'))
    return { kind: 'subtree', rootId: actor.organisationId };
  return { kind: 'own', organisationId: actor.organisationId };
}
