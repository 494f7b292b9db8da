// Stage kinds as plug-ins to one runner. A kind says what work entering creates for each
// candidate, how decisions on that work make the candidate's outcome, when the stage may close and
// what closing does to each candidate. The runner only ever calls these four; adding a kind means
// adding an entry to STAGE_KINDS (the compiler insists on one per kind), never editing the runner.
import type {
  ApprovalStage,
  DepartmentalReviewStage,
  LocalizedText,
  QualificationCheckStage,
  SelectionStage,
  ShortlistStage,
  Stage,
  StageKind,
} from '../definition/definition.types';
import { joinOutcome } from './join-policy';
import type {
  CandidateOutcome,
  CandidateStageStatus,
  Explanation,
  OutcomeContext,
  TaskSpec,
  TaskState,
} from './workflow.types';

export type CloseCheck =
  { ok: true } | { ok: false; explanation: Explanation; openCandidates: number };

export interface CloseOptions {
  /** An administrator closes the stage although its conditions do not hold. */
  forced: boolean;
  reason?: string;
  /** For a kind that `selects`: the candidate's standing in the selection the runner ran. */
  verdict?: ClosedOutcome;
}

/** A candidate's final standing when the stage closes. */
export interface ClosedOutcome {
  status: 'passed' | 'failed';
  explanation: Explanation;
}

export interface StageKindPlugin<S extends Stage = Stage> {
  /**
   * `tasks`: entering creates work per candidate; `closedByAdmin`: the secretariat closes it;
   * `selects`: closing runs the selection engine over the stage's candidates, and each candidate's
   * verdict from it is their outcome.
   */
  readonly mode: 'tasks' | 'closedByAdmin' | 'selects';
  /** The work entering the stage creates for each candidate (the same list for every one). */
  tasksOnEnter(stage: S): TaskSpec[];
  /** The candidate's outcome from the current decision on each of their tasks. */
  outcome(stage: S, tasks: readonly TaskState[], context: OutcomeContext): CandidateOutcome;
  /** Whether the stage may close given every candidate's current status. */
  mayClose(stage: S, statuses: readonly CandidateStageStatus[]): CloseCheck;
  /** What closing makes of a candidate still in the stage (not withdrawn). */
  onClose(stage: S, current: CandidateOutcome, options: CloseOptions): ClosedOutcome;
}

const OPEN: readonly CandidateStageStatus[] = ['pending', 'inProgress', 'paused'];

/** Stages with tasks close when every candidate has an outcome. */
function closeWhenAllDecided(stage: Stage, statuses: readonly CandidateStageStatus[]): CloseCheck {
  const open = statuses.filter((s) => OPEN.includes(s)).length;
  if (open === 0) return { ok: true };
  return {
    ok: false,
    openCandidates: open,
    explanation: {
      code: 'stage.candidatesOpen',
      zh: `${stage.label.zh}尚有 ${open} 名候选人未决定`,
      en: `${open} candidates in ${stage.label.en} have no outcome yet`,
    },
  };
}

/** Decided candidates keep their outcome; an open one is failed by a forced close, with its reason. */
function keepOrFailOnForce(
  stage: Stage,
  current: CandidateOutcome,
  options: CloseOptions,
): ClosedOutcome {
  if (current.status === 'passed' || current.status === 'failed') {
    return { status: current.status, explanation: current.explanation };
  }
  const reason = options.reason ?? '';
  return {
    status: 'failed',
    explanation: {
      code: 'stage.closedUndecided',
      zh: `${stage.label.zh}在未作决定时被强制结束：${reason}`,
      en: `${stage.label.en} was closed by force before a decision: ${reason}`,
    },
  };
}

function quote(reason: string | undefined, lang: keyof LocalizedText): string {
  if (!reason) return '';
  return lang === 'zh' ? `（理由：${reason}）` : ` (reason: ${reason})`;
}

/** One task per candidate whose decision is the outcome: the secretariat's check, an approval. */
function singleDecision<S extends QualificationCheckStage | ApprovalStage>(
  task: (stage: S) => TaskSpec,
  who: (stage: S) => LocalizedText,
): StageKindPlugin<S> {
  return {
    mode: 'tasks',
    tasksOnEnter: (stage) => [task(stage)],
    outcome(stage, tasks) {
      const [state] = tasks;
      const by = who(stage);
      const say = (status: CandidateOutcome['status'], code: string, zh: string, en: string) => ({
        status,
        explanation: {
          code,
          zh: `${stage.label.zh}：${by.zh}${zh}${quote(state?.reason, 'zh')}`,
          en: `${stage.label.en}: ${by.en} ${en}${quote(state?.reason, 'en')}`,
        },
      });
      switch (state?.decision ?? null) {
        case 'approve':
          return say('passed', 'decision.approved', '同意', 'approved');
        case 'reject':
          return say('failed', 'decision.rejected', '不同意', 'rejected');
        case 'requestInfo':
          return say(
            'paused',
            'decision.infoRequested',
            '要求补充材料',
            'asked for more information',
          );
        default:
          return say('pending', 'decision.awaited', '尚未决定', 'has not decided yet');
      }
    },
    mayClose: closeWhenAllDecided,
    onClose: keepOrFailOnForce,
  };
}

