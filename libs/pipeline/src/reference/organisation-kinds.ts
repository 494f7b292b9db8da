/**
 * The kinds of organisation a hierarchy is built from: the secretariat (a city federation), the
 * unions between it and the units (district or county unions, street or town unions, industry
 * unions), associations, enterprises, and the partner departments and expert panels beside it.
 * The identity context's organisations use exactly these kinds.
 */
export const ORGANISATION_KINDS = [
  'secretariat',
  'enterprise',
  'districtUnion',
  'streetUnion',
  'industryUnion',
  'association',
  'department',
  'expertPanel',
] as const;
export type OrganisationKindName = (typeof ORGANISATION_KINDS)[number];

/** Kinds that can hold a nomination on its way up (a routing hop); departments and panels cannot. */
export const ROUTING_KINDS: readonly OrganisationKindName[] = [
  'secretariat',
  'enterprise',
  'districtUnion',
  'streetUnion',
  'industryUnion',
  'association',
];
