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
export const WITHDRAWABLE: readonly NominationStatus[] = ['submitted', 'forwarded', 'returned'];

/** Which organisation kind nominates through a staff channel of each kind. */
export const NOMINATING_KIND: Record<string, string> = {
  unit: 'enterprise',
  districtUnion: 'districtUnion',
  industryUnion: 'industryUnion',
  association: 'association',
};

export const UNION_KINDS = ['districtUnion', 'industryUnion'];
