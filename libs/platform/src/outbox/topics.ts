/**
 * The one catalogue of outbox topics and their payloads, as `queues/jobs.ts` is for jobs. Topic
 * values are stored in outbox rows, delivery keys and webhook bodies: never rename one once
 * shipped, add a new one instead. A new topic is a line in `Topic`, its payload type in
 * `TopicPayloads`, and (checked at start) its rule in notifications' catalogue.
 *
 * Payloads carry ids and plain facts only — never a token, a link, an e-mail address or a name:
 * the outbox is plain JSON that backups and webhook subscribers see. Links and addresses are
 * built, or decrypted, when a message is sent.
 */
export enum Topic {
  InvitationCreated = 'identity.invitation-created',
  PasswordResetRequested = 'identity.password-reset-requested',
  NominationSubmitted = 'nomination.submitted',
  NominationForwarded = 'nomination.forwarded',
  NominationReturned = 'nomination.returned',
  NominationWithdrawn = 'nomination.withdrawn',
  /** Passed from one union level to the next above it (any depth of union hierarchy). */
  NominationPassedOn = 'nomination.passed-on',
  RefereeRequested = 'nomination.referee-requested',
  TipOffReceived = 'nomination.tip-off-received',
  EditionDefinitionMigrated = 'edition.definition-migrated',
  StageEntered = 'workflow.stage-entered',
  StageClosed = 'workflow.stage-closed',
  StageOverdue = 'workflow.stage-overdue',
  TaskDecided = 'workflow.task-decided',
  InformationRequested = 'workflow.information-requested',
  InformationAnswered = 'workflow.information-answered',
  TasksDue = 'workflow.tasks-due',
  ReviewerRecused = 'workflow.reviewer-recused',
  TaskAssigned = 'workflow.task-assigned',
  ConflictWaived = 'workflow.conflict-waived',
  CandidateSettled = 'workflow.candidate-settled',
  TaskExtended = 'workflow.task-extended',
  TaskDueSoon = 'workflow.task-due-soon',
  TaskOverdue = 'workflow.task-overdue',
  ExpertMarksSubmitted = 'workflow.expert-marks-submitted',
  ExpertMarksReopened = 'workflow.expert-marks-reopened',
  ExpertSwapped = 'workflow.expert-swapped',
  ScoreArbitrated = 'workflow.score-arbitrated',
  SelectionFinalised = 'selection.finalised',
  SelectionApproved = 'selection.approved',
  NoticePublished = 'publication.notice-published',
  NoticeRepublished = 'publication.notice-republished',
  Released = 'publication.released',
  CertificateRevoked = 'certificate.revoked',
  CertificatesRevoked = 'certificate.batch-revoked',
  /** A message an administrator sends to users, roles or a stage's assignees (and the benchmark). */
  Announcement = 'notification.announcement',
}

/** Stage events also carry how many candidates ended in each status. */
type WithStatusCounts<T> = T & { [status: string]: string | number | boolean | null };

/** A task's reminder (3 or 1 working days before) or its escalation (the day after). */
interface TaskDeadlineNotice {
  taskId: string;
  editionId: string;
  stageId: string;
  nominationId: string;
  organisationId: string | null;
  assigneeUserId: string | null;
  dueOn: string;
  notice: 'reminder-3' | 'reminder-1' | 'overdue';
}

