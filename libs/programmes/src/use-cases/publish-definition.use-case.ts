import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError } from '@craftcert/platform';
import { DefinitionImmutableError } from '../domain/programme.errors';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';

/** Freezes a draft: from now on editions may pin it and nothing may change it. */
@Injectable()
export class PublishDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  execute(programmeId: string, version: number): Promise<PipelineDefinitionEntity> {
    return this.dataSource.transaction(async (tx) => {
      const definition = await tx.findOne(PipelineDefinitionEntity, {
        where: { programmeId, version },
        lock: { mode: 'pessimistic_write' },
      });
      if (!definition) throw new NotFoundError(`Version ${version} of programme ${programmeId}`);
      if (definition.status === 'published') throw new DefinitionImmutableError(version);
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
