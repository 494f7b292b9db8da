import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';

/** Freezes a draft: from now on editions may pin it and nothing may change it. */
@Injectable()
export class PublishDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(programmeId: string, version: number): Promise<PipelineDefinitionEntity> {
    return this.dataSource.transaction(async (tx) => {
      const definition = await this.definitions.lockDraft(tx, programmeId, version);
      definition.status = 'published';
      definition.publishedAt = new Date();
      const saved = await tx.save(definition);
      await this.audit.record(tx, {
        action: 'definition.published',
        subjectType: 'pipeline_definition',
        subjectId: definition.id,
        before: { status: 'draft' },
        after: { programmeId, version, status: 'published' },
      });
      return saved;
    });
  }
}
