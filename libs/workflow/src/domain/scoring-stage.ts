import {
  aggregateScores,
  type ExpertScoringStage,
  type PanelScore,
  type PipelineDefinition,
  resolveArbitration,
  type ResolvedScore,
} from '@craftcert/pipeline';
import { NotFoundError } from '@craftcert/platform';

/** The scoring stage an assignment belongs to, from the edition's pinned definition. */
export function scoringStageOf(
  definition: PipelineDefinition,
  stageId: string,
): ExpertScoringStage {
  const stage = definition.stages.find((s) => s.id === stageId);
  if (stage?.kind !== 'expertScoring') throw new NotFoundError(`Scoring stage ${stageId}`);
  return stage;
}

/** Marks errors from the engine (`/marks/<item>`) as request field paths (`marks.<item>`). */
export function markFieldErrors(errors: readonly { path: string; message: string }[]) {
  return errors.map((e) => ({ path: e.path.replace(/^\/marks\//, 'marks.'), message: e.message }));
}

/** Panel scores from the submitted assignments of a stage (normalised over all of them). */
export function panelScoresOf(
  stage: ExpertScoringStage,
  assignments: readonly {
    status: string;
    total: number | null;
    expertId: string;
    nominationId: string;
  }[],
): PanelScore[] {
  const submitted = assignments.filter((a) => a.status === 'submitted' && a.total !== null);
  return aggregateScores(
    submitted.map((a) => ({ expertId: a.expertId, candidateId: a.nominationId, score: a.total! })),
    stage.aggregation,
    stage.arbitration?.spreadThreshold,
  );
}

/** The arbitration's resolution of a panel score, quoting the group's reason. */
export function resolvedWithReason(
  stage: ExpertScoringStage,
  panelScore: number,
  arbitration: { score: number; reason: string },
): ResolvedScore {
  const resolved = resolveArbitration(stage, panelScore, arbitration.score);
  return {
    score: resolved.score,
    explanation: {
      zh: `${resolved.explanation.zh}（理由：${arbitration.reason}）`,
      en: `${resolved.explanation.en} (reason: ${arbitration.reason})`,
    },
  };
}
