import { ApiProperty } from '@nestjs/swagger';
import type { DefinitionChange, EligibilityResult, PipelineDefinition } from '@craftcert/pipeline';
import { EditionEntity } from '../persistence/edition.entity';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { ProgrammeEntity } from '../persistence/programme.entity';

export class LocalizedNameResponse {
  @ApiProperty({ example: '杭州工匠' }) zh: string;
  @ApiProperty({ example: 'Hangzhou Craftsman' }) en: string;
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'hangzhou-city-craftsman' }) code: string;
  @ApiProperty({ type: LocalizedNameResponse }) name: LocalizedNameResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(p: ProgrammeEntity): ProgrammeResponse {
    return {
      id: p.id,
      code: p.code,
      name: { zh: p.nameZh, en: p.nameEn },
      createdAt: p.createdAt.toISOString(),
    };
  }
}

export class DefinitionSummaryResponse {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;

  static from(d: PipelineDefinitionEntity): DefinitionSummaryResponse {
    return {
      version: d.version,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      publishedAt: d.publishedAt?.toISOString() ?? null,
    };
  }
}

export class DefinitionResponse extends DefinitionSummaryResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The definition document (see GET /api/schemas/pipeline-definition.json)',
  })
  document: PipelineDefinition;

  static override from(d: PipelineDefinitionEntity): DefinitionResponse {
    return { ...DefinitionSummaryResponse.from(d), document: d.document };
  }
}

export class NominationWindowResponse {
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
}

export class EditionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '2026' }) code: string;
  @ApiProperty({ type: LocalizedNameResponse }) title: LocalizedNameResponse;
  @ApiProperty({ type: 'integer' }) definitionVersion: number;
  @ApiProperty({ example: '2026-06-01' }) referenceDate: string;
  @ApiProperty({ type: NominationWindowResponse }) nominationWindow: NominationWindowResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(e: EditionEntity, definitionVersion: number): EditionResponse {
    return {
      id: e.id,
      programmeId: e.programmeId,
      code: e.code,
      title: { zh: e.titleZh, en: e.titleEn },
      definitionVersion,
      referenceDate: e.referenceDate,
      nominationWindow: {
        opensAt: e.nominationOpensAt.toISOString(),
        closesAt: e.nominationClosesAt.toISOString(),
      },
      createdAt: e.createdAt.toISOString(),
    };
  }
}

export class DefinitionChangeResponse implements DefinitionChange {
  @ApiProperty({ example: '/stages[release]/owner', description: 'Where the rules differ' })
  path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind: 'added' | 'removed' | 'changed';
  @ApiProperty({
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
    required: false,
    description: 'The value in the older version (any JSON value)',
  })
  before?: unknown;
  @ApiProperty({
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
    required: false,
    description: 'The value in the newer version (any JSON value)',
  })
  after?: unknown;
}

export class DefinitionDiffResponse {
  @ApiProperty({ type: 'integer' }) from: number;
  @ApiProperty({ type: 'integer' }) to: number;
  @ApiProperty({ type: [DefinitionChangeResponse] }) changes: DefinitionChangeResponse[];
}

/** A dossier's explained eligibility: every rule's verdict with its inputs and reason. */
export class EligibilityResponse implements EligibilityResult {
  @ApiProperty({ type: 'integer' }) definitionVersion: number;
  @ApiProperty({ example: 'hangzhou-city-craftsman' }) programme: string;
  @ApiProperty({ example: '2026-06-01' }) referenceDate: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty() directRecognition: boolean;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'Rule by rule, parent first: ruleId, kind, role, parentId, depth, outcome, inputs, ' +
      'reason { zh, en }, waivedBy',
  })
  outcomes: EligibilityResult['outcomes'];
}
