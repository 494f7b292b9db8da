import type { PipelineDefinition, SelectingStage } from '@craftcert/pipeline';
import { NotFoundError } from '@craftcert/platform';

/** The selection or shortlist stage a route names, from the edition's pinned definition. */
export function selectingStageOf(definition: PipelineDefinition, stageId: string): SelectingStage {
  const stage = definition.stages.find((s) => s.id === stageId);
  if (stage?.kind !== 'selection' && stage?.kind !== 'shortlist') {
    throw new NotFoundError(`Selection stage ${stageId}`);
  }
  return stage;
}
