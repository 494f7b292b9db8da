// The stages an edition runs, from its pinned definition, and which transitions may happen next.
// Stages run in the order the definition lists them: a stage is entered only after the one before
// it closed, and closed only while it is open. Each (stage, transition) happens at most once.
import type { PipelineDefinition, Stage } from '../definition/definition.types';
import type { Explanation } from './workflow.types';

export const STAGE_TRANSITIONS = ['enter', 'close'] as const;
export type StageTransition = (typeof STAGE_TRANSITIONS)[number];

/** Where an edition stands in one stage. */
export type StagePhase = 'notEntered' | 'open' | 'closed';

export interface StageGraph {
  readonly stages: readonly Stage[];
  stage(stageId: string): Stage | undefined;
  /** The stage after this one, or null after the last. */
  next(stageId: string): Stage | null;
  /** The stage before this one, or null for the first. */
  previous(stageId: string): Stage | null;
}

export function buildStageGraph(definition: Pick<PipelineDefinition, 'stages'>): StageGraph {
  const stages = definition.stages;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const at = (i: number | undefined) => (i === undefined ? null : (stages[i] ?? null));
  return {
    stages,
    stage: (id) => at(index.get(id)) ?? undefined,
    next: (id) => at((index.get(id) ?? Number.NaN) + 1),
    previous: (id) => at((index.get(id) ?? Number.NaN) - 1),
  };
}

export interface DoneTransition {
  stageId: string;
  transition: StageTransition;
}

/** Each stage's phase from the transitions recorded so far. */
export function stagePhases(
  graph: StageGraph,
  done: Iterable<DoneTransition>,
): Map<string, StagePhase> {
  const phases = new Map<string, StagePhase>(graph.stages.map((s) => [s.id, 'notEntered']));
  const seen = new Set<string>();
  for (const t of done) seen.add(`${t.stageId}:${t.transition}`);
  for (const s of graph.stages) {
    if (seen.has(`${s.id}:close`)) phases.set(s.id, 'closed');
    else if (seen.has(`${s.id}:enter`)) phases.set(s.id, 'open');
  }
  return phases;
}

export type TransitionCheck =
  | { ok: true }
  | {
      ok: false;
      /** `done`: it already happened (a repeat is a no-op, not an error, for idempotent callers). */
      reason: 'unknownStage' | 'done' | 'previousNotClosed' | 'notOpen';
      explanation: Explanation;
    };

/** Whether the transition may happen now, by the order of stages alone (a kind adds its own rule). */
export function checkTransition(
  graph: StageGraph,
  done: Iterable<DoneTransition>,
  stageId: string,
  transition: StageTransition,
): TransitionCheck {
  const stage = graph.stage(stageId);
  if (!stage) {
    return refuse(
      'unknownStage',
      `阶段 ${stageId} 不在本届的流程定义中`,
      `stage ${stageId} is not in the edition's definition`,
    );
  }
  const phases = stagePhases(graph, done);
  const phase = phases.get(stageId)!;
  if (transition === 'enter') {
    if (phase !== 'notEntered') {
      return refuse(
        'done',
        `${stage.label.zh}已开始`,
        `${stage.label.en} has already been entered`,
      );
    }
    const previous = graph.previous(stageId);
    if (previous && phases.get(previous.id) !== 'closed') {
      return refuse(
        'previousNotClosed',
        `须先结束${previous.label.zh}`,
        `${previous.label.en} must close before ${stage.label.en} is entered`,
      );
    }
    return { ok: true };
  }
  if (phase === 'closed') {
    return refuse('done', `${stage.label.zh}已结束`, `${stage.label.en} has already been closed`);
  }
  if (phase !== 'open') {
    return refuse('notOpen', `${stage.label.zh}尚未开始`, `${stage.label.en} has not been entered`);
  }
  return { ok: true };
}

function refuse(
  reason: Exclude<TransitionCheck, { ok: true }>['reason'],
  zh: string,
  en: string,
): TransitionCheck {
  return { ok: false, reason, explanation: { code: `transition.${reason}`, zh, en } };
}

/** The open stage, if any (at most one is open at a time). */
export function currentStage(graph: StageGraph, done: Iterable<DoneTransition>): Stage | null {
  const phases = stagePhases(graph, done);
  return graph.stages.find((s) => phases.get(s.id) === 'open') ?? null;
}

/**
 * What "advance" does from here: close the open stage and enter the next one, or enter the first
 * stage not yet entered when none is open. Empty when the last stage has closed.
 */
export function advancePlan(graph: StageGraph, done: readonly DoneTransition[]): DoneTransition[] {
  const open = currentStage(graph, done);
  if (open) {
    const next = graph.next(open.id);
    return [
      { stageId: open.id, transition: 'close' },
      ...(next ? [{ stageId: next.id, transition: 'enter' as const }] : []),
    ];
  }
  const phases = stagePhases(graph, done);
  const first = graph.stages.find((s) => phases.get(s.id) === 'notEntered');
  return first ? [{ stageId: first.id, transition: 'enter' }] : [];
}
