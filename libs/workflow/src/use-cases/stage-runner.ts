import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type LocalDate, toLocalDate, WorkingCalendar } from '@craftcert/calendar';
import { ListStageEntrantsUseCase } from '@craftcert/nominations';
import {
  buildStageGraph,
  type CandidateOutcome,
  checkTransition,
  type Explanation,
  type SelectionOutcome,
  selectionVerdicts,
  type Stage,
  type StageKindPlugin,
  stageKindOf,
  type StageTransition,
  type TaskState,
} from '@craftcert/pipeline';
import { addOutboxEvent, NotFoundError, Topic } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { WorkflowStateError } from '../domain/workflow.errors';
import { DepartmentRepository } from '../persistence/department.repository';
import {
  type OutcomeUpdate,
  type ResolvedTask,
  StageRepository,
} from '../persistence/stage.repository';
import { ScoringRepository } from '../persistence/scoring.repository';
import { TaskRepository } from '../persistence/task.repository';
import type { StageTransitionEntity, WorkflowStageEntity } from '../persistence/workflow.entities';
import { SelectionRepository } from '../persistence/selection.repository';
import { ExpertAssignmentPlanner } from './expert-assignment-planner';
import { StageEffects } from './stage-effects';
import { SelectionRound } from './selection-round';

export interface TransitionRequest {
  editionId: string;
  stageId: string;
  actorId: string | null;
  /** Close although the stage's conditions do not hold (an administrator, with a reason). */
  force?: boolean;
  reason?: string;
  /** Made by the stage's scheduled end. */
  scheduled?: boolean;
}

export interface TransitionResult {
  stageId: string;
  transition: StageTransition;
  /** It had already happened: nothing was done now (idempotent repeat). */
  replayed: boolean;
  /** A scheduled end found the stage's conditions unmet and left it open. */
  deferred?: boolean;
  record: StageTransitionEntity | null;
  summary: Record<string, number>;
  /** For an entry: the stage's last day, when its calendar has one. */
  dueOn?: string | null;
}

/** The stage as its kind sees it, for the decision use cases. */
export interface StageContext {
  stage: Stage;
  kind: StageKindPlugin;
  row: WorkflowStageEntity;
  timedOut: boolean;
}

const today = (): LocalDate => toLocalDate(new Date());

/**
 * The one runner every stage kind plugs into. It knows the order of stages and the bookkeeping
 * (who enters, tasks, outcomes, transitions); what a stage does is its kind's plug-in. All work
 * joins the caller's transaction; each edition's transitions are serialised by a lock.
 */
@Injectable()
export class StageRunner {
  constructor(
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly entrants: ListStageEntrantsUseCase,
    private readonly calendar: WorkingCalendar,
    private readonly stages: StageRepository,
    private readonly tasks: TaskRepository,
    private readonly departments: DepartmentRepository,
    private readonly planner: ExpertAssignmentPlanner,
    private readonly scoring: ScoringRepository,
    private readonly effects: StageEffects,
    private readonly selection: SelectionRound,
    private readonly selections: SelectionRepository,
  ) {}

  async graph(tx: EntityManager, editionId: string) {
    const { definition } = await this.editions.execute(editionId, tx);
    return buildStageGraph(definition);
  }

