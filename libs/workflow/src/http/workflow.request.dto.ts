import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '@craftcert/calendar';
import type { TaskDecision } from '@craftcert/pipeline';
import { TASK_DECISIONS, TASK_STATUSES, type TaskStatus } from '../domain/task-status';
import {
  CONFLICT_KINDS,
  type ConflictKind,
  RELATION_KINDS,
  type RelationKind,
} from '../persistence/workflow.entities';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const STAGE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export class EditionParams {
  @ApiProperty({ format: 'uuid', description: 'The edition' })
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId: string;
}

export class StageParams extends EditionParams {
  @ApiProperty({
    pattern: STAGE_ID.source,
    example: 'departmental-review',
    description: 'A stage id of the definition',
  })
  @Matches(STAGE_ID, {
    message: 'stageId must be a stage id of the definition (letters, digits, - and _)',
  })
  stageId: string;
}

export class TaskParams {
  @ApiProperty({ format: 'uuid', description: 'The review task' })
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId: string;
}

export class RequestParams {
  @ApiProperty({ format: 'uuid', description: 'The request for information' })
  @IsUUID('all', { message: 'requestId must be a UUID' })
  requestId: string;
}

/** Enter, close or advance; `force` (close only) needs a reason, which is recorded. */
export class TransitionRequestBody {
  @ApiPropertyOptional({ description: 'Close although candidates have no outcome yet (they fail)' })
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;

  @ApiPropertyOptional({ example: '联审期限已到，秘书处决定结束', minLength: 2, maxLength: 500 })
  @ValidateIf((o: TransitionRequestBody) => o.force === true || o.reason !== undefined)
  @Transform(trimmed)
  @Length(2, 500, { message: 'reason must be text of 2–500 characters (required with force)' })
  reason?: string;
}

export class DepartmentMappingEntry {
  @ApiProperty({
    example: 'hrss',
    pattern: STAGE_ID.source,
    description: "The definition's department id",
  })
  @Matches(STAGE_ID, { message: 'departmentId must be a department id of the definition' })
  departmentId: string;

