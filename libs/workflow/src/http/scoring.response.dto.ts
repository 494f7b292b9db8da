import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../domain/assignment-status';
import { TextResponse } from './workflow.response.dto';

export class ExpertAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ example: 'expert-scoring' }) stageId: string;
  @ApiProperty({ format: 'uuid' }) nominationId: string;
  @ApiProperty({ example: 'C', description: 'The panelsBy value ("" for one panel)' })
  group: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
}

export class JudgedItemResponse {
  @ApiProperty({ example: 'mastery' }) id: string;
  @ApiProperty({ type: TextResponse }) label: TextResponse;
  @ApiProperty() minPoints: number;
  @ApiProperty() maxPoints: number;
}

export class AssignmentDossierResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() stageId: string;
  @ApiProperty({ description: 'Identifying fields are left out' }) blind: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Masked name; null when blind' })
  candidate: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) dossier: Record<string, unknown>;
  @ApiProperty({ type: [JudgedItemResponse] }) judgedItems: JudgedItemResponse[];
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  marks: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
}

export class MarksResultResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  marks: Record<string, number>;
  @ApiProperty() total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Every criterion and item with its points, the caps that bit and why (zh + en)',
  })
  breakdown: object;
}

export class ReopenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['draft'] }) status: 'draft';
  @ApiProperty() reason: string;
}

export class SwapResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() reason: string;
}

export class PlannedAssignmentResponse {
  @ApiProperty({ format: 'uuid', description: 'The nomination' }) candidateId: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() group: string;
}

export class ShortfallResponse {
  @ApiProperty() group: string;
  @ApiProperty({ format: 'uuid' }) candidateId: string;
  @ApiProperty() needed: number;
  @ApiProperty() available: number;
  @ApiProperty({ type: TextResponse }) explanation: TextResponse;
}

export class AssignmentPlanResponse {
  @ApiProperty({ description: 'Every dossier has enough unconflicted experts' }) ok: boolean;
  @ApiPropertyOptional({ type: [PlannedAssignmentResponse] })
  assignments?: PlannedAssignmentResponse[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Dossiers per expert',
  })
  loads?: Record<string, number>;
  @ApiPropertyOptional({ type: [ShortfallResponse] }) shortfalls?: ShortfallResponse[];
}

export class PanelMarkResponse {
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() raw: number;
  @ApiPropertyOptional() normalised?: number;
}

export class PanelScoreResponse {
  @ApiProperty({ format: 'uuid' }) candidateId: string;
  @ApiProperty({ description: 'The score used: normalised when the definition normalises' })
  score: number;
  @ApiProperty() rawScore: number;
  @ApiPropertyOptional() normalisedScore?: number;
  @ApiProperty() spread: number;
  @ApiProperty() needsArbitration: boolean;
  @ApiProperty({ type: [PanelMarkResponse] }) marks: PanelMarkResponse[];
  @ApiProperty({ type: TextResponse }) explanation: TextResponse;
}

export class RankedRowResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() group: string;
  @ApiProperty() rank: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: PanelScoreResponse }) panel: PanelScoreResponse | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  arbitration: object | null;
  @ApiProperty() awaitingArbitration: boolean;
  @ApiProperty({ type: TextResponse }) explanation: TextResponse;
}

export class RankedGroupResponse {
  @ApiProperty() group: string;
  @ApiProperty({ type: [RankedRowResponse] }) rows: RankedRowResponse[];
}

export class ScoringProgressResponse {
  @ApiProperty() assignments: number;
  @ApiProperty() submitted: number;
}

export class StageScoresResponse {
  @ApiProperty() stageId: string;
  @ApiProperty({ type: ScoringProgressResponse }) progress: ScoringProgressResponse;
  @ApiProperty({ type: [RankedGroupResponse] }) groups: RankedGroupResponse[];
}
