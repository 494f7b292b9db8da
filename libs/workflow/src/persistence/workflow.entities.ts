import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Organisation } from '@craftcert/identity';
import {
  CANDIDATE_STAGE_STATUSES,
  type CandidateStageStatus,
  type ChecklistItem,
  type Explanation,
  type LocalizedText,
  STAGE_TRANSITIONS,
  type StageTransition,
  type TaskDecision,
} from '@craftcert/pipeline';
import type { Edition } from '@craftcert/programmes';
import {
  ASSIGNEE_KINDS,
  type AssigneeKind,
  inList,
  TASK_DECISIONS,
  TASK_STATUSES,
  type TaskStatus,
} from '../domain/task-status';
import { DEADLINE_NOTICES, type DeadlineNotice } from '../domain/task-deadlines';

// Other contexts' tables are named, not imported (see nominations' entities).
const EDITION_ENTITY = 'EditionEntity';
const ORGANISATION_ENTITY = 'OrganisationEntity';
const NOMINATION_ENTITY = 'NominationEntity';
const USER_ENTITY = 'UserEntity';

/** A stage an edition has entered: open until closed, with the date its calendar ends. */
@Entity({ name: 'workflow_stage' })
@Check('ck_workflow_stage_phase', `phase IN ('open', 'closed')`)
export class WorkflowStageEntity {
  @PrimaryColumn({
    name: 'edition_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_workflow_stage',
  })
  editionId: string;

  @PrimaryColumn({
    name: 'stage_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_workflow_stage',
  })
  stageId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_workflow_stage_edition' })
  edition?: Edition;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 8 })
  phase: 'open' | 'closed';

  /** The last local day of the stage's calendar (Asia/Shanghai); null without one. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/**
 * Each transition of each stage of an edition happens once: the unique key makes a repeated
 * admin click or a duplicate scheduled job a no-op instead of a second entry or close.
 */
@Entity({ name: 'stage_transition' })
@Unique('uq_stage_transition', ['editionId', 'stageId', 'transition'])
@Check('ck_stage_transition_transition', `transition IN (${inList(STAGE_TRANSITIONS)})`)
export class StageTransitionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stage_transition' })
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_stage_transition_edition' })
  edition?: Edition;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ type: 'varchar', length: 8 })
  transition: StageTransition;

  /** Made although the stage's conditions did not hold; `reason` says why. */
  @Column({ type: 'boolean', default: false })
  forced: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** Made by the stage's scheduled end rather than by a person. */
  @Column({ type: 'boolean', default: false })
  scheduled: boolean;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** What the transition did: candidates entered, passed, failed… */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  summary: Record<string, number>;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

/** Which organisation acts as each of the definition's departments in one edition. */
@Entity({ name: 'workflow_department' })
export class WorkflowDepartmentEntity {
  @PrimaryColumn({
    name: 'edition_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_workflow_department',
  })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_workflow_department_edition' })
  edition?: Edition;

  /** The definition's department id (`hrss`, `discipline`, …). */
  @PrimaryColumn({
    name: 'department_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_workflow_department',
  })
  departmentId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(ORGANISATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_workflow_department_organisation',
  })
  organisation?: Organisation;

  @Column({ name: 'mapped_by', type: 'uuid', nullable: true })
  mappedBy: string | null;

  @UpdateDateColumn({ name: 'mapped_at', type: 'timestamptz' })
  mappedAt: Date;
}