  async enter(tx: EntityManager, request: TransitionRequest): Promise<TransitionResult> {
    const { editionId, stageId } = request;
    await this.stages.lockEdition(tx, editionId);
    const graph = await this.graph(tx, editionId);
    const replay = await this.check(tx, graph, request, 'enter');
    if (replay) return replay;
    const stage = graph.stage(stageId)!;
    const kind = stageKindOf(stage);

    const entrants = await this.entrantsOf(tx, graph, editionId, stageId);
    // A scoring stage opens fully assigned or not at all: too few experts refuses the entry.
    const assignments =
      stage.kind === 'expertScoring'
        ? await this.planner.assignOrRefuse(tx, editionId, stage, entrants)
        : [];
    const tasks = await this.resolveTasks(tx, editionId, kind.tasksOnEnter(stage));
    const dueOn = await this.dueDate(tx, stage);
    const initial = kind.outcome(
      stage,
      tasks.map((t) => ({ key: t.key, label: t.label, decision: null })),
      {
        timedOut: false,
      },
    );
    await this.stages.openStage(tx, { editionId, stageId, kind: stage.kind, dueOn });
    const taskCount = await this.stages.enterCandidates(
      tx,
      editionId,
      stageId,
      entrants,
      initial,
      tasks,
      dueOn,
    );
    await this.scoring.assign(tx, editionId, stageId, assignments);
    await this.effects.entered(tx, {
      editionId,
      stage,
      nominationIds: entrants.map((e) => e.nominationId),
      actorId: request.actorId,
    });
    const summary = {
      candidates: entrants.length,
      tasks: taskCount,
      ...(stage.kind === 'expertScoring' ? { assignments: assignments.length } : {}),
    };
    const record = await this.stages.recordTransition(tx, {
      editionId,
      stageId,
      transition: 'enter',
      forced: false,
      reason: request.reason ?? null,
      scheduled: request.scheduled ?? false,
      actorId: request.actorId,
      summary,
    });
    await addOutboxEvent(tx, Topic.StageEntered, {
      editionId,
      stageId,
      kind: stage.kind,
      dueOn,
      ...summary,
    });
    return { stageId, transition: 'enter', replayed: false, record, summary, dueOn };
  }

  /** Who enters a stage: those who passed the previous one, or the edition's eligible nominations. */
  async entrantsOf(
    tx: EntityManager,
    graph: ReturnType<typeof buildStageGraph>,
    editionId: string,
    stageId: string,
  ): Promise<{ nominationId: string; nominatingOrganisationId: string | null }[]> {
    const previous = graph.previous(stageId);
    if (previous) return this.stages.passed(tx, editionId, previous.id);
    return (await this.entrants.execute(editionId, { manager: tx })).map((e) => ({
      nominationId: e.nominationId,
      nominatingOrganisationId: e.nominatingOrganisationId,
    }));
  }

  async close(tx: EntityManager, request: TransitionRequest): Promise<TransitionResult> {
    const { editionId, stageId } = request;
    await this.stages.lockEdition(tx, editionId);
    const graph = await this.graph(tx, editionId);
    const replay = await this.check(tx, graph, request, 'close');
    if (replay) return replay;
    const stage = graph.stage(stageId)!;
    const kind = stageKindOf(stage);
    // Taken before the candidates: a decision holds this row shared while it works, so a close
    // waits for decisions under way and every later decision sees the stage closed.
    const row = (await this.stages.lockStage(tx, editionId, stageId, 'update'))!;
    const timedOut = row.dueOn !== null && today() > row.dueOn;

    const candidates = await this.stages.lockCandidates(tx, editionId, stageId);
    const standing = await this.entrants.execute(editionId, {
      nominationIds: candidates.map((c) => c.nominationId),
      manager: tx,
    });
    const withdrawn = new Set(
      standing.filter((s) => s.status === 'withdrawn').map((s) => s.nominationId),
    );
    const states = await this.tasks.taskStates(
      tx,
      candidates.map((c) => c.id),
    );
    // A candidate the secretariat settled keeps that outcome; the others follow their tasks.
    const current = candidates.map((c) => ({
      candidate: c,
      withdrawn: withdrawn.has(c.nominationId) || c.status === 'withdrawn',
      outcome: c.settled
        ? settledOutcome(c.status, c.settled.explanation)
        : kind.outcome(stage, states.get(c.id) ?? [], { timedOut }),
    }));

    const check = kind.mayClose(
      stage,
      current.map((c) => (c.withdrawn ? 'withdrawn' : c.outcome.status)),
    );
    if (!check.ok && !request.force) {
      if (!request.scheduled) throw WorkflowStateError.from(check.explanation);
      // The calendar ran out with candidates open: record escalations and defaults, stay open.
      await this.stages.updateOutcomes(
        tx,
        current.map((c) => toUpdate(c.candidate.id, c.outcome, c.withdrawn)),
      );
      await addOutboxEvent(tx, Topic.StageOverdue, {
        editionId,
        stageId,
        openCandidates: check.openCandidates,
        escalated: current.filter((c) => c.outcome.escalated).length,
      });
      return {
        stageId,
        transition: 'close',
        replayed: false,
        deferred: true,
        record: null,
        summary: {},
      };
    }

    const forced = !check.ok;
    const verdicts = await this.select(tx, request, stage, current);
    const finals = current.map(({ candidate, withdrawn: gone, outcome }) => {
      if (gone) return toUpdate(candidate.id, outcome, true);
      const closed = kind.onClose(stage, outcome, {
        forced,
        reason: request.reason,
        verdict: verdicts?.get(candidate.nominationId),
      });
      return {
        id: candidate.id,
        status: closed.status,
        explanation: closed.explanation,
        escalated: false,
      };
    });
    await this.stages.updateOutcomes(tx, finals);
    await this.stages.closeStage(tx, editionId, stageId);
    const summary = countBy(finals.map((f) => f.status));
    const record = await this.stages.recordTransition(tx, {
      editionId,
      stageId,
      transition: 'close',
      forced,
      reason: request.reason ?? null,
      scheduled: request.scheduled ?? false,
      actorId: request.actorId,
      summary,
    });
    await addOutboxEvent(tx, Topic.StageClosed, { editionId, stageId, forced, ...summary });
    return { stageId, transition: 'close', replayed: false, record, summary };
  }

