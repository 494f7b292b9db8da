// The workflow context's public surface: the stage runner's module and use cases, their types
// and errors. Its tables are listed for the migrations catalogue in `@craftcert/workflow/entities`.
export { WorkflowHttpModule, WorkflowJobsModule, WorkflowModule } from './workflow.module';
export { WorkflowStateError } from './domain/workflow.errors';
export { TASK_STATUSES, type TaskStatus } from './domain/task-status';
export type { TransitionRequest, TransitionResult } from './use-cases/stage-runner';
export { EnterStageUseCase } from './use-cases/enter-stage.use-case';
export { CloseStageUseCase } from './use-cases/close-stage.use-case';
export { type AdvanceRequest, AdvanceWorkflowUseCase } from './use-cases/advance-workflow.use-case';
export { MapDepartmentsUseCase } from './use-cases/map-departments.use-case';
export { type DecideCommand, DecideTaskUseCase } from './use-cases/decide-task.use-case';
export { type DeclareCommand, DeclareConflictUseCase } from './use-cases/declare-conflict.use-case';
export { AnswerInformationRequestUseCase } from './use-cases/answer-information-request.use-case';
export { ReadWorkflowUseCase } from './use-cases/read-workflow.use-case';
export { RunDueTransitionsUseCase } from './use-cases/run-due-transitions.use-case';
export { ListStageAssigneesUseCase } from './use-cases/list-stage-assignees.use-case';
export { NotifyTaskDeadlineUseCase } from './use-cases/notify-task-deadline.use-case';
export { ExtendTaskDeadlineUseCase } from './use-cases/extend-task-deadline.use-case';
export { SettleCandidateUseCase } from './use-cases/settle-candidate.use-case';
export { AssignReviewTaskUseCase } from './use-cases/assign-review-task.use-case';
export { ReadConflictRegisterUseCase } from './use-cases/read-conflict-register.use-case';
