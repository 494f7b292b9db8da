import type { OrganisationKind } from './roles';

/** An organisation as other contexts see it (nominating units, unions, departments, panels). */
export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  parentId: string | null;
  /** The ids from the root down ("/root/…/self/"): a subtree is one prefix match. */
  path: string;
  district: string | null;
  industrySection: string | null;
  enterpriseType: string | null;
}

/** District, street and industry unions: they screen, rank and forward the nominations of the units below them. */
export const UNION_KINDS: readonly OrganisationKind[] = [
  'districtUnion',
  'streetUnion',
  'industryUnion',
];
