import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@craftcert/calendar';
import { NominationsModule } from '@craftcert/nominations';
import { PersonalDataModule } from '@craftcert/platform';
import { ProgrammesModule } from '@craftcert/programmes';
import { ScheduleTickSchedule } from './jobs/schedule-tick.schedule';
import { StageEndScheduler } from './jobs/stage-end.scheduler';
import { TaskDeadlineScheduler } from './jobs/task-deadline.scheduler';
import { WorkflowProcessor } from './jobs/workflow.processor';
import { ExpertAssignmentsController } from './http/expert-assignments.controller';
import { CandidateSettlementsController } from './http/candidate-settlements.controller';
import { InformationRequestsController } from './http/information-requests.controller';
import { EditionScheduleController, ProgrammeCycleController } from './http/schedule.controller';
import { ReviewTasksController } from './http/review-tasks.controller';
import { ReviewerRelationsController } from './http/reviewer-relations.controller';
import { TaskAssignmentsController } from './http/task-assignments.controller';
import { WorkflowDepartmentsController } from './http/workflow-departments.controller';
import { WorkflowScoringController } from './http/workflow-scoring.controller';
import { WorkflowSelectionController } from './http/workflow-selection.controller';
import { WorkflowController } from './http/workflow.controller';
import { ConflictRepository } from './persistence/conflict.repository';
import { DeadlineRepository } from './persistence/deadline.repository';
import { DepartmentRepository } from './persistence/department.repository';
import { ScheduleRepository } from './persistence/schedule.repository';
import { ScoringRepository } from './persistence/scoring.repository';
import { SelectionRepository } from './persistence/selection.repository';
import { StageRepository } from './persistence/stage.repository';
import { TaskRepository } from './persistence/task.repository';
import { WORKFLOW_ENTITIES } from './entities';
import { WorkflowQueries } from './persistence/workflow.queries';
import { AdvanceWorkflowUseCase } from './use-cases/advance-workflow.use-case';
import { AnswerInformationRequestUseCase } from './use-cases/answer-information-request.use-case';
import { AssignReviewTaskUseCase } from './use-cases/assign-review-task.use-case';
import { AttachRequestEvidenceUseCase } from './use-cases/attach-request-evidence.use-case';
import { ConflictCheck } from './use-cases/conflict-check';
import { CloseStageUseCase } from './use-cases/close-stage.use-case';
import { DecideTaskUseCase } from './use-cases/decide-task.use-case';
import { DeclareConflictUseCase } from './use-cases/declare-conflict.use-case';
import { DeclareRelationUseCase } from './use-cases/declare-relation.use-case';
import { EnterStageUseCase } from './use-cases/enter-stage.use-case';
import { ExtendTaskDeadlineUseCase } from './use-cases/extend-task-deadline.use-case';
import { ListConflictDeclarationsUseCase } from './use-cases/list-conflict-declarations.use-case';
import { ListInformationRequestsUseCase } from './use-cases/list-information-requests.use-case';
import { ListStageAssigneesUseCase } from './use-cases/list-stage-assignees.use-case';
import { ListReviewInboxUseCase } from './use-cases/list-review-inbox.use-case';
import { ListReviewerRelationsUseCase } from './use-cases/list-reviewer-relations.use-case';
import { ListStageCandidatesUseCase } from './use-cases/list-stage-candidates.use-case';
import { MapDepartmentsUseCase } from './use-cases/map-departments.use-case';
import { NotifyTaskDeadlineUseCase } from './use-cases/notify-task-deadline.use-case';
import { ReadConflictRegisterUseCase } from './use-cases/read-conflict-register.use-case';
import { ReadReviewTaskUseCase } from './use-cases/read-review-task.use-case';
import { ReadStageProgressUseCase } from './use-cases/read-stage-progress.use-case';
import { ReadTaskDossierUseCase } from './use-cases/read-task-dossier.use-case';
import { ReadWorkflowUseCase } from './use-cases/read-workflow.use-case';
import { PlanEditionScheduleUseCase } from './use-cases/plan-edition-schedule.use-case';
import { ReadEditionScheduleUseCase } from './use-cases/read-edition-schedule.use-case';
import { RunDueTransitionsUseCase } from './use-cases/run-due-transitions.use-case';
import { SetProgrammeCycleUseCase } from './use-cases/set-programme-cycle.use-case';
import { ShiftScheduledTransitionUseCase } from './use-cases/shift-scheduled-transition.use-case';
import { RemindOpenTasksUseCase } from './use-cases/remind-open-tasks.use-case';
import { ExpertAssignmentPlanner } from './use-cases/expert-assignment-planner';
import { ListExpertAssignmentsUseCase } from './use-cases/list-expert-assignments.use-case';
import { MapExpertPanelsUseCase } from './use-cases/map-expert-panels.use-case';
import { PlanExpertAssignmentUseCase } from './use-cases/plan-expert-assignment.use-case';
import { ReadAssignmentDossierUseCase } from './use-cases/read-assignment-dossier.use-case';
import { ReadStageScoresUseCase } from './use-cases/read-stage-scores.use-case';
import { RecordArbitrationUseCase } from './use-cases/record-arbitration.use-case';
import { ReopenExpertMarksUseCase } from './use-cases/reopen-expert-marks.use-case';
import { SaveExpertMarksUseCase } from './use-cases/save-expert-marks.use-case';
import { StageEffects } from './use-cases/stage-effects';
import { StageRunner } from './use-cases/stage-runner';
import { SwapExpertUseCase } from './use-cases/swap-expert.use-case';
import { SettleCandidateUseCase } from './use-cases/settle-candidate.use-case';
import { StageMigrationCheck } from './use-cases/stage-migration-check';
import { WaiveConflictUseCase } from './use-cases/waive-conflict.use-case';
import { SelectionRound } from './use-cases/selection-round';
import { ApproveSelectionUseCase } from './use-cases/approve-selection.use-case';
import { FinaliseSelectionUseCase } from './use-cases/finalise-selection.use-case';
import { ReadStageSelectionUseCase } from './use-cases/read-stage-selection.use-case';
import { WhatIfSelectionUseCase } from './use-cases/what-if-selection.use-case';

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
  PlanEditionScheduleUseCase,
  ReadEditionScheduleUseCase,
  ShiftScheduledTransitionUseCase,
  SetProgrammeCycleUseCase,
  RunDueTransitionsUseCase,
  ListStageAssigneesUseCase,
  MapExpertPanelsUseCase,
  PlanExpertAssignmentUseCase,
  ListExpertAssignmentsUseCase,
  ReadAssignmentDossierUseCase,
  SaveExpertMarksUseCase,
  ReopenExpertMarksUseCase,
  SwapExpertUseCase,
  ReadStageScoresUseCase,
  DeclareRelationUseCase,
  ListReviewerRelationsUseCase,
  AssignReviewTaskUseCase,
  WaiveConflictUseCase,
  ReadConflictRegisterUseCase,
  SettleCandidateUseCase,
  AttachRequestEvidenceUseCase,
  ExtendTaskDeadlineUseCase,
  NotifyTaskDeadlineUseCase,
  RecordArbitrationUseCase,
  ReadStageSelectionUseCase,
  WhatIfSelectionUseCase,
  FinaliseSelectionUseCase,
  ApproveSelectionUseCase,
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
    PersonalDataModule,
  ],
  providers: [
    StageRepository,
    TaskRepository,
    ConflictRepository,
    ConflictCheck,
    DepartmentRepository,
    ScoringRepository,
    SelectionRepository,
    SelectionRound,
    WorkflowQueries,
    ScheduleRepository,
    StageRunner,
    ExpertAssignmentPlanner,
    StageMigrationCheck,
    StageEffects,
    StageEndScheduler,
    TaskDeadlineScheduler,
    DeadlineRepository,
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
    CandidateSettlementsController,
    ReviewTasksController,
    TaskAssignmentsController,
    ReviewerRelationsController,
    InformationRequestsController,
    EditionScheduleController,
    ProgrammeCycleController,
    WorkflowScoringController,
    WorkflowSelectionController,
    ExpertAssignmentsController,
  ],
})
export class WorkflowHttpModule {}

/** Scheduled stage ends and reminders: loaded only by processes that run workers. */
@Module({ imports: [WorkflowModule], providers: [WorkflowProcessor, ScheduleTickSchedule] })
export class WorkflowJobsModule {}
