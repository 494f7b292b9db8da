import type { ExpertScoringStage, PipelineDefinition } from '@craftcert/pipeline';
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
