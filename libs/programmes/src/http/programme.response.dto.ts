import { ApiProperty } from '@nestjs/swagger';
import type { PipelineDefinition } from '@craftcert/pipeline';
import { EditionEntity } from '../persistence/edition.entity';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { ProgrammeEntity } from '../persistence/programme.entity';

export class ProgrammeResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: { zh: string; en: string };
  @ApiProperty() createdAt: string;

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
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true }) publishedAt: string | null;

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
  @ApiProperty({ description: 'The definition document' }) document: PipelineDefinition;

  static override from(d: PipelineDefinitionEntity): DefinitionResponse {
    return { ...DefinitionSummaryResponse.from(d), document: d.document };
  }
}

export class EditionResponse {
  @ApiProperty() id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: { zh: string; en: string };
  @ApiProperty() definitionVersion: number;
  @ApiProperty() referenceDate: string;
  @ApiProperty() nominationWindow: { opensAt: string; closesAt: string };
  @ApiProperty() createdAt: string;

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
