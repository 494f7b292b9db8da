/** Staff roles that read nominations (each within its organisation scope). */
export const NOMINATION_READERS = [
  'secretariatAdmin',
  'auditor',
  'unitNominator',
  'unitApprover',
] as const;
