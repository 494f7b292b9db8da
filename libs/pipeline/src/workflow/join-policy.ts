// Join policies: a candidate's outcome from parallel decisions (one per department), recomputed
// whenever a decision arrives. An outcome is settled early only when no later decision could
// change it, so recomputation never flips a settled candidate unless a decision is amended.
import type { JoinRule, JoinTimeout, LocalizedText } from '../definition/definition.types';
import type { CandidateOutcome, Explanation, TaskState } from './workflow.types';

type Vote = 'approve' | 'reject' | 'open';

interface Tally {
  n: number;
  approved: TaskState[];
  rejected: TaskState[];
  /** Awaiting the unit's answer to a request for information. */
  paused: TaskState[];
  /** Nobody has decided yet. */
  waiting: TaskState[];
  /** Undecided departments that the timeout default settled. */
  defaulted: TaskState[];
}

/** The policy in its normalised form: the older `escalateOnTimeout` becomes `all` + onTimeout. */
export function normaliseJoin(rule: JoinRule): {
  policy: 'all' | 'atLeast' | 'anyVetoRejects';
  k?: number;
  vetoes?: readonly string[];
  onTimeout?: JoinTimeout;
} {
  if (rule.policy === 'escalateOnTimeout') {
    return {
      policy: 'all',
      onTimeout: { action: 'escalate', to: rule.escalateTo ?? 'secretariat' },
    };
  }
  return { policy: rule.policy, k: rule.k, vetoes: rule.vetoes, onTimeout: rule.onTimeout };
}

function tally(tasks: readonly TaskState[], timeout: JoinTimeout | undefined, timedOut: boolean) {
  const t: Tally = {
    n: tasks.length,
    approved: [],
    rejected: [],
    paused: [],
    waiting: [],
    defaulted: [],
  };
  for (const task of tasks) {
    let vote: Vote =
      task.decision === 'approve' || task.decision === 'reject' ? task.decision : 'open';
    if (vote === 'open' && timedOut && timeout?.action === 'default') {
      vote = timeout.decision;
      t.defaulted.push(task);
    }
    if (vote === 'approve') t.approved.push(task);
    else if (vote === 'reject') t.rejected.push(task);
    else if (task.decision === 'requestInfo') t.paused.push(task);
    else t.waiting.push(task);
  }
  return t;
}

const names = (tasks: readonly TaskState[], lang: keyof LocalizedText) =>
  tasks.map((t) => t.label[lang]).join(lang === 'zh' ? '、' : ', ');

/** "5 个部门中 4 个同意" / "4 of 5 departments approved", plus who rejected and who is open. */
function counts(t: Tally, isVeto: (task: TaskState) => boolean = () => false): LocalizedText {
  const zh = [`${t.n} 个部门中 ${t.approved.length} 个同意`];
  const en = [`${t.approved.length} of ${t.n} departments approved`];
  const vetoes = t.rejected.filter(isVeto);
  const rejections = t.rejected.filter((task) => !isVeto(task));
  if (vetoes.length > 0) {
    zh.push(`${names(vetoes, 'zh')}否决`);
    en.push(`${names(vetoes, 'en')} vetoed`);
  }
  if (rejections.length > 0) {
    zh.push(`${names(rejections, 'zh')}不同意`);
    en.push(`${names(rejections, 'en')} rejected`);
  }
  if (t.paused.length > 0) {
    zh.push(`${names(t.paused, 'zh')}待补充材料`);
    en.push(`${names(t.paused, 'en')} awaiting more information`);
  }
  if (t.waiting.length > 0) {
    zh.push(`${names(t.waiting, 'zh')}尚未决定`);
    en.push(`${names(t.waiting, 'en')} not yet decided`);
  }
  if (t.defaulted.length > 0) {
    zh.push(`逾期未决定的${names(t.defaulted, 'zh')}按默认处理`);
    en.push(`${names(t.defaulted, 'en')} did not decide in time and took the default`);
  }
  return { zh: zh.join('，'), en: en.join('; ') };
}

