import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PipelineDefinition, StageMigrationChange } from '@craftcert/pipeline';

/**
 * What another context says about moving an edition to another definition version, inside the
 * migration's transaction (the workflow: which entered stages the new version would strand).
 * With `apply`, the edition is already re-pinned in that transaction and the check brings its
 * own state in line when nothing it reports is blocking (the whole migration rolls back otherwise).
 */
export type DefinitionMigrationCheck = (
  tx: EntityManager,
  migration: {
    editionId: string;
    before: PipelineDefinition;
    after: PipelineDefinition;
    apply: boolean;
  },
) => Promise<StageMigrationChange[]>;

/**
 * The checks a definition migration runs besides re-evaluating nominations. Contexts that keep
 * state under the pinned definition register theirs at start, so the migration needs no import
 * of them (the workflow depends on nominations, never the other way round).
 */
@Injectable()
export class DefinitionMigrationChecks {
  private readonly checks: DefinitionMigrationCheck[] = [];

  register(check: DefinitionMigrationCheck): void {
    this.checks.push(check);
  }

  async run(
    tx: EntityManager,
    migration: Parameters<DefinitionMigrationCheck>[1],
  ): Promise<StageMigrationChange[]> {
    const changes: StageMigrationChange[] = [];
    for (const check of this.checks) changes.push(...(await check(tx, migration)));
    return changes;
  }
}
