import type { NominationStatus } from './nomination-status';

/** The audit entry of a status change, alike for every transition (`nomination.<new status>`). */
export function statusChangeAudit(
  nomination: { id: string; status: NominationStatus },
  from: NominationStatus,
  note: string | null,
) {
  return {
    action: `nomination.${nomination.status}`,
    subjectType: 'nomination',
    subjectId: nomination.id,
    before: { status: from },
    after: { status: nomination.status, ...(note ? { note } : {}) },
  };
}
