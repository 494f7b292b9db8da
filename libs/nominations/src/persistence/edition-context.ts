import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CompiledDefinition,
  NominationChannel,
  PipelineDefinition,
} from '@craftcert/pipeline';
import { NotFoundError, RequestValidationError } from '@craftcert/platform';
import { DefinitionsRepository, EditionEntity } from '@craftcert/programmes';

export interface EditionContext {
  edition: EditionEntity;
  definition: PipelineDefinition;
  compiled: CompiledDefinition;
}

/** An edition with the definition version it pins, compiled (cached for published versions). */
@Injectable()
export class EditionContexts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
  ) {}

  /**
   * Inside a transaction, pass its manager: a transaction that waited for a second pooled
   * connection could deadlock the pool under load.
   */
  async load(
    editionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EditionContext> {
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

export function channelOf(definition: PipelineDefinition, channelId: string): NominationChannel {
  const channel = definition.channels.find((c) => c.id === channelId);
  if (!channel) {
    throw new RequestValidationError([
      {
        path: 'channelId',
        message: `channelId must be one of: ${definition.channels.map((c) => c.id).join(', ')}`,
      },
    ]);
  }
  return channel;
}

export function isOpen(edition: EditionEntity, at = new Date()): boolean {
  return at >= edition.nominationOpensAt && at <= edition.nominationClosesAt;
}
