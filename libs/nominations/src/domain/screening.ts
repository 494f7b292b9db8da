import { type Organisation, UNION_KINDS } from '@craftcert/identity';
import { DomainError } from '@craftcert/platform';

/** Only a district or industry union ranks the nominations of the units below it. */
export function requireUnion(organisation: Pick<Organisation, 'kind'>): void {
  if (!UNION_KINDS.includes(organisation.kind)) {
    throw new DomainError('FORBIDDEN', 'Only a district or industry union ranks nominations');
  }
}

/** Only the union above the nominating unit screens its nominations (not the unit itself). */
export function requireScreeningUnion(
  organisation: Pick<Organisation, 'id' | 'kind'>,
  nomination: { nominatingOrganisationId: string | null },
): void {
  if (
    !UNION_KINDS.includes(organisation.kind) ||
    organisation.id === nomination.nominatingOrganisationId
  ) {
    throw new DomainError(
      'FORBIDDEN',
      'Only the district or industry union above the unit screens its nominations',
    );
  }
}