  /**
   * A selecting stage runs the engine over the candidates still in it and saves the run; rules
   * that cannot all be met refuse the close with the engine's report (no list is made).
   */
  private async select(
    tx: EntityManager,
    request: TransitionRequest,
    stage: Stage,
    current: readonly { candidate: { nominationId: string }; withdrawn: boolean }[],
  ) {
    if (stage.kind !== 'selection' && stage.kind !== 'shortlist') return null;
    const { definition } = await this.editions.execute(request.editionId, tx);
    const ids = current.filter((c) => !c.withdrawn).map((c) => c.candidate.nominationId);
    const pool = await this.selection.candidates(tx, request.editionId, definition, stage, ids);
    const outcome: SelectionOutcome = this.selection.run(definition, stage, pool);
    if (outcome.status === 'infeasible') {
      throw new WorkflowStateError(
        `${stage.label.en}: the rules cannot all be met: ${outcome.reason.en} (${outcome.reason.zh})`,
      );
    }
    await this.selections.saveRun(tx, {
      editionId: request.editionId,
      stageId: stage.id,
      kind: stage.kind,
      outcome,
      ranBy: request.actorId,
    });
    return new Map([...selectionVerdicts(outcome)].map(([id, v]) => [id, v as ClosedVerdict]));
  }

