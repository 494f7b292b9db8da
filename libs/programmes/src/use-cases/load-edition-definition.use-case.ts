import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CompiledDefinition, PipelineDefinition } from '@craftcert/pipeline';
import { NotFoundError } from '@craftcert/platform';
import type { Edition } from '../domain/edition';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { EditionEntity } from '../persistence/edition.entity';

/** An edition with the definition version it pins, ready to evaluate dossiers. */
export interface EditionDefinition {
  edition: Edition;
  definition: PipelineDefinition;
  compiled: CompiledDefinition;
}

/**
 * Loads an edition and its pinned definition, compiled (cached for published versions). Other
 * contexts read editions through this. Inside a transaction, pass its manager: a transaction
 * that waited for a second pooled connection could deadlock the pool under load.
 */
@Injectable()
export class LoadEditionDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
  ) {}

  async execute(
    editionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EditionDefinition> {
    // Within a transaction the row is share-locked: a definition migration (which takes it
    // exclusively) cannot re-pin the edition under a submission being evaluated.
    const inTransaction = manager.queryRunner?.isTransactionActive ?? false;
    const edition = await manager.findOne(EditionEntity, {
      where: { id: editionId },
      ...(inTransaction ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!edition) throw new NotFoundError(`Edition ${editionId}`);
    // Published definitions are immutable: served from memory instead of re-reading the document.
    const definition = await this.definitions.byId(edition.definitionId, manager);
    return {
      edition,
      definition: definition.document,
      compiled: this.definitions.compile(definition),
    };
  }
}