/** One candidate (a nomination) in one stage: status and how it was reached. */
@Entity({ name: 'candidate_stage' })
@Unique('uq_candidate_stage', ['editionId', 'stageId', 'nominationId'])
@Index('ix_candidate_stage_status', ['editionId', 'stageId', 'status'])
@Check('ck_candidate_stage_status', `status IN (${inList(CANDIDATE_STAGE_STATUSES)})`)
export class CandidateStageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_candidate_stage' })
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(NOMINATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_candidate_stage_nomination' })
  nomination?: unknown;

  /** The nominating unit, copied at entry: it answers requests for information. */
  @Column({ name: 'nominating_organisation_id', type: 'uuid', nullable: true })
  nominatingOrganisationId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CandidateStageStatus;

  @Column({ type: 'jsonb' })
  explanation: Explanation;

  /** The time is up and the join rule referred the open part to the secretariat. */
  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  /** The secretariat settled the escalated candidate: the outcome no longer follows the tasks. */
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @Column({ name: 'settled_by', type: 'uuid', nullable: true })
  settledBy: string | null;

  @Column({ name: 'settlement_reason', type: 'varchar', length: 1000, nullable: true })
  settlementReason: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A work item a stage created for one candidate: a department's review, the secretariat's check. */
@Entity({ name: 'review_task' })
@Unique('uq_review_task', ['candidateStageId', 'taskKey'])
@Index('ix_review_task_owner', ['organisationId', 'status'])
@Index('ix_review_task_stage', ['editionId', 'stageId'])
@Check('ck_review_task_status', `status IN (${inList(TASK_STATUSES)})`)
@Check('ck_review_task_assignee', `assignee_kind IN (${inList(ASSIGNEE_KINDS)})`)
@Check('ck_review_task_decision', `decision IS NULL OR decision IN (${inList(TASK_DECISIONS)})`)
export class ReviewTaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_review_task' })
  id: string;

  @Column({ name: 'candidate_stage_id', type: 'uuid' })
  candidateStageId: string;

  @ManyToOne(() => CandidateStageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'candidate_stage_id',
    foreignKeyConstraintName: 'fk_review_task_candidate_stage',
  })
  candidateStage?: CandidateStageEntity;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  /** The department id, or the stage kind for single-owner tasks. */
  @Column({ name: 'task_key', type: 'varchar', length: 64 })
  taskKey: string;

  @Column({ name: 'assignee_kind', type: 'varchar', length: 16 })
  assigneeKind: AssigneeKind;

  /** The organisation whose members act on the task (the mapped department); null: the secretariat. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'jsonb' })
  label: LocalizedText;

  @Column({ type: 'jsonb' })
  checklist: ChecklistItem[];

  @Column({ type: 'varchar', length: 8 })
  status: TaskStatus;

  /** The current (unsuperseded) decision, kept here for the join and the inbox. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  decision: TaskDecision | null;

  @Column({ name: 'current_decision_id', type: 'uuid', nullable: true })
  currentDecisionId: string | null;

  /** The last local day to decide (Asia/Shanghai); moved on when a paused task resumes. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  /** The member of the owning organisation the task is assigned to; null: any of its reviewers. */
  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @ManyToOne(USER_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_user_id', foreignKeyConstraintName: 'fk_review_task_assignee' })
  assignee?: unknown;

  /** Every member of the department is recused or conflicted: the secretariat must act. */
  @Column({ name: 'awaiting_assignment', type: 'boolean', default: false })
  awaitingAssignment: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export interface ChecklistAnswer {
  itemId: string;
  met: boolean;
  note?: string;
}

/**
 * A decision on a task. Rows are never changed (a trigger refuses UPDATE and DELETE): an
 * amendment is a new row that supersedes the earlier one, and a decision is superseded once.
 */
@Entity({ name: 'review_decision' })
@Unique('uq_review_decision_supersedes', ['supersedesId'])
@Index('ix_review_decision_task', ['taskId'])
@Check('ck_review_decision_decision', `decision IN (${inList(TASK_DECISIONS)})`)
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_review_decision' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_review_decision_task' })
  task?: ReviewTaskEntity;

  @Column({ type: 'varchar', length: 16 })
  decision: TaskDecision;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  checklist: ChecklistAnswer[];

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => ReviewDecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'fk_review_decision_supersedes' })
  supersedes?: ReviewDecisionEntity;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}

/** A request for more information to the nominating unit, and the unit's answer. */
@Entity({ name: 'information_request' })
@Unique('uq_information_request_decision', ['decisionId'])
@Index('ix_information_request_task', ['taskId'])
export class InformationRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_information_request' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_information_request_task' })
  task?: ReviewTaskEntity;

  /** The `requestInfo` decision that asked. */
  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => ReviewDecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'fk_information_request_decision' })
  decision?: ReviewDecisionEntity;

  /** The unit that answers (the nominating organisation). */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 2000 })
  question: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 5000, nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ name: 'asked_at', type: 'timestamptz' })
  askedAt: Date;
}

export const CONFLICT_KINDS = [
  'employer',
  'nominatingUnit',
  'relative',
  'mentoring',
  'formerEmployer',
  'other',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * A reviewer's declaration on one task, made before the dossier opens: no conflict, or a conflict
 * of a kind with a reason (the reviewer is then recused from the task). One per reviewer and task.
 */
@Entity({ name: 'conflict_declaration' })
@Unique('uq_conflict_declaration', ['taskId', 'userId'])
@Check('ck_conflict_declaration_kind', `kind IS NULL OR kind IN (${inList(CONFLICT_KINDS)})`)
export class ConflictDeclarationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_conflict_declaration' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_conflict_declaration_task' })
  task?: ReviewTaskEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'boolean' })
  conflict: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  kind: ConflictKind | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}