  @ApiProperty({ description: 'The department organisation that acts as it' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;
}

export class MapDepartmentsRequest {
  @ApiProperty({ type: [DepartmentMappingEntry] })
  @IsArray({ message: 'departments must be a list of { departmentId, organisationId }' })
  @ArrayMaxSize(100, { message: 'departments must list at most 100 entries' })
  @ValidateNested({ each: true })
  @Type(() => DepartmentMappingEntry)
  departments: DepartmentMappingEntry[];
}

export class ChecklistAnswerRequest {
  @ApiProperty({ example: 'skill-certificate', pattern: STAGE_ID.source })
  @Matches(STAGE_ID, { message: 'itemId must be a checklist item id' })
  itemId: string;

  @ApiProperty({ description: 'Whether the item is met' })
  @IsBoolean({ message: 'met must be true or false' })
  met: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Length(1, 500, { message: 'note must be text of 1–500 characters' })
  note?: string;
}

export class DecideRequest {
  @ApiProperty({ enum: TASK_DECISIONS })
  @IsIn(TASK_DECISIONS, { message: `decision must be one of ${TASK_DECISIONS.join(', ')}` })
  decision: TaskDecision;

  @ApiProperty({ example: '技能等级证书经核验属实', minLength: 2, maxLength: 2000 })
  @Transform(trimmed)
  @Length(2, 2000, { message: 'reason must be text of 2–2000 characters' })
  reason: string;

  @ApiProperty({
    type: [ChecklistAnswerRequest],
    description: "Every item of the task's checklist",
  })
  @IsArray({ message: 'checklist must be a list of { itemId, met, note? }' })
  @ArrayMaxSize(100, { message: 'checklist must list at most 100 answers' })
  @ValidateNested({ each: true })
  @Type(() => ChecklistAnswerRequest)
  checklist: ChecklistAnswerRequest[];

  @ApiPropertyOptional({
    description: 'The current decision this one amends (required once decided)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'amends must be the UUID of the decision being amended' })
  amends?: string;
}

export class AnswerRequest {
  @ApiProperty({ example: '已补充技能等级证书原件扫描件', minLength: 2, maxLength: 5000 })
  @Transform(trimmed)
  @Length(2, 5000, { message: 'answer must be text of 2–5000 characters' })
  answer: string;
}

export class InboxQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId?: string;

  @ApiPropertyOptional({ pattern: STAGE_ID.source })
  @IsOptional()
  @Matches(STAGE_ID, { message: 'stageId must be a stage id of the definition' })
  stageId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({
    example: '2026-07-01',
    description: 'Only tasks due on or before this day',
  })
  @IsOptional()
  @IsLocalDate()
  dueBy?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be at least 0' })
  @Max(1_000_000, { message: 'offset must be at most 1000000' })
  offset?: number;
}

export class DeclareConflictRequest {
  @ApiProperty({ description: 'Whether you have a conflict of interest with this candidate' })
  @IsBoolean({ message: 'conflict must be true or false' })
  conflict: boolean;

  @ApiPropertyOptional({ enum: CONFLICT_KINDS, description: 'Required with a conflict' })
  @ValidateIf((o: DeclareConflictRequest) => o.conflict === true || o.kind !== undefined)
  @IsIn(CONFLICT_KINDS, {
    message: `kind must be one of ${CONFLICT_KINDS.join(', ')} (required with a conflict)`,
  })
  kind?: ConflictKind;

  @ApiPropertyOptional({
    example: '候选人是本人原单位同事',
    maxLength: 1000,
    description: 'Required with a conflict',
  })
  @ValidateIf((o: DeclareConflictRequest) => o.conflict === true || o.reason !== undefined)
  @Transform(trimmed)
  @Length(2, 1000, {
    message: 'reason must be text of 2–1000 characters (required with a conflict)',
  })
  reason?: string;
}

export class DeclareRelationRequest {
  @ApiProperty({
    enum: RELATION_KINDS,
    description:
      'employer, formerEmployer, relativeEmployer (with organisationId) or mentoring (with idNumber)',
  })
  @IsIn(RELATION_KINDS, { message: `kind must be one of ${RELATION_KINDS.join(', ')}` })
  kind: RelationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organisation; required unless mentoring',
  })
  @ValidateIf(
    (o: DeclareRelationRequest) => o.kind !== 'mentoring' || o.organisationId !== undefined,
  )
  @IsUUID('all', { message: 'organisationId must be a UUID (required unless kind is mentoring)' })
  organisationId?: string;

  @ApiPropertyOptional({
    pattern: '^[0-9]{17}[0-9Xx]$',
    description:
      'The mentor’s or apprentice’s ID number; required for mentoring, stored only as a keyed hash',
  })
  @ValidateIf((o: DeclareRelationRequest) => o.kind === 'mentoring' || o.idNumber !== undefined)
  @Matches(/^[0-9]{17}[0-9Xx]$/, {
    message: 'idNumber must be an 18-character ID number (required for mentoring, only then)',
  })
  idNumber?: string;

  @ApiPropertyOptional({ example: '2010–2018 年在该单位工作', maxLength: 500 })
  @IsOptional()
  @Transform(trimmed)
  @Length(1, 500, { message: 'note must be text of 1–500 characters' })
  note?: string;
}

export class AssignTaskRequest {
  @ApiProperty({ format: 'uuid', description: 'A reviewer of the department that owns the task' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class WaiveConflictRequest {
  @ApiProperty({ format: 'uuid', description: 'The reviewer whose detected conflicts are waived' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ example: '已离开该单位二十年，经领导小组同意', maxLength: 1000 })
  @Transform(trimmed)
  @Length(2, 1000, { message: 'reason must be text of 2–1000 characters' })
  reason: string;
}

export class CandidateParams extends StageParams {
  @ApiProperty({ format: 'uuid', description: 'The nomination (the candidate) in the stage' })
  @IsUUID('all', { message: 'nominationId must be a UUID' })
  nominationId: string;
}

export class SettleCandidateRequest {
  @ApiProperty({ enum: ['passed', 'failed'], description: "The secretariat's outcome" })
  @IsIn(['passed', 'failed'], { message: 'status must be passed or failed' })
  status: 'passed' | 'failed';

  @ApiProperty({ example: '市纪委监委逾期未复函，经领导小组研究同意通过', maxLength: 1000 })
  @Transform(trimmed)
  @Length(2, 1000, { message: 'reason must be text of 2–1000 characters' })
  reason: string;
}

export class AnswerEvidenceQuery {
  @ApiProperty({
    example: 'approvalForm',
    pattern: '^[a-zA-Z][a-zA-Z0-9-]{0,63}$',
    description: "An evidence kind of the edition's definition",
  })
  @Matches(/^[a-zA-Z][a-zA-Z0-9-]{0,63}$/, {
    message: 'kind must be an evidence kind of the definition',
  })
  kind: string;

  @ApiProperty({
    example: '廉洁情况说明.pdf',
    minLength: 1,
    maxLength: 255,
    pattern: '^[^/\\\\]+$',
  })
  @Length(1, 255, { message: 'fileName must be 1–255 characters' })
  @Matches(/^[^/\\]+$/, { message: 'fileName must not contain slashes' })
  fileName: string;
}

export class ExtendTaskRequest {
  @ApiProperty({
    example: '2026-11-20',
    description: 'The new last local day; later than the current one',
  })
  @IsLocalDate({ message: 'dueOn must be a date YYYY-MM-DD' })
  dueOn: string;

  @ApiProperty({ example: '部门请求延期，待补充材料', maxLength: 500 })
  @Transform(trimmed)
  @Length(2, 500, { message: 'reason must be text of 2–500 characters' })
  reason: string;
}
