import type { JoinRule, TaskDecision } from '../definition/definition.types';
import { joinOutcome } from './join-policy';
import type { TaskState } from './workflow.types';

// The five departments of the shipped Hangzhou definition, in its order.
const DEPARTMENTS = [
  ['organisation', '市委组织部', 'organisation department'],
  ['publicity', '市委宣传部', 'publicity department'],
  ['hrss', '市人力社保局', 'human resources and social security bureau'],
  ['economy-it', '市经信局', 'economy and IT bureau'],
  ['discipline', '市纪委监委', 'discipline inspection commission'],
] as const;

function tasks(decisions: Partial<Record<string, TaskDecision>>): TaskState[] {
  return DEPARTMENTS.map(([key, zh, en]) => ({
    key,
    label: { zh, en },
    decision: decisions[key] ?? null,
  }));
}

const allApprove = {
  organisation: 'approve',
  publicity: 'approve',
  hrss: 'approve',
  'economy-it': 'approve',
} as const;
const open = { timedOut: false };

describe('joinOutcome', () => {
  it('any veto: one veto fails the candidate and the explanation names who vetoed', () => {
    const result = joinOutcome(
      { policy: 'anyVetoRejects' },
      tasks({ ...allApprove, discipline: 'reject' }),
      open,
    );
    expect(result.status).toBe('failed');
    expect(result.explanation.zh).toBe('5 个部门中 4 个同意，市纪委监委否决；一票否决，未通过');
    expect(result.explanation.en).toBe(
      '4 of 5 departments approved; discipline inspection commission vetoed: a veto rejects, so not passed',
    );
  });

  it('any veto: a veto settles the outcome before the others decide', () => {
    const result = joinOutcome({ policy: 'anyVetoRejects' }, tasks({ discipline: 'reject' }), open);
    expect(result.status).toBe('failed');
  });

  it('any veto with named holders: an advisory rejection is recorded but does not fail', () => {
    const rule: JoinRule = { policy: 'anyVetoRejects', vetoes: ['discipline'] };
    const result = joinOutcome(
      rule,
      tasks({ ...allApprove, publicity: 'reject', discipline: 'approve' }),
      open,
    );
    expect(result.status).toBe('passed');
    expect(result.explanation.zh).toContain('市委宣传部不同意');
    expect(result.explanation.zh).toContain('无否决，通过');
  });

  it('all: waits while a department has not decided, and passes when all approve', () => {
    expect(joinOutcome({ policy: 'all' }, tasks(allApprove), open)).toMatchObject({
      status: 'inProgress',
      explanation: { zh: '5 个部门中 4 个同意，市纪委监委尚未决定；须全部同意' },
    });
    expect(
      joinOutcome({ policy: 'all' }, tasks({ ...allApprove, discipline: 'approve' }), open),
    ).toMatchObject({
      status: 'passed',
      explanation: { zh: '5 个部门中 5 个同意；全部同意，通过' },
    });
  });

  it('at least 3 of 5: passes on the third approval and fails once 3 are out of reach', () => {
    const rule: JoinRule = { policy: 'atLeast', k: 3 };
    expect(
      joinOutcome(
        rule,
        tasks({ organisation: 'approve', publicity: 'approve', hrss: 'approve' }),
        open,
      ).status,
    ).toBe('passed');
    const failed = joinOutcome(
      rule,
      tasks({ organisation: 'reject', publicity: 'reject', hrss: 'reject' }),
      open,
    );
    expect(failed.status).toBe('failed');
    expect(failed.explanation.en).toContain('3 approvals can no longer be reached');
  });

  it('a request for information pauses an open outcome and says who is waiting', () => {
    const result = joinOutcome(
      { policy: 'all' },
      tasks({ ...allApprove, discipline: 'requestInfo' }),
      open,
    );
    expect(result.status).toBe('paused');
    expect(result.explanation.zh).toContain('市纪委监委待补充材料');
  });

  it('nobody has decided: pending', () => {
    expect(joinOutcome({ policy: 'all' }, tasks({}), open).status).toBe('pending');
  });

  it('on timeout a default decision settles the undecided departments', () => {
    const rule: JoinRule = { policy: 'all', onTimeout: { action: 'default', decision: 'approve' } };
    const result = joinOutcome(rule, tasks({ organisation: 'approve', hrss: 'requestInfo' }), {
      timedOut: true,
    });
    expect(result.status).toBe('passed');
    expect(result.explanation.zh).toContain(
      '逾期未决定的市委宣传部、市人力社保局、市经信局、市纪委监委按默认处理',
    );
  });

  it('on timeout with escalation the candidate stays open and is marked escalated', () => {
    const rule: JoinRule = { policy: 'all', onTimeout: { action: 'escalate', to: 'secretariat' } };
    const result = joinOutcome(rule, tasks(allApprove), { timedOut: true });
    expect(result).toMatchObject({ status: 'inProgress', escalated: true });
    expect(result.explanation.en).toContain('referred to secretariat');
  });

  it('the older escalateOnTimeout spelling behaves as all with escalation', () => {
    const rule: JoinRule = { policy: 'escalateOnTimeout', escalateTo: 'secretariat' };
    expect(joinOutcome(rule, tasks({ ...allApprove, discipline: 'reject' }), open).status).toBe(
      'failed',
    );
    expect(joinOutcome(rule, tasks(allApprove), { timedOut: true }).escalated).toBe(true);
  });

  it('without a timeout rule an overdue open outcome stays open, not escalated', () => {
    const result = joinOutcome({ policy: 'all' }, tasks(allApprove), { timedOut: true });
    expect(result.status).toBe('inProgress');
    expect(result.escalated).toBeUndefined();
  });
});
