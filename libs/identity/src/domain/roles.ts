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

export const ORGANISATION_KINDS = [
  'secretariat',
  'enterprise',
  'districtUnion',
  'industryUnion',
  'association',
  'department',
  'expertPanel',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which kinds may sit directly under which: an enterprise under a district or industry union. */
export const ALLOWED_PARENTS: Record<OrganisationKind, readonly OrganisationKind[]> = {
  secretariat: [],
  districtUnion: ['secretariat'],
  industryUnion: ['secretariat'],
  association: ['secretariat'],
  department: ['secretariat'],
  expertPanel: ['secretariat'],
  enterprise: ['districtUnion', 'industryUnion'],
};

/** Where each role may be held, so an invitation cannot give an enterprise a reviewer. */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  secretariatAdmin: ['secretariat'],
  auditor: ['secretariat'],
  unitNominator: ['enterprise', 'districtUnion', 'industryUnion', 'association'],
  unitApprover: ['enterprise', 'districtUnion', 'industryUnion', 'association'],
  departmentReviewer: ['department'],
  expert: ['expertPanel'],
};

/** Roles that may see every organisation and user. */
export const OVERSEEING_ROLES: readonly Role[] = ['secretariatAdmin', 'auditor'];
