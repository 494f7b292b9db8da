import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TaskDecision } from '@craftcert/pipeline';
import type { TransitionResult } from '../use-cases/stage-runner';

export class TextResponse {
  @ApiProperty({ example: '市人力社保局' }) zh: string;
  @ApiProperty({ example: 'human resources and social security bureau' }) en: string;
}

export class ExplanationResponse extends TextResponse {
  @ApiProperty({ example: 'join.veto.vetoed', description: 'Stable code for programs' })
  code: string;
}

export class TransitionResponse {
  @ApiProperty() stageId: string;
  @ApiProperty({ enum: ['enter', 'close'] }) transition: string;
  @ApiProperty({ description: 'It had already happened; nothing was done now' }) replayed: boolean;
  @ApiProperty({ description: 'Made although the stage’s conditions did not hold' })
  forced: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { candidates: 12, tasks: 60 },
    description: 'Counts of what it did',
  })
  summary: Record<string, number>;

  static from(r: TransitionResult): TransitionResponse {
    return {
      stageId: r.stageId,
      transition: r.transition,
      replayed: r.replayed,
      forced: r.record?.forced ?? false,
      reason: r.record?.reason ?? null,
      occurredAt: r.record?.occurredAt.toISOString() ?? null,
      summary: r.summary,
    };
  }
}

export class MappedDepartmentResponse {
  @ApiProperty({ example: 'hrss' }) id: string;
  @ApiProperty({ type: TextResponse }) label: TextResponse;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
}

export class WorkflowStageResponse {
  @ApiProperty({ example: 'departmental-review' }) stageId: string;
  @ApiProperty({ example: 'departmentalReview' }) kind: string;
  @ApiProperty({ type: TextResponse }) label: TextResponse;
  @ApiProperty({ enum: ['notEntered', 'open', 'closed'] }) phase: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-07-10',
    description: 'Last local day',
  })
  dueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) enteredAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: Date | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { passed: 10, failed: 2 },
    description: 'Candidates per status',
  })
  counts: Record<string, number>;
  @ApiPropertyOptional({ type: [MappedDepartmentResponse] })
  departments?: MappedDepartmentResponse[];
}

export class CandidateTaskResponse {
  @ApiProperty({ example: 'hrss' }) key: string;
  @ApiProperty({ enum: ['open', 'paused', 'decided'] }) status: string;
  @ApiProperty({ nullable: true, enum: ['approve', 'reject', 'requestInfo'] })
  decision: TaskDecision | null;
}

export class CandidateResponse {
  @ApiProperty() id: string;
  @ApiProperty() nominationId: string;
  @ApiProperty({ enum: ['pending', 'inProgress', 'paused', 'passed', 'failed', 'withdrawn'] })
  status: string;
  @ApiProperty({ type: ExplanationResponse }) explanation: ExplanationResponse;
  @ApiProperty({ description: 'Time is up; the secretariat settles the open part' })
  escalated: boolean;
  @ApiProperty({ type: [CandidateTaskResponse] }) tasks: CandidateTaskResponse[];
}

export class ChecklistItemResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: TextResponse }) label: TextResponse;
}

export class TaskResponse {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() stageId: string;
  @ApiProperty() nominationId: string;
  @ApiProperty({ example: 'hrss' }) taskKey: string;
  @ApiProperty({ enum: ['secretariat', 'department', 'approver'] }) assigneeKind: string;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The reviewer the task is assigned to; null: any reviewer of the department',
  })
  assigneeUserId: string | null;
  @ApiProperty({
    description: 'Every reviewer of the department is recused or conflicted: the secretariat acts',
  })
  awaitingAssignment: boolean;
  @ApiProperty({ type: TextResponse }) label: TextResponse;
  @ApiProperty({ enum: ['open', 'paused', 'decided'] }) status: string;
  @ApiProperty({ nullable: true, enum: ['approve', 'reject', 'requestInfo'] })
  decision: TaskDecision | null;
  @ApiProperty({ nullable: true, type: String }) dueOn: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() candidateStatus: string;
}

export class ChecklistAnswerResponse {
  @ApiProperty() itemId: string;
  @ApiProperty() met: boolean;
  @ApiPropertyOptional() note?: string;
}

export class DecisionResponse {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty({ enum: ['approve', 'reject', 'requestInfo'] }) decision: TaskDecision;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [ChecklistAnswerResponse] }) checklist: ChecklistAnswerResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'The decision this one amends' })
  supersedesId: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty() decidedAt: Date;
}

export class AnswerEvidenceResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'skillCertificate' }) kind: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Detected from the bytes' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: Date;
}

export class InformationRequestResponse {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty() question: string;
  @ApiProperty({ nullable: true, type: String }) dueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: Date | null;
  @ApiProperty() askedAt: Date;
  @ApiProperty({
    type: [AnswerEvidenceResponse],
    description: 'Evidence files the unit sent with its answer',
  })
  evidence: AnswerEvidenceResponse[];
}

