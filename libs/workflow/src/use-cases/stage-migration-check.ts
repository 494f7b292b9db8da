import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DefinitionMigrationChecks } from '@craftcert/nominations';
import {
  buildStageGraph,
  compareStagePlans,
  type PipelineDefinition,
  type StageMigrationChange,
  stagePhases,
} from '@craftcert/pipeline';
import { StageRepository } from '../persistence/stage.repository';
import { StageRunner } from './stage-runner';

/**
 * Registers the workflow's say in a definition migration: the stages the edition has entered,
 * compared with the new version's plan. A removed or reordered entered stage, another kind, a
 * department added or removed are blocking; a join rule of an open stage may change, and
 * applying recomputes its candidates' outcomes under the new rule.
 */
@Injectable()
export class StageMigrationCheck implements OnModuleInit {
  constructor(
    private readonly checks: DefinitionMigrationChecks,
    private readonly stages: StageRepository,
    private readonly runner: StageRunner,
  ) {}

  onModuleInit(): void {
    this.checks.register(async (tx, { editionId, before, after, apply }) => {
      const changes = await this.compare(tx, editionId, before, after);
      if (apply && !changes.some((c) => c.blocking)) {
        // An open stage's new join rule applies to its candidates at once, not at the next decision.
        for (const change of changes.filter(
          (c) => c.explanation.code === 'migration.joinChanged',
        )) {
          await this.runner.recomputeOutcomes(tx, editionId, change.stageId);
        }
      }
      return changes;
    });
  }

  async compare(
    tx: EntityManager,
    editionId: string,
    before: PipelineDefinition,
    after: PipelineDefinition,
  ): Promise<StageMigrationChange[]> {
    const graph = buildStageGraph(before);
    const phases = stagePhases(graph, await this.stages.transitions(tx, editionId));
    return compareStagePlans(graph.stages, buildStageGraph(after).stages, phases);
  }
}
