import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@craftcert/calendar';
import { NominationsModule } from '@craftcert/nominations';
import { ProgrammesModule } from '@craftcert/programmes';
import { StageEndScheduler } from './jobs/stage-end.scheduler';
import { WorkflowProcessor } from './jobs/workflow.processor';
import { InformationRequestsController } from './http/information-requests.controller';
import { ReviewTasksController } from './http/review-tasks.controller';
import { WorkflowDepartmentsController } from './http/workflow-departments.controller';
import { WorkflowController } from './http/workflow.controller';
import { DepartmentRepository } from './persistence/department.repository';
import { StageRepository } from './persistence/stage.repository';
import { TaskRepository } from './persistence/task.repository';
import { WORKFLOW_ENTITIES } from './persistence/workflow.entities';
import { WorkflowQueries } from './persistence/workflow.queries';
import { AdvanceWorkflowUseCase } from './use-cases/advance-workflow.use-case';
import { AnswerInformationRequestUseCase } from './use-cases/answer-information-request.use-case';
import { CloseStageUseCase } from './use-cases/close-stage.use-case';
import { DecideTaskUseCase } from './use-cases/decide-task.use-case';
import { DeclareConflictUseCase } from './use-cases/declare-conflict.use-case';
import { EnterStageUseCase } from './use-cases/enter-stage.use-case';
import { ListConflictDeclarationsUseCase } from './use-cases/list-conflict-declarations.use-case';
import { ListInformationRequestsUseCase } from './use-cases/list-information-requests.use-case';
import { ListReviewInboxUseCase } from './use-cases/list-review-inbox.use-case';
import { ListStageCandidatesUseCase } from './use-cases/list-stage-candidates.use-case';
import { MapDepartmentsUseCase } from './use-cases/map-departments.use-case';
import { ReadReviewTaskUseCase } from './use-cases/read-review-task.use-case';
import { ReadStageProgressUseCase } from './use-cases/read-stage-progress.use-case';
import { ReadTaskDossierUseCase } from './use-cases/read-task-dossier.use-case';
import { ReadWorkflowUseCase } from './use-cases/read-workflow.use-case';
import { RemindOpenTasksUseCase } from './use-cases/remind-open-tasks.use-case';
import { StageEffects } from './use-cases/stage-effects';
import { StageRunner } from './use-cases/stage-runner';

export const WORKFLOW_USE_CASES = [
  EnterStageUseCase,
  CloseStageUseCase,
  AdvanceWorkflowUseCase,
  MapDepartmentsUseCase,
  DecideTaskUseCase,
  AnswerInformationRequestUseCase,
  ReadWorkflowUseCase,
  ListStageCandidatesUseCase,
  ListReviewInboxUseCase,
  ReadReviewTaskUseCase,
  ReadStageProgressUseCase,
  ListInformationRequestsUseCase,
  RemindOpenTasksUseCase,
  ReadTaskDossierUseCase,
  DeclareConflictUseCase,
  ListConflictDeclarationsUseCase,
];

/**
 * The stage runner and its use cases, for any role: the API's routes and the worker's scheduled
 * stage ends call the same use cases.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(WORKFLOW_ENTITIES),
    ProgrammesModule,
    NominationsModule,
    CalendarModule,
  ],
  providers: [
    StageRepository,
    TaskRepository,
    DepartmentRepository,
    WorkflowQueries,
    StageRunner,
    StageEffects,
    StageEndScheduler,
    ...WORKFLOW_USE_CASES,
  ],
  exports: [...WORKFLOW_USE_CASES, StageEffects],
})
export class WorkflowModule {}

/** The workflow's routes: loaded only by processes that serve HTTP. */
@Module({
  imports: [WorkflowModule],
  controllers: [
    WorkflowController,
    WorkflowDepartmentsController,
    ReviewTasksController,
    InformationRequestsController,
  ],
})
export class WorkflowHttpModule {}

/** Scheduled stage ends and reminders: loaded only by processes that run workers. */
@Module({ imports: [WorkflowModule], providers: [WorkflowProcessor] })
export class WorkflowJobsModule {}