export class TaskDetailResponse {
  @ApiProperty({ type: TaskResponse }) task: TaskResponse & { checklist: ChecklistItemResponse[] };
  @ApiProperty({ type: [ChecklistItemResponse] }) checklist: ChecklistItemResponse[];
  @ApiProperty({
    type: [DecisionResponse],
    description: 'Every decision, superseded ones included',
  })
  decisions: DecisionResponse[];
  @ApiProperty({ type: [InformationRequestResponse] })
  informationRequests: InformationRequestResponse[];
}

export class DecisionResultResponse {
  @ApiProperty({ type: DecisionResponse }) decision: DecisionResponse;
  @ApiProperty({ enum: ['pending', 'inProgress', 'paused', 'passed', 'failed'] })
  candidateStatus: string;
  @ApiProperty({ type: ExplanationResponse }) explanation: ExplanationResponse;
}

export class ProgressRowResponse {
  @ApiProperty({ description: 'A department (task key) or a reviewer id' }) group: string;
  @ApiProperty() done: number;
  @ApiProperty() pending: number;
  @ApiProperty() paused: number;
  @ApiProperty() overdue: number;
}

export class ProgressResponse {
  @ApiProperty({ type: [ProgressRowResponse] }) byTask: ProgressRowResponse[];
  @ApiProperty({ type: [ProgressRowResponse] }) byReviewer: ProgressRowResponse[];
}

export class OpenInformationRequestResponse {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty() nominationId: string;
  @ApiProperty() question: string;
  @ApiProperty({ nullable: true, type: String }) dueOn: string | null;
  @ApiProperty({ type: TextResponse }) department: TextResponse;
}

export class TaskDossierResponse {
  @ApiProperty({ example: '王*国', description: 'The masked name' }) candidate: string;
  @ApiProperty({ example: 'unit-nomination' }) channelId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Every dossier field, personal data included',
  })
  dossier: Record<string, unknown>;
}

export class ConflictDeclarationResponse {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty() userId: string;
  @ApiProperty() conflict: boolean;
  @ApiProperty({ nullable: true, type: String }) kind: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() declaredAt: Date;
}

export class EditionConflictResponse extends ConflictDeclarationResponse {
  @ApiProperty() stageId: string;
  @ApiProperty({ example: 'hrss' }) taskKey: string;
  @ApiProperty() nominationId: string;
}

export class ReviewerRelationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['employer', 'formerEmployer', 'relativeEmployer', 'mentoring'] })
  kind: string;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() declaredAt: Date;
}

export class TaskAssignmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: nobody left, flagged' })
  userId: string | null;
  @ApiProperty({ nullable: true, type: String }) previousUserId: string | null;
  @ApiProperty({ enum: ['assigned', 'recusal', 'flagged'] }) cause: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() assignedAt: Date;
}

export class ConflictWaiverResponse {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty() userId: string;
  @ApiProperty() reason: string;
  @ApiProperty() waivedBy: string;
  @ApiProperty() waivedAt: Date;
}

export class DetectedConflictResponse {
  @ApiProperty() taskId: string;
  @ApiProperty() stageId: string;
  @ApiProperty({ example: 'hrss' }) taskKey: string;
  @ApiProperty() nominationId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ['member', 'employer', 'formerEmployer', 'relativeEmployer', 'mentoring'] })
  tie: string;
  @ApiProperty({ enum: ['same', 'above', 'below', 'person'] }) position: string;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ type: TextResponse }) explanation: TextResponse;
  @ApiProperty() waived: boolean;
}

export class AwaitingAssignmentResponse {
  @ApiProperty() taskId: string;
  @ApiProperty() taskKey: string;
  @ApiProperty() nominationId: string;
}

export class ConflictRegisterResponse {
  @ApiProperty({ type: [EditionConflictResponse] }) declarations: EditionConflictResponse[];
  @ApiProperty({ type: [DetectedConflictResponse] }) detections: DetectedConflictResponse[];
  @ApiProperty({ type: [ConflictWaiverResponse] }) waivers: ConflictWaiverResponse[];
  @ApiProperty({ type: [TaskAssignmentResponse] }) assignments: TaskAssignmentResponse[];
  @ApiProperty({ type: [AwaitingAssignmentResponse] })
  awaitingAssignment: AwaitingAssignmentResponse[];
}

export class SettlementResponse {
  @ApiProperty({ enum: ['passed', 'failed'] }) status: string;
  @ApiProperty({ type: ExplanationResponse }) explanation: ExplanationResponse;
}

export class TaskExtensionResponse {
  @ApiProperty() taskId: string;
  @ApiProperty({ example: '2026-11-20' }) dueOn: string;
}
