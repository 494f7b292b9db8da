import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError, translateConstraintError } from '@craftcert/platform';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { ProgrammeEntity } from '../persistence/programme.entity';
import { DefinitionInput, DefinitionInputReader, stampDefinition } from './parse-definition-input';

/** Stores a validated document as the programme's next version, as a draft. */
@Injectable()
export class ProposeDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
    private readonly audit: AuditLog,
    private readonly reader: DefinitionInputReader,
  ) {}

  async execute(programmeId: string, input: DefinitionInput): Promise<PipelineDefinitionEntity> {
    const parsed = await this.reader.read(input);
    try {
      return await this.dataSource.transaction(async (tx) => {
        // Locking the programme row serialises version numbering per programme.
        const programme = await tx.findOne(ProgrammeEntity, {
          where: { id: programmeId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!programme) throw new NotFoundError(`Programme ${programmeId}`);
        const version = await this.definitions.nextVersion(tx, programmeId);
        const document = stampDefinition(parsed, programme.code, version);
        const definition = await tx.save(
          tx.create(PipelineDefinitionEntity, {
            programmeId,
            version,
            status: 'draft',
            document,
            publishedAt: null,
          }),
        );
        await this.audit.record(tx, {
          action: 'definition.proposed',
          subjectType: 'pipeline_definition',
          subjectId: definition.id,
          after: { programmeId, programmeCode: programme.code, version, status: 'draft' },
        });
        return definition;
      });
    } catch (error) {
      translateConstraintError(error, {
        uq_pipeline_definition_one_draft: {
          code: 'DRAFT_PENDING',
          message: 'This programme already has a draft version: revise or publish it first',
        },
      });
    }
  }
}
