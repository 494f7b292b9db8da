// The workflow context's tables, for the migrations catalogue only: other code reaches the
// workflow through the use cases its index exports.
import { SCORING_ENTITIES } from './persistence/scoring.entities';
import { SELECTION_ENTITIES } from './persistence/selection.entities';
import { WORKFLOW_ENTITIES as STAGE_ENTITIES } from './persistence/workflow.entities';

export const WORKFLOW_ENTITIES = [...STAGE_ENTITIES, ...SCORING_ENTITIES, ...SELECTION_ENTITIES];
export { SCHEDULE_ENTITIES } from './persistence/schedule.entities';
