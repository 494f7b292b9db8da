import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toLocalDate } from '@craftcert/calendar';
import { ListStageEntrantsUseCase } from '@craftcert/nominations';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import {
  buildStageGraph,
  type PipelineDefinition,
  type SelectingStage,
  type SelectionCandidate,
  SelectionInputError,
  type SelectionOutcome,
  type SelectionOverrides,
  applyOverrides,
  scoresStageOf,
  selectCandidates,
  selectionDefinitionOf,
  whatIf,
} from '@craftcert/pipeline';
import { RequestValidationError } from '@craftcert/platform';
import { selectingStageOf } from '../domain/selection-stage';
import { WorkflowStateError } from '../domain/workflow.errors';
import { SelectionRepository } from '../persistence/selection.repository';
import { StageRepository } from '../persistence/stage.repository';
import { ReadStageScoresUseCase } from './read-stage-scores.use-case';

/**
 * Runs the selection engine for a selection or shortlist stage: the candidates still in it, their
 * dossiers (nominations' use case) and scores (the scoring stage's use case), under the stage's
 * rules. Saves nothing.
 */
@Injectable()
export class SelectionRound {
  constructor(
    private readonly entrants: ListStageEntrantsUseCase,
    private readonly scores: ReadStageScoresUseCase,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly selections: SelectionRepository,
    private readonly stages: StageRepository,
  ) {}

  /**
   * The stage's selection as it stands: the saved run once the stage has closed; before, the
   * proposal over the candidates in it (or, before it is entered, those who would enter).
   */
  async current(tx: EntityManager, editionId: string, stageId: string) {
    const { definition } = await this.editions.execute(editionId, tx);
    const stage = selectingStageOf(definition, stageId);
    const state = await this.selections.stageState(tx, editionId, stageId);
    const ids =
      state.phase === null
        ? await this.waiting(tx, definition, stageId, editionId)
        : state.nominationIds;
    const candidates = await this.candidates(tx, editionId, definition, stage, ids);
    const saved = await this.selections.run(tx, editionId, stageId);
    const outcome = saved?.outcome ?? this.run(definition, stage, candidates);
    return { definition, stage, phase: state.phase, candidates, outcome, saved };
  }

  /** Who would enter the stage now: those who passed the previous one. */
  private async waiting(
    tx: EntityManager,
    definition: PipelineDefinition,
    stageId: string,
    editionId: string,
  ): Promise<string[]> {
    const previous = buildStageGraph(definition).previous(stageId);
    if (!previous) return [];
    return (await this.stages.passed(tx, editionId, previous.id)).map((e) => e.nominationId);
  }

  async candidates(
    tx: EntityManager,
    editionId: string,
    definition: PipelineDefinition,
    stage: SelectingStage,
    nominationIds: readonly string[],
  ): Promise<SelectionCandidate[]> {
    const scoring = scoresStageOf(definition, stage);
    if (!scoring) {
      throw new WorkflowStateError(
        `${stage.label.en} has no expert scoring stage before it to rank its candidates`,
      );
    }
    const scored = await this.scores.execute(editionId, scoring.id, tx, { criteria: true });
    const criteria =
      'criteria' in scored ? scored.criteria : new Map<string, Record<string, number>>();
    const byId = new Map(scored.groups.flatMap((g) => g.rows.map((r) => [r.id, r.score])));
    const rows = await this.entrants.execute(editionId, {
      nominationIds,
      manager: tx,
      withDossier: true,
    });
    return rows
      .filter((r) => r.status !== 'withdrawn')
      .map((r) => {
        const score = byId.get(r.nominationId);
        return {
          id: r.nominationId,
          dossier: (r.dossier ?? {}) as SelectionCandidate['dossier'],
          ...(score === null || score === undefined ? {} : { score }),
          ...(criteria.has(r.nominationId) ? { criteria: criteria.get(r.nominationId) } : {}),
        };
      });
  }

  run(
    definition: PipelineDefinition,
    stage: SelectingStage,
    candidates: readonly SelectionCandidate[],
  ): SelectionOutcome {
    const own = selectionDefinitionOf(definition, stage);
    return guard(() => selectCandidates(own, candidates, { referenceDate: today() }));
  }

  whatIf(
    definition: PipelineDefinition,
    stage: SelectingStage,
    candidates: readonly SelectionCandidate[],
    overrides: SelectionOverrides,
    current?: SelectionOutcome,
  ) {
    const own = selectionDefinitionOf(definition, stage);
    try {
      applyOverrides(own, overrides);
    } catch (error) {
      if (!(error instanceof SelectionInputError)) throw error;
      throw new RequestValidationError(
        error.errors.map((e) => ({
          path: e.path.slice(1).replaceAll('/', '.'),
          message: e.message,
        })),
      );
    }
    return guard(() => whatIf(own, candidates, overrides, { referenceDate: today(), current }));
  }
}

const today = () => toLocalDate(new Date());

/** A candidate the engine cannot rank (no score yet, a bad value) stops the run, named. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SelectionInputError) {
      throw new WorkflowStateError(
        `The selection cannot run: ${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    }
    throw error;
  }
}
