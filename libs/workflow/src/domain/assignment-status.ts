/**
 * Where an expert's assignment stands: `assigned` (nothing saved yet), `draft` (marks saved, still
 * changeable), `submitted` (final; only the secretariat can reopen it, with a reason).
 */
export const ASSIGNMENT_STATUSES = ['assigned', 'draft', 'submitted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
