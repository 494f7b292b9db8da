/** Staff roles. A user holds roles within their own organisation only. */
export const ROLES = [
  'secretariatAdmin',
  'unitNominator',
  'unitApprover',
  'departmentReviewer',
  'expert',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** The same kinds as the pipeline's ORGANISATION_KINDS, which routing hops name. */
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
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Which kinds may sit directly under which, so the real chains can be built: city federation →
 * district or county union → street or town union → enterprise; industry unions under the
 * federation or a district; associations under either.
 */
export const ALLOWED_PARENTS: Record<OrganisationKind, readonly OrganisationKind[]> = {
  secretariat: [],
  districtUnion: ['secretariat'],
  streetUnion: ['districtUnion'],
  industryUnion: ['secretariat', 'districtUnion'],
  association: ['secretariat', 'districtUnion'],
  department: ['secretariat'],
  expertPanel: ['secretariat'],
  enterprise: ['districtUnion', 'streetUnion', 'industryUnion'],
};

/** Where each role may be held, so an invitation cannot give an enterprise a reviewer. */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  secretariatAdmin: ['secretariat'],
  auditor: ['secretariat'],
  unitNominator: ['enterprise', 'districtUnion', 'streetUnion', 'industryUnion', 'association'],
  unitApprover: ['enterprise', 'districtUnion', 'streetUnion', 'industryUnion', 'association'],
  departmentReviewer: ['department'],
  expert: ['expertPanel'],
};

/** Roles that may see every organisation and user. */
export const OVERSEEING_ROLES: readonly Role[] = ['secretariatAdmin', 'auditor'];
