import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CompiledDefinition, PipelineDefinition } from '@craftcert/pipeline';
import { NotFoundError } from '@craftcert/platform';
import { DefinitionNotPublishedError, EditionAlreadyPinnedError } from '../domain/programme.errors';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { EditionEntity } from '../persistence/edition.entity';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import {
  EditionDefinition,
  LoadEditionDefinitionUseCase,
} from './load-edition-definition.use-case';

export interface DefinitionVersion {
  id: string;
  version: number;
  definition: PipelineDefinition;
  compiled: CompiledDefinition;
}

/**
 * Moves an edition to another published version of its programme's definition, inside the
 * caller's transaction: the context that re-evaluates what the edition holds does so in the same
 * transaction, and records the audit entry for the whole move. The edition row is locked
 * exclusively first, so nothing evaluated under the old version commits alongside. With
 * `apply: false` both versions are only resolved and checked (a dry run).
 */
@Injectable()
export class RepinEditionDefinitionUseCase {
  constructor(
    private readonly definitions: DefinitionsRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
  ) {}

  async execute(
    tx: EntityManager,
    command: { editionId: string; toVersion: number; apply: boolean },
  ): Promise<{ from: EditionDefinition; to: DefinitionVersion }> {
    const { editionId, toVersion } = command;
    await tx.findOne(EditionEntity, {
      where: { id: editionId },
      lock: { mode: 'pessimistic_write' },
    });
    const from = await this.editions.execute(editionId, tx);
    const target = await tx.findOneBy(PipelineDefinitionEntity, {
      programmeId: from.edition.programmeId,
      version: toVersion,
    });
    if (!target) throw new NotFoundError(`Version ${toVersion} of this programme`);
    if (target.status !== 'published') throw new DefinitionNotPublishedError(toVersion);
    if (target.id === from.edition.definitionId) throw new EditionAlreadyPinnedError(toVersion);
    if (command.apply)
      await tx.update(EditionEntity, { id: editionId }, { definitionId: target.id });
    return {
      from,
      to: {
        id: target.id,
        version: target.version,
        definition: target.document,
        compiled: this.definitions.compile(target),
      },
    };
  }
}