function outcome(
  status: CandidateOutcome['status'],
  code: string,
  base: LocalizedText,
  verdict: LocalizedText,
  escalated = false,
): CandidateOutcome {
  const explanation: Explanation = {
    code,
    zh: `${base.zh}；${verdict.zh}`,
    en: `${base.en}: ${verdict.en}`,
  };
  return escalated ? { status, explanation, escalated } : { status, explanation };
}

/** Outcome while undecided: paused when a request for information holds it, else waiting. */
function open(
  t: Tally,
  base: LocalizedText,
  verdict: LocalizedText,
  timeout: JoinTimeout | undefined,
  timedOut: boolean,
) {
  if (timedOut && timeout?.action === 'escalate') {
    return outcome(
      'inProgress',
      'join.escalated',
      base,
      {
        zh: `已逾期，提交${timeout.to}决定`,
        en: `time is up; referred to ${timeout.to}`,
      },
      true,
    );
  }
  if (timedOut) {
    return outcome('inProgress', 'join.overdue', base, {
      zh: '已逾期，尚未决定',
      en: 'time is up and the outcome is still open',
    });
  }
  const anyDecision = t.approved.length + t.rejected.length + t.paused.length > 0;
  const status = t.paused.length > 0 ? 'paused' : anyDecision ? 'inProgress' : 'pending';
  return outcome(status, t.paused.length > 0 ? 'join.paused' : 'join.open', base, verdict);
}

/**
 * The candidate's outcome under the join rule from the current decision of each department.
 * `all`: every department approves, and one rejection fails it. `atLeast` k: k approvals pass it,
 * and it fails once fewer than k can still approve. `anyVetoRejects`: a rejection by a veto holder
 * fails it; it passes once every veto holder approved (advisory rejections are recorded only).
 * When the time is up, undecided departments take the configured default, or the candidate is
 * escalated; with no timeout rule it stays open until an administrator settles it.
 */
export function joinOutcome(
  rule: JoinRule,
  tasks: readonly TaskState[],
  context: { timedOut: boolean },
): CandidateOutcome {
  const join = normaliseJoin(rule);
  const t = tally(tasks, join.onTimeout, context.timedOut);
  const undecided = t.paused.length + t.waiting.length;

  if (join.policy === 'all') {
    const base = counts(t);
    if (t.rejected.length > 0)
      return outcome('failed', 'join.all.rejected', base, {
        zh: '须全部同意，未通过',
        en: 'all must approve, so not passed',
      });
    if (undecided === 0)
      return outcome('passed', 'join.all.approved', base, {
        zh: '全部同意，通过',
        en: 'all approved, so passed',
      });
    return open(
      t,
      base,
      { zh: '须全部同意', en: 'all must approve' },
      join.onTimeout,
      context.timedOut,
    );
  }

  if (join.policy === 'atLeast') {
    const k = join.k ?? t.n;
    const base = counts(t);
    if (t.approved.length >= k)
      return outcome('passed', 'join.atLeast.met', base, {
        zh: `达到至少 ${k} 个同意，通过`,
        en: `at least ${k} approved, so passed`,
      });
    if (t.approved.length + undecided < k)
      return outcome('failed', 'join.atLeast.unreachable', base, {
        zh: `无法达到至少 ${k} 个同意，未通过`,
        en: `${k} approvals can no longer be reached, so not passed`,
      });
    return open(
      t,
      base,
      { zh: `须至少 ${k} 个同意`, en: `at least ${k} must approve` },
      join.onTimeout,
      context.timedOut,
    );
  }

  const holders = join.vetoes ? new Set(join.vetoes) : null;
  const holds = (task: TaskState) => holders === null || holders.has(task.key);
  const vetoed = t.rejected.filter(holds);
  const base = counts(t, holds);
  if (vetoed.length > 0)
    return outcome('failed', 'join.veto.vetoed', base, {
      zh: '一票否决，未通过',
      en: 'a veto rejects, so not passed',
    });
  const holdersOpen = [...t.paused, ...t.waiting].filter(holds).length;
  if (holdersOpen === 0)
    return outcome('passed', 'join.veto.none', base, {
      zh: '无否决，通过',
      en: 'no veto, so passed',
    });
  return open(
    t,
    base,
    { zh: '任一部门否决即不通过', en: 'any veto rejects' },
    join.onTimeout,
    context.timedOut,
  );
}