export const RELATION_KINDS = [
  'employer',
  'formerEmployer',
  'relativeEmployer',
  'mentoring',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * A relation a reviewer or expert declares in their profile, checked against every candidate
 * before they are assigned: an organisation they work or worked for, or a relative works for, or
 * a person they mentor or were mentored by (kept only as the keyed hash of the ID number).
 */
@Entity({ name: 'reviewer_relation' })
@Index('ix_reviewer_relation_user', ['userId'])
@Check('ck_reviewer_relation_kind', `kind IN (${inList(RELATION_KINDS)})`)
@Check(
  'ck_reviewer_relation_target',
  `(kind = 'mentoring' AND identity_hash IS NOT NULL AND organisation_id IS NULL) OR (kind <> 'mentoring' AND organisation_id IS NOT NULL AND identity_hash IS NULL)`,
)
export class ReviewerRelationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reviewer_relation' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(USER_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_reviewer_relation_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 32 })
  kind: RelationKind;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(ORGANISATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_reviewer_relation_organisation',
  })
  organisation?: Organisation;

  @Column({ name: 'identity_hash', type: 'char', length: 64, nullable: true })
  identityHash: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}

/** The secretariat lets a reviewer act on a task despite a detected conflict, with its reason. */
@Entity({ name: 'conflict_waiver' })
@Unique('uq_conflict_waiver', ['taskId', 'userId'])
export class ConflictWaiverEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_conflict_waiver' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_conflict_waiver_task' })
  task?: ReviewTaskEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(USER_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_conflict_waiver_user' })
  user?: unknown;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ name: 'waived_by', type: 'uuid' })
  waivedBy: string;

  @CreateDateColumn({ name: 'waived_at', type: 'timestamptz' })
  waivedAt: Date;
}

export const ASSIGNMENT_CAUSES = ['assigned', 'recusal', 'flagged'] as const;
export type AssignmentCause = (typeof ASSIGNMENT_CAUSES)[number];

/** Who a task went to and why: assigned by the secretariat, moved on by a recusal, or flagged. */
@Entity({ name: 'task_assignment' })
@Index('ix_task_assignment_task', ['taskId'])
@Check('ck_task_assignment_cause', `cause IN (${inList(ASSIGNMENT_CAUSES)})`)
export class TaskAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task_assignment' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_assignment_task' })
  task?: ReviewTaskEntity;

  /** The new assignee; null when nobody was left (flagged to the secretariat). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'previous_user_id', type: 'uuid', nullable: true })
  previousUserId: string | null;

  @Column({ type: 'varchar', length: 16 })
  cause: AssignmentCause;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}

/**
 * A deadline notice written for a task (a reminder before its due date, the escalation after
 * it): one per task, notice and due date, so a job that runs twice writes its events once, and
 * a moved due date gets its own notices.
 */
@Entity({ name: 'task_deadline_notice' })
@Check('ck_task_deadline_notice_notice', `notice IN (${inList(DEADLINE_NOTICES)})`)
export class TaskDeadlineNoticeEntity {
  @PrimaryColumn({
    name: 'task_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_task_deadline_notice',
  })
  taskId: string;

  @ManyToOne(() => ReviewTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_deadline_notice_task' })
  task?: ReviewTaskEntity;

  @PrimaryColumn({
    type: 'varchar',
    length: 16,
    primaryKeyConstraintName: 'pk_task_deadline_notice',
  })
  notice: DeadlineNotice;

  @PrimaryColumn({
    name: 'due_on',
    type: 'date',
    primaryKeyConstraintName: 'pk_task_deadline_notice',
  })
  dueOn: string;

  @CreateDateColumn({ name: 'noticed_at', type: 'timestamptz' })
  noticedAt: Date;
}

export const WORKFLOW_ENTITIES = [
  WorkflowStageEntity,
  StageTransitionEntity,
  WorkflowDepartmentEntity,
  CandidateStageEntity,
  ReviewTaskEntity,
  ReviewDecisionEntity,
  InformationRequestEntity,
  ConflictDeclarationEntity,
  ReviewerRelationEntity,
  ConflictWaiverEntity,
  TaskAssignmentEntity,
  TaskDeadlineNoticeEntity,
];
