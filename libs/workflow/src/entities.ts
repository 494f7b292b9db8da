// The workflow context's tables, for the migrations catalogue only: other code reaches the
// workflow through the use cases its index exports.
import { SCORING_ENTITIES } from './persistence/scoring.entities';
import { WORKFLOW_ENTITIES as STAGE_ENTITIES } from './persistence/workflow.entities';

export const WORKFLOW_ENTITIES = [...STAGE_ENTITIES, ...SCORING_ENTITIES];
export { SCHEDULE_ENTITIES } from './persistence/schedule.entities';
