// The workflow context's tables, for the migrations catalogue only: other code reaches the
// workflow through the use cases its index exports.
export { WORKFLOW_ENTITIES } from './persistence/workflow.entities';
export { SCHEDULE_ENTITIES } from './persistence/schedule.entities';