const SECRETARIAT: LocalizedText = { zh: '秘书处', en: 'the secretariat' };

export const qualificationCheckKind = singleDecision<QualificationCheckStage>(
  (stage) => ({
    key: 'qualification',
    label: stage.label,
    assignee: { kind: 'secretariat' },
    checklist: stage.checklist ?? [],
  }),
  () => SECRETARIAT,
);

export const approvalKind = singleDecision<ApprovalStage>(
  (stage) => ({
    key: 'approval',
    label: stage.label,
    assignee: { kind: 'approver', body: stage.approver },
    checklist: [],
  }),
  (stage) => ({
    zh: `审定机构（${stage.approver}）`,
    en: `the approving body (${stage.approver})`,
  }),
);

export const departmentalReviewKind: StageKindPlugin<DepartmentalReviewStage> = {
  mode: 'tasks',
  tasksOnEnter: (stage) =>
    stage.departments.map((d) => ({
      key: d.id,
      label: d.label,
      assignee: { kind: 'department', departmentId: d.id },
      checklist: d.checklist,
    })),
  // Explanations name departments in the definition's order, whatever order the tasks come in.
  outcome: (stage, tasks, context) => {
    const order = new Map(stage.departments.map((d, i) => [d.id, i]));
    const position = (key: string) => order.get(key) ?? order.size;
    const sorted = tasks.toSorted((a, b) => position(a.key) - position(b.key));
    return joinOutcome(stage.join, sorted, context);
  },
  mayClose: closeWhenAllDecided,
  onClose: keepOrFailOnForce,
};

/**
 * A kind whose work craftcert does not run yet (scoring, notice, release…): it creates no tasks,
 * its candidates wait, and closing it (an administrator's act) passes everyone still in it.
 */
export function closedByAdmin<S extends Stage>(): StageKindPlugin<S> {
  return {
    mode: 'closedByAdmin',
    tasksOnEnter: () => [],
    outcome: (stage) => ({
      status: 'pending',
      explanation: {
        code: 'stage.awaitingClose',
        zh: `${stage.label.zh}进行中，由秘书处结束`,
        en: `${stage.label.en} is under way; the secretariat closes it`,
      },
    }),
    mayClose: () => ({ ok: true }),
    onClose: (stage, _current, options) => ({
      status: 'passed',
      explanation: {
        code: 'stage.closedByAdmin',
        zh: `秘书处结束${stage.label.zh}${quote(options.reason, 'zh')}`,
        en: `the secretariat closed ${stage.label.en}${quote(options.reason, 'en')}`,
      },
    }),
  };
}

/**
 * Selection and shortlist: the candidates wait while the stage is open; closing runs the engine
 * over all of them at once (the runner does, with their scores) and passes only the selected, each
 * with the engine's reason. Without a verdict (withdrawn meanwhile, or no run) a candidate fails.
 */
export function selects<S extends SelectionStage | ShortlistStage>(): StageKindPlugin<S> {
  return {
    mode: 'selects',
    tasksOnEnter: () => [],
    outcome: (stage) => ({
      status: 'pending',
      explanation: {
        code: 'selection.awaited',
        zh: `${stage.label.zh}进行中，结束时按规则遴选`,
        en: `${stage.label.en} is under way; closing it runs the selection`,
      },
    }),
    mayClose: () => ({ ok: true }),
    onClose: (stage, _current, options) =>
      options.verdict ?? {
        status: 'failed',
        explanation: {
          code: 'selection.notRun',
          zh: `${stage.label.zh}未对其作出遴选`,
          en: `${stage.label.en} made no selection for them`,
        },
      },
  };
}

type KindRegistry = { [K in StageKind]: StageKindPlugin<Extract<Stage, { kind: K }>> };

/** One plug-in per stage kind the definition schema knows. */
export const STAGE_KINDS: KindRegistry = {
  qualificationCheck: qualificationCheckKind,
  departmentalReview: departmentalReviewKind,
  approval: approvalKind,
  expertScoring: closedByAdmin(),
  verification: closedByAdmin(),
  publicVote: closedByAdmin(),
  publicNotice: closedByAdmin(),
  release: closedByAdmin(),
  selection: selects(),
  shortlist: selects(),
};

/** The plug-in for a stage, typed for that stage. */
export function stageKindOf(stage: Stage): StageKindPlugin {
  return STAGE_KINDS[stage.kind] as StageKindPlugin;
}