  /** A stage for a decision: it must be open; the row is share-locked until the transaction ends. */
  async openStageForDecision(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<StageContext> {
    const row = await this.stages.lockStage(tx, editionId, stageId, 'share');
    if (!row) throw new NotFoundError(`Stage ${stageId}`);
    const graph = await this.graph(tx, editionId);
    const stage = graph.stage(stageId);
    if (!stage) throw new NotFoundError(`Stage ${stageId}`);
    if (row.phase !== 'open') {
      throw new WorkflowStateError(
        `${stage.label.en} has closed; its decisions can no longer change`,
      );
    }
    return {
      stage,
      kind: stageKindOf(stage),
      row,
      timedOut: row.dueOn !== null && today() > row.dueOn,
    };
  }

  /**
   * Recomputes every open candidate of an open stage under the edition's (re-pinned) definition:
   * after a migration changed the stage's join rule. Settled and withdrawn candidates stay.
   */
  async recomputeOutcomes(tx: EntityManager, editionId: string, stageId: string): Promise<number> {
    const context = await this.openStageForDecision(tx, editionId, stageId);
    const candidates = (await this.stages.lockCandidates(tx, editionId, stageId)).filter(
      (c) => !c.settled && c.status !== 'withdrawn',
    );
    const states = await this.tasks.taskStates(
      tx,
      candidates.map((c) => c.id),
    );
    await this.stages.updateOutcomes(
      tx,
      candidates.map((c) =>
        toUpdate(
          c.id,
          context.kind.outcome(context.stage, states.get(c.id) ?? [], {
            timedOut: context.timedOut,
          }),
          false,
        ),
      ),
    );
    return candidates.length;
  }

  /** A candidate's outcome from their tasks' current decisions, as the stage's kind computes it. */
  outcomeOf(context: StageContext, states: readonly TaskState[]): CandidateOutcome {
    return context.kind.outcome(context.stage, states, { timedOut: context.timedOut });
  }

  /** Recomputes one candidate's outcome from their tasks' current decisions (candidate row locked). */
  async refreshOutcome(
    tx: EntityManager,
    context: StageContext,
    candidateStageId: string,
  ): Promise<CandidateOutcome> {
    const states = await this.tasks.taskStates(tx, [candidateStageId]);
    const outcome = context.kind.outcome(context.stage, states.get(candidateStageId) ?? [], {
      timedOut: context.timedOut,
    });
    await this.stages.updateOutcomes(tx, [toUpdate(candidateStageId, outcome, false)]);
    return outcome;
  }

  /** Refuses a transition out of order; returns the earlier result when it already happened. */
  private async check(
    tx: EntityManager,
    graph: ReturnType<typeof buildStageGraph>,
    request: TransitionRequest,
    transition: StageTransition,
  ): Promise<TransitionResult | null> {
    const done = await this.stages.transitions(tx, request.editionId);
    const verdict = checkTransition(graph, done, request.stageId, transition);
    if (verdict.ok) return null;
    if (verdict.reason === 'unknownStage') throw new NotFoundError(`Stage ${request.stageId}`);
    if (verdict.reason === 'done') {
      const record = await this.stages.transition(
        tx,
        request.editionId,
        request.stageId,
        transition,
      );
      return {
        stageId: request.stageId,
        transition,
        replayed: true,
        record,
        summary: record?.summary ?? {},
      };
    }
    throw WorkflowStateError.from(verdict.explanation);
  }

  /** Departments' tasks go to the organisations mapped for the edition; all must be mapped. */
  private async resolveTasks(
    tx: EntityManager,
    editionId: string,
    specs: ReturnType<StageKindPlugin['tasksOnEnter']>,
  ): Promise<ResolvedTask[]> {
    const needed = specs.filter((s) => s.assignee.kind === 'department');
    const mapping =
      needed.length > 0 ? await this.departments.mapping(tx, editionId) : new Map<string, string>();
    const missing = needed.filter(
      (s) => s.assignee.kind === 'department' && !mapping.has(s.assignee.departmentId),
    );
    if (missing.length > 0) {
      throw new WorkflowStateError(
        `Map every department to an organisation before entering the stage; unmapped: ${missing.map((m) => m.key).join(', ')}`,
      );
    }
    return specs.map((s) => ({
      ...s,
      organisationId:
        s.assignee.kind === 'department' ? mapping.get(s.assignee.departmentId)! : null,
    }));
  }

  /** The stage's last day: a fixed due date, or its duration counted from today. */
  private async dueDate(tx: EntityManager, stage: Stage): Promise<LocalDate | null> {
    const cal = stage.calendar;
    if (cal?.due) return cal.due as LocalDate;
    if (!cal?.duration) return null;
    const snapshot = await this.calendar.snapshot(tx);
    return snapshot.periodEnd(today(), cal.duration);
  }
}

type ClosedVerdict = { status: 'passed' | 'failed'; explanation: CandidateOutcome['explanation'] };

function toUpdate(id: string, outcome: CandidateOutcome, withdrawn: boolean): OutcomeUpdate {
  if (withdrawn) {
    return {
      id,
      status: 'withdrawn',
      escalated: false,
      explanation: {
        code: 'candidate.withdrawn',
        zh: '提名已撤回',
        en: 'the nomination was withdrawn',
      },
    };
  }
  return {
    id,
    status: outcome.status,
    explanation: outcome.explanation,
    escalated: outcome.escalated ?? false,
  };
}

/** The row update for an outcome (a withdrawn candidate keeps its own explanation). */
export function outcomeUpdate(id: string, outcome: CandidateOutcome): OutcomeUpdate {
  return toUpdate(id, outcome, false);
}

function settledOutcome(status: string, explanation: Explanation): CandidateOutcome {
  return { status: status === 'passed' ? 'passed' : 'failed', explanation, escalated: false };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
