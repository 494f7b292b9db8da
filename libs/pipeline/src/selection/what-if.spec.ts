import type { PipelineDefinition, SelectionConstraint } from '../definition/definition.types';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { selectCandidates } from './select-candidates';
import type { SelectionCandidate } from './selection.types';
import { SelectionInputError } from './validate-candidates';
import { whatIf } from './what-if';

const opts = { referenceDate: '2024-06-30' };
const floorC: SelectionConstraint = {
  id: 'manufacturing',
  kind: 'floor',
  label: text('制造业至少 2 人', 'at least 2 from manufacturing'),
  minCount: 2,
  where: {
    id: 'c',
    kind: 'field',
    label: text('行业', 'industry'),
    field: 'industrySection',
    equals: 'C',
  },
};

const candidates: SelectionCandidate[] = [
  {
    id: 's1',
    score: 95,
    dossier: { industrySection: 'I' },
    criteria: { skill: 50, mentoring: 45 },
  },
  {
    id: 's2',
    score: 90,
    dossier: { industrySection: 'I' },
    criteria: { skill: 30, mentoring: 60 },
  },
  {
    id: 'm1',
    score: 80,
    dossier: { industrySection: 'C' },
    criteria: { skill: 60, mentoring: 20 },
  },
  {
    id: 'm2',
    score: 70,
    dossier: { industrySection: 'C' },
    criteria: { skill: 50, mentoring: 20 },
  },
];

function scoredDefinition(): PipelineDefinition {
  const def = fixtureDefinition({ quotas: [2, 1], selection: { constraints: [floorC] } });
  def.stages.push({
    id: 'scoring',
    kind: 'expertScoring',
    label: text('专家评审', 'expert scoring'),
    owner: 'experts',
    aggregation: { method: 'mean' },
    rubric: {
      maxScore: 200,
      criteria: [
        {
          id: 'skill',
          label: text('技能', 'skill'),
          maxPoints: 100,
          items: [{ id: 'j1', kind: 'judged', label: text('评分', 'mark'), maxPoints: 100 }],
        },
        {
          id: 'mentoring',
          label: text('带徒', 'mentoring'),
          maxPoints: 100,
          items: [{ id: 'j2', kind: 'judged', label: text('评分', 'mark'), maxPoints: 100 }],
        },
      ],
    },
  });
  return def;
}

describe('whatIf', () => {
  it('lowers a floor and lists who enters and who leaves, with why', () => {
    const def = scoredDefinition();
    const current = selectCandidates(def, candidates, opts);
    const { outcome, diff } = whatIf(
      def,
      candidates,
      { constraints: { manufacturing: { minCount: 1 } } },
      { ...opts, current },
    );
    expect(outcome.status === 'selected' && outcome.selected.map((s) => s.id)).toEqual([
      's1',
      's2',
      'm1',
    ]);
    expect(diff.entering).toEqual([
      { id: 's2', tier: 'gold', reason: expect.objectContaining({ code: 'MERIT' }) },
    ]);
    expect(diff.leaving).toEqual([
      { id: 'm2', reason: expect.objectContaining({ code: 'QUOTA_FULL' }) },
    ]);
    expect(diff.tierChanges).toEqual([{ id: 'm1', from: 'gold', to: 'silver' }]);
    expect(diff.constraints).toEqual([
      {
        id: 'manufacturing',
        label: floorC.label,
        before: { bound: 2, achieved: 2 },
        after: { bound: 1, achieved: 1 },
      },
    ]);
  });

  it("re-weights criteria from each candidate's points and shows the new order", () => {
    const def = scoredDefinition();
    const { outcome, diff } = whatIf(
      def,
      candidates,
      { weights: { mentoring: 50 }, constraints: { manufacturing: null } },
      opts,
    );
    // New scores: s1 72.5, s2 60, m1 70, m2 60: s1, m1, then m2 ahead of s2 on id.
    expect(outcome.status === 'selected' && outcome.selected.map((s) => [s.id, s.score])).toEqual([
      ['s1', 72.5],
      ['m1', 70],
      ['m2', 60],
    ]);
    expect(diff.entering).toEqual([]);
    expect(diff.leaving).toEqual([]);
  });

  it('names unknown tiers, constraints and criteria in the overrides', () => {
    const def = scoredDefinition();
    const run = () =>
      whatIf(
        def,
        candidates,
        { quotas: { bronze: 1 }, constraints: { nope: null }, weights: { charm: 5 } },
        opts,
      );
    expect(run).toThrow(SelectionInputError);
    expect(() => run()).toThrow(
      /\/quotas\/bronze: no tier "bronze"[\s\S]*\/constraints\/nope[\s\S]*\/weights\/charm/,
    );
  });

  it('reports overrides that break the definition by their path', () => {
    const def = scoredDefinition();
    expect(() =>
      whatIf(def, candidates, { constraints: { manufacturing: { minCount: 9 } } }, opts),
    ).toThrow('/selection/constraints/0/minCount: after the what-if: exceeds the total of 3');
  });
});