/** Each topic maps to exactly one payload type. */
export interface TopicPayloads {
  [Topic.InvitationCreated]: { invitationId: string };
  [Topic.PasswordResetRequested]: { resetId: string; userId: string };
  [Topic.NominationSubmitted]: {
    nominationId: string;
    editionId: string;
    organisationId: string | null;
    eligible: boolean;
  };
  [Topic.NominationForwarded]: { nominationId: string; editionId: string; note?: string | null };
  [Topic.NominationReturned]: { nominationId: string; editionId: string; note?: string | null };
  [Topic.NominationWithdrawn]: { nominationId: string; editionId: string; note?: string | null };
  [Topic.NominationPassedOn]: { nominationId: string; editionId: string; routingHop: number };
  [Topic.RefereeRequested]: { nominationId: string; refereeId: string };
  [Topic.TipOffReceived]: { tipOffId: string; editionId: string };
  [Topic.EditionDefinitionMigrated]: {
    editionId: string;
    fromVersion: number;
    toVersion: number;
    changed: number;
  };
  [Topic.StageEntered]: WithStatusCounts<{
    editionId: string;
    stageId: string;
    kind: string;
    dueOn: string | null;
  }>;
  [Topic.StageClosed]: WithStatusCounts<{ editionId: string; stageId: string; forced: boolean }>;
  [Topic.StageOverdue]: {
    editionId: string;
    stageId: string;
    openCandidates: number;
    escalated: number;
  };
  [Topic.TaskDecided]: {
    taskId: string;
    editionId: string;
    stageId: string;
    nominationId: string;
    decision: string;
    amendment: boolean;
    candidateStatus: string;
  };
  [Topic.InformationRequested]: {
    requestId: string;
    taskId: string;
    nominationId: string;
    organisationId: string | null;
    dueOn: string;
  };
  [Topic.InformationAnswered]: {
    requestId: string;
    taskId: string;
    organisationId: string | null;
    dueOn: string | null;
    /** How many files came with the answer. */
    evidenceFiles: number;
  };
  [Topic.TasksDue]: {
    editionId: string;
    stageId: string;
    organisationId: string | null;
    openTasks: number;
    pausedTasks: number;
    dueOn: string | null;
  };
  [Topic.ReviewerRecused]: {
    taskId: string;
    editionId: string;
    stageId: string;
    nominationId: string;
    organisationId: string | null;
    userId: string;
    kind: string | null;
    /** The reviewer the task went to, or null when nobody was left (flagged). */
    reassignedTo: string | null;
    awaitingAssignment: boolean;
  };
  [Topic.TaskAssigned]: { taskId: string; editionId: string; stageId: string; userId: string };
  [Topic.ConflictWaived]: { taskId: string; editionId: string; userId: string };
  [Topic.CandidateSettled]: {
    editionId: string;
    stageId: string;
    nominationId: string;
    status: string;
  };
  [Topic.TaskExtended]: { taskId: string; editionId: string; stageId: string; dueOn: string };
  [Topic.TaskDueSoon]: TaskDeadlineNotice;
  [Topic.TaskOverdue]: TaskDeadlineNotice;
  [Topic.ExpertMarksSubmitted]: {
    assignmentId: string;
    editionId: string;
    stageId: string;
    nominationId: string;
    total: number;
  };
  [Topic.ExpertMarksReopened]: {
    assignmentId: string;
    editionId: string;
    stageId: string;
    expertId: string;
    reason: string;
  };
  [Topic.ExpertSwapped]: {
    assignmentId: string;
    editionId: string;
    stageId: string;
    from: string;
    to: string;
    reason: string;
  };
  [Topic.NoticePublished]: {
    editionId: string;
    stageId: string;
    opensOn: string;
    closesOn: string;
  };
  [Topic.NoticeRepublished]: { editionId: string; nominationId: string };
  [Topic.Released]: { editionId: string; stageId: string; certificates: number };
  [Topic.CertificateRevoked]: { certificateNo: string; editionId: string };
  [Topic.CertificatesRevoked]: { editionId: string; count: number };
  [Topic.ScoreArbitrated]: {
    editionId: string;
    stageId: string;
    nominationId: string;
    panelScore: number;
    score: number;
  };
  [Topic.SelectionFinalised]: {
    editionId: string;
    stageId: string;
    /** Places filled per tier. */
    filled: Record<string, number>;
  };
  [Topic.SelectionApproved]: { editionId: string; stageId: string; tierIds: string[] };
  [Topic.Announcement]: {
    announcementId: string;
    /** Users, roles within an organisation, or everyone assigned to a stage. */
    audience: AnnouncementAudience;
  };
}

export type AnnouncementAudience =
  | { kind: 'users'; userIds: string[] }
  | { kind: 'role'; organisationId: string; role: string }
  | { kind: 'stage'; editionId: string; stageId: string };

export type OutboxMessage<T extends Topic = Topic> = { topic: T; payload: TopicPayloads[T] };

export const TOPICS: readonly Topic[] = Object.values(Topic);

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

/** Keys a payload may never carry: the outbox is not a place for secrets or personal data. */
const FORBIDDEN_KEYS = /token|url|link|email|password|secret|name|phone|address/i;

/**
 * Refuses a payload that carries a forbidden key at any depth (checked on every write, cheap:
 * payloads are a handful of ids).
 */
export function assertOutboxPayload(topic: string, payload: unknown, path = 'payload'): void {
  if (payload === null || typeof payload !== 'object') return;
  for (const [key, value] of Object.entries(payload)) {
    if (FORBIDDEN_KEYS.test(key) && !/Id$|Ids$/.test(key)) {
      throw new Error(`outbox topic ${topic}: ${path}.${key} may not be written to the outbox`);
    }
    assertOutboxPayload(topic, value, `${path}.${key}`);
  }
}
