// Laws of the join policies over random departments, decisions and rules, checked against the
// plain meaning of each policy evaluated on every possible completion of the open decisions.
import * as fc from 'fast-check';
import type { JoinRule, TaskDecision } from '../definition/definition.types';
import { joinOutcome } from './join-policy';
import type { TaskState } from './workflow.types';

const decisionArb = fc.constantFrom<TaskDecision | null>('approve', 'reject', 'requestInfo', null);

const caseArb = fc.array(decisionArb, { minLength: 1, maxLength: 7 }).chain((decisions) => {
  const n = decisions.length;
  const ruleArb: fc.Arbitrary<JoinRule> = fc.oneof(
    fc.constant<JoinRule>({ policy: 'all' }),
    fc.integer({ min: 1, max: n }).map((k): JoinRule => ({ policy: 'atLeast', k })),
    fc.constant<JoinRule>({ policy: 'anyVetoRejects' }),
    fc.subarray([...Array(n).keys()], { minLength: 1 }).map((holders): JoinRule => ({
      policy: 'anyVetoRejects',
      vetoes: holders.map((i) => `d${i}`),
    })),
  );
  return fc.record({ decisions: fc.constant(decisions), rule: ruleArb });
});

const toTasks = (decisions: readonly (TaskDecision | null)[]): TaskState[] =>
  decisions.map((decision, i) => ({
    key: `d${i}`,
    label: { zh: `部门${i}`, en: `dept ${i}` },
    decision,
  }));

/** The policy's plain meaning once every department has approved or rejected. */
function verdict(rule: JoinRule, final: readonly ('approve' | 'reject')[]): 'passed' | 'failed' {
  const approvals = final.filter((d) => d === 'approve').length;
  switch (rule.policy) {
    case 'atLeast':
      return approvals >= rule.k! ? 'passed' : 'failed';
    case 'anyVetoRejects': {
      const holds = (i: number) => !rule.vetoes || rule.vetoes.includes(`d${i}`);
      return final.some((d, i) => d === 'reject' && holds(i)) ? 'failed' : 'passed';
    }
    default:
      return approvals === final.length ? 'passed' : 'failed';
  }
}

/** Every way the open decisions could still end. */
function completions(decisions: readonly (TaskDecision | null)[]): ('approve' | 'reject')[][] {
  return decisions.reduce<('approve' | 'reject')[][]>(
    (acc, d) =>
      acc.flatMap((prefix) =>
        d === 'approve' || d === 'reject'
          ? [[...prefix, d]]
          : [
              [...prefix, 'approve'],
              [...prefix, 'reject'],
            ],
      ),
    [[]],
  );
}

describe('join policy laws', () => {
  it('a settled outcome is the verdict of every possible completion; an open one is not settled by all', () => {
    fc.assert(
      fc.property(caseArb, ({ decisions, rule }) => {
        const outcome = joinOutcome(rule, toTasks(decisions), { timedOut: false });
        const verdicts = new Set(completions(decisions).map((c) => verdict(rule, c)));
        const settled = outcome.status === 'passed' || outcome.status === 'failed';
        expect([...verdicts].toSorted()).toEqual(settled ? [outcome.status] : ['failed', 'passed']);
      }),
      { numRuns: 500 },
    );
  });

  it('once every department has decided, the outcome is settled', () => {
    fc.assert(
      fc.property(caseArb, ({ decisions, rule }) => {
        const final = decisions.map((d, i) =>
          d === 'approve' || d === 'reject' ? d : i % 2 ? 'approve' : 'reject',
        );
        const outcome = joinOutcome(rule, toTasks(final), { timedOut: false });
        expect(outcome.status).toBe(verdict(rule, final));
      }),
    );
  });

  it('turning a rejection into an approval never turns a pass into a failure', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ decisions, rule }, pick) => {
        const rejected = decisions.flatMap((d, i) => (d === 'reject' ? [i] : []));
        fc.pre(rejected.length > 0);
        const amended = [...decisions];
        amended[rejected[pick % rejected.length]] = 'approve';
        const before = joinOutcome(rule, toTasks(decisions), { timedOut: false }).status;
        const after = joinOutcome(rule, toTasks(amended), { timedOut: false }).status;
        // In the order failed < open < passed, an approval only ever moves the outcome up.
        const rank = (status: string) => (status === 'failed' ? 0 : status === 'passed' ? 2 : 1);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
    );
  });

  it('a timeout default settles every candidate as if the open departments had decided so', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom<'approve' | 'reject'>('approve', 'reject'),
        ({ decisions, rule }, fallback) => {
          const withDefault: JoinRule = {
            ...rule,
            onTimeout: { action: 'default', decision: fallback },
          };
          const outcome = joinOutcome(withDefault, toTasks(decisions), { timedOut: true });
          const final = decisions.map((d) => (d === 'approve' || d === 'reject' ? d : fallback));
          expect(outcome.status).toBe(verdict(rule, final));
        },
      ),
    );
  });

  it('the explanation counts the approvals among all departments, in both languages', () => {
    fc.assert(
      fc.property(caseArb, ({ decisions, rule }) => {
        const { explanation } = joinOutcome(rule, toTasks(decisions), { timedOut: false });
        const approvals = decisions.filter((d) => d === 'approve').length;
        expect(explanation.zh.startsWith(`${decisions.length} 个部门中 ${approvals} 个同意`)).toBe(
          true,
        );
        expect(
          explanation.en.startsWith(`${approvals} of ${decisions.length} departments approved`),
        ).toBe(true);
      }),
    );
  });
});
