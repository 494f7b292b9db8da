// The pure vocabulary of the stage runner: what a candidate's standing in a stage is, what work a
// stage creates and how decisions on that work are described. No framework, no persistence.
import type { ChecklistItem, LocalizedText, TaskDecision } from '../definition/definition.types';

/**
 * A candidate's standing in one stage. `pending`: entered, nobody has acted yet; `inProgress`:
 * some work is done but the outcome is open; `paused`: open and waiting for information the
 * nominating unit was asked for; `passed` / `failed`: the outcome (final once the stage closes);
 * `withdrawn`: the nomination was withdrawn while in the stage.
 */
export const CANDIDATE_STAGE_STATUSES = [
  'pending',
  'inProgress',
  'paused',
  'passed',
  'failed',
  'withdrawn',
] as const;
export type CandidateStageStatus = (typeof CANDIDATE_STAGE_STATUSES)[number];

/** Statuses from which a candidate moves on to the next stage (only `passed`). */
export const DECIDED_STATUSES: readonly CandidateStageStatus[] = ['passed', 'failed', 'withdrawn'];

/** How a status was reached, for people (zh + en) and for programs (`code`). */
export interface Explanation extends LocalizedText {
  code: string;
}

/** Who owns a task a stage creates for each candidate who enters it. */
export type TaskAssignee =
  | { kind: 'secretariat' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'approver'; body: string };

/** A work item entering a stage creates for one candidate. */
export interface TaskSpec {
  /** Unique within the stage and candidate: the department id, or the stage kind. */
  key: string;
  label: LocalizedText;
  assignee: TaskAssignee;
  checklist: readonly ChecklistItem[];
}

/** The current (latest, unsuperseded) decision on one task, as the outcome rules see it. */
export interface TaskState {
  key: string;
  label: LocalizedText;
  /** null while nobody has decided; `requestInfo` while the unit's answer is awaited. */
  decision: TaskDecision | null;
  /** The decision's reason, quoted where one decision settles the outcome. */
  reason?: string;
}

/** A candidate's outcome in a stage as the stage kind computes it from the tasks. */
export interface CandidateOutcome {
  status: Exclude<CandidateStageStatus, 'withdrawn'>;
  explanation: Explanation;
  /** The time is up and the secretariat must settle the undecided part. */
  escalated?: boolean;
}

/** Whether the time the stage's calendar gives has run out (decides the join's timeout rule). */
export interface OutcomeContext {
  timedOut: boolean;
}
