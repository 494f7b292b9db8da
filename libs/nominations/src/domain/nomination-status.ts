import { InvalidTransitionError } from './nomination.errors';

/**
 * Where a nomination stands. Editable while `draft`, `returned` or `withdrawn`; `submitted`
 * waits for the union that screens the channel; `forwarded` has reached the secretariat;
 * `awaitingReferees` is a self-nomination whose referees have not all confirmed.
 */
export const NOMINATION_STATUSES = [
  'draft',
  'submitted',
  'awaitingReferees',
  'forwarded',
  'returned',
  'withdrawn',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const EDITABLE: readonly NominationStatus[] = ['draft', 'returned', 'withdrawn'];

/** Statuses that hold one of the unit's places under a per-unit cap. */
export const HOLDS_PLACE: readonly NominationStatus[] = ['submitted', 'forwarded'];

/** Nominations in the running: two of these for the same person are flagged as duplicates. */
export const IN_THE_RUNNING: readonly NominationStatus[] = [
  'submitted',
  'forwarded',
  'awaitingReferees',
];

export const WITHDRAWABLE: readonly NominationStatus[] = ['submitted', 'forwarded', 'returned'];

/** Awaiting its union's screening: the only status a union forwards or returns. */
export const AWAITING_SCREENING: readonly NominationStatus[] = ['submitted'];

/** Refuses an act the nomination's status does not allow, naming both. */
export function requireStatus(
  nomination: { status: NominationStatus },
  allowed: readonly NominationStatus[],
  action: string,
): void {
  if (!allowed.includes(nomination.status)) {
    throw new InvalidTransitionError(action, nomination.status);
  }
}

/**
 * A draft (never submitted) stays its unit's: no one outside the nominating organisation — its
 * union, the secretariat — sees it (its dossier, personal data, evidence) before the unit submits.
 */
export const UNIT_PRIVATE: readonly NominationStatus[] = ['draft'];

export function visibleOutsideUnit(nomination: { status: NominationStatus }): boolean {
  return !UNIT_PRIVATE.includes(nomination.status);
}

/** Whether a reader in scope of the nomination's organisation may see it (see visibleOutsideUnit). */
export function visibleToReader(
  nomination: { status: NominationStatus; nominatingOrganisationId: string | null },
  reader: { organisationId: string },
): boolean {
  return (
    visibleOutsideUnit(nomination) || nomination.nominatingOrganisationId === reader.organisationId
  );
}
