import type { SelectionConstraint } from '../definition/definition.types';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { selectCandidates } from './select-candidates';
import { selectCandidatesGreedy } from './select-candidates-greedy';
import type { Selection, SelectionCandidate, SelectionOutcome } from './selection.types';
import { SelectionInputError } from './validate-candidates';

const opts = { referenceDate: '2024-06-30' };
const isC = {
  id: 'is-c',
  kind: 'field' as const,
  label: text('行业门类', 'industry section'),
  field: 'industrySection',
  equals: 'C',
};
const floorC = (minCount: number): SelectionConstraint => ({
  id: 'manufacturing',
  kind: 'floor',
  label: text(`制造业至少 ${minCount} 人`, `at least ${minCount} from manufacturing`),
  minCount,
  where: isC,
});
const floorYoung: SelectionConstraint = {
  id: 'young',
  kind: 'floor',
  label: text('40 岁及以下至少 1 人', 'at least 1 aged 40 or under'),
  minCount: 1,
  where: { id: 'age', kind: 'age', label: text('年龄', 'age'), field: 'birthDate', max: 40 },
};
const perEmployer = (maxCount: number): SelectionConstraint => ({
  id: 'per-employer',
  kind: 'capPerValue',
  label: text(`同一单位不超过 ${maxCount} 人`, `at most ${maxCount} per employer`),
  field: 'employer',
  maxCount,
});
const nonCCap: SelectionConstraint = {
  id: 'non-c-cap',
  kind: 'cap',
  label: text('非制造业不超过 1 人', 'at most 1 outside manufacturing'),
  maxCount: 1,
  where: { ...isC, id: 'not-c', equals: undefined, notIn: ['C'] },
};

function candidate(
  id: string,
  score: number | undefined,
  dossier: Record<string, unknown> = {},
  extra: Partial<SelectionCandidate> = {},
): SelectionCandidate {
  return {
    id,
    score,
    dossier: { industrySection: 'C', employer: id, birthDate: '1970-01-01', ...dossier },
    ...extra,
  };
}
const young = { birthDate: '1990-01-01' };
const service = { industrySection: 'I' };

function selection(outcome: SelectionOutcome): Selection {
  if (outcome.status !== 'selected') throw new Error(outcome.reason.en);
  return outcome;
}
const reasonOf = (s: Selection, id: string) =>
  [...s.selected, ...s.leftOut].find((c) => c.id === id)!.reason;

describe('selectCandidates (exact, best-first)', () => {
  it('keeps the top candidate with two overlapping floors, where the greedy drops them', () => {
    const def = fixtureDefinition({
      quotas: [2, 0],
      selection: { constraints: [floorC(1), floorYoung] },
    });
    const pool = [
      candidate('a', 95, service),
      candidate('b', 90),
      candidate('c', 80, young),
      candidate('d', 70, { ...service, ...young }),
    ];
    expect(selectCandidatesGreedy(def, pool, opts).selected.map((s) => s.id)).toEqual(['b', 'c']);
    const s = selection(selectCandidates(def, pool, opts));
    expect(s.selected.map((c) => [c.id, c.tier])).toEqual([
      ['a', 'gold'],
      ['c', 'gold'],
    ]);
    expect(reasonOf(s, 'a')).toMatchObject({
      code: 'MERIT',
      text: { en: 'selected on merit (rank 1)' },
    });
    expect(reasonOf(s, 'b')).toEqual({
      code: 'FLOOR_UNMEETABLE',
      constraintIds: ['young'],
      text: {
        zh: '入选将使「40 岁及以下至少 1 人」无法满足',
        en: 'seating them would leave "at least 1 aged 40 or under" unmeetable',
      },
    });
    expect(reasonOf(s, 'c')).toMatchObject({ code: 'FLOOR', constraintIds: ['young'] });
    expect(reasonOf(s, 'c').text.zh).toContain('由「40 岁及以下至少 1 人」带入');
    expect(reasonOf(s, 'd')).toMatchObject({ code: 'QUOTA_FULL' });
    expect(s.constraints.map((r) => [r.id, r.bound, r.achieved])).toEqual([
      ['manufacturing', 1, 1],
      ['young', 1, 1],
    ]);
  });

  it('holds a per-value cap and names the value that reached it', () => {
    const def = fixtureDefinition({ quotas: [3, 0], selection: { constraints: [perEmployer(1)] } });
    const s = selection(
      selectCandidates(
        def,
        [
          candidate('a', 95, { employer: '杭钢' }),
          candidate('b', 90, { employer: '杭钢' }),
          candidate('c', 85),
          candidate('d', 80),
        ],
        opts,
      ),
    );
    expect(s.selected.map((c) => c.id)).toEqual(['a', 'c', 'd']);
    expect(reasonOf(s, 'b')).toEqual({
      code: 'CAP_REACHED',
      constraintIds: ['per-employer'],
      text: {
        zh: '「同一单位不超过 1 人」已满（杭钢：已入选 1 人）',
        en: '"at most 1 per employer" was reached (杭钢: 1 already selected)',
      },
    });
  });

  it('seats direct recognitions first, counts them towards caps and ignores the score floor for them', () => {
    const def = fixtureDefinition({
      quotas: [1, 2],
      selection: { scoreFloor: 60, constraints: [nonCCap] },
    });
    const s = selection(
      selectCandidates(
        def,
        [
          candidate('top', 99, service),
          candidate('dr', undefined, service, { directRecognition: true }),
          candidate('m', 70),
          candidate('low', 50),
        ],
        opts,
      ),
    );
    expect(s.selected.map((c) => [c.id, c.tier, c.reason.code])).toEqual([
      ['dr', 'gold', 'DIRECT_RECOGNITION'],
      ['m', 'silver', 'MERIT'],
    ]);
    expect(reasonOf(s, 'top')).toMatchObject({ code: 'CAP_REACHED', constraintIds: ['non-c-cap'] });
    expect(reasonOf(s, 'low').text.en).toBe('score 50 is below the floor of 60');
  });

  it('refuses a list when direct recognitions alone break a cap, naming both', () => {
    const def = fixtureDefinition({ selection: { constraints: [nonCCap] } });
    const outcome = selectCandidates(
      def,
      ['x', 'y'].map((id) => candidate(id, undefined, service, { directRecognition: true })),
      opts,
    );
    expect(outcome.status).toBe('infeasible');
    if (outcome.status !== 'infeasible') return;
    expect(outcome.conflicting.map((c) => c.id)).toEqual(['non-c-cap', 'directRecognition']);
    expect(outcome.reason.zh).toContain('其中直接认定已有 2 人');
  });

  it('breaks ties with the definition tie-breakers and says which one decided', () => {
    const def = fixtureDefinition({
      quotas: [1, 0],
      selection: { tieBreakers: [{ field: 'skillLevel', order: 'desc' }] },
    });
    const s = selection(
      selectCandidates(
        def,
        [candidate('z', 80, { skillLevel: 'L3' }), candidate('y', 80, { skillLevel: 'L1' })],
        opts,
      ),
    );
    expect(s.selected.map((c) => c.id)).toEqual(['y']);
    expect(reasonOf(s, 'z').text).toEqual({
      zh: '名额已满：1 个名额在第 1 名时已全部选定（与第 1 名同分，按「技能等级」排在其后）',
      en: 'the quota was full: all 1 places were taken by rank 1 (tied on score with rank 1, placed after on "skill level")',
    });
  });

  it('returns no list when a floor cannot be met, with the numbers', () => {
    const def = fixtureDefinition({ quotas: [30, 10], selection: { constraints: [floorC(24)] } });
    const pool = [
      ...Array.from({ length: 19 }, (_, i) => candidate(`c${i}`, 80)),
      ...Array.from({ length: 30 }, (_, i) => candidate(`s${i}`, 90, service)),
    ];
    const outcome = selectCandidates(def, pool, opts);
    expect(outcome).toMatchObject({ status: 'infeasible', places: 40 });
    if (outcome.status !== 'infeasible') return;
    expect(outcome.conflicting.map((c) => c.id)).toEqual(['manufacturing']);
    expect(outcome.conflicting[0].detail).toEqual({
      zh: '「制造业至少 24 人」要求至少 24 人，但合格的符合条件候选人只有 19 人',
      en: '"at least 24 from manufacturing" needs at least 24, but only 19 eligible candidates qualify',
    });
  });

  it('names a minimal conflicting set when two rules together make a floor unreachable', () => {
    const def = fixtureDefinition({
      selection: { constraints: [floorC(3), perEmployer(1), floorYoung] },
    });
    const pool = [
      candidate('a', 90, { employer: 'e1', ...young }),
      candidate('b', 85, { employer: 'e1' }),
      candidate('c', 80, { employer: 'e2' }),
      candidate('d', 75, service),
    ];
    const outcome = selectCandidates(def, pool, opts);
    if (outcome.status !== 'infeasible') throw new Error('expected no list');
    expect(outcome.conflicting.map((c) => c.id)).toEqual(['manufacturing', 'per-employer']);
    expect(outcome.conflicting[0].detail.en).toBe(
      '"at least 3 from manufacturing" needs at least 3; 3 eligible candidates qualify, but at most 2 can be selected under the other rules',
    );
  });

  it('leaves places empty rather than break a share floor, and says so', () => {
    const share: SelectionConstraint = {
      id: 'manufacturing',
      kind: 'floor',
      label: text('制造业不低于 60%', 'at least 60 % manufacturing'),
      minShare: 0.6,
      where: isC,
    };
    const def = fixtureDefinition({ quotas: [3, 2], selection: { constraints: [share] } });
    const pool = [
      ...['s1', 's2', 's3'].map((id, i) => candidate(id, 95 - i, service)),
      candidate('m1', 70),
      candidate('m2', 60),
    ];
    const s = selection(selectCandidates(def, pool, opts));
    expect(s.filled).toBe(3);
    expect(s.selected.map((c) => c.id)).toEqual(['s1', 'm1', 'm2']);
    expect(reasonOf(s, 's3')).toMatchObject({ code: 'FLOOR_UNMEETABLE' });
    expect(reasonOf(s, 'm1')).toMatchObject({ code: 'FLOOR' });
    expect(s.published).toEqual([
      { tier: 'gold', ids: ['s1', 'm1', 'm2'] },
      { tier: 'silver', ids: [] },
    ]);
  });

  it('refuses bad candidates with an error naming each one', () => {
    const def = fixtureDefinition({ selection: { constraints: [perEmployer(2)] } });
    const run = (candidates: unknown) => {
      try {
        selectCandidates(def, candidates, opts);
        return [];
      } catch (error) {
        if (!(error instanceof SelectionInputError)) throw error;
        return error.errors;
      }
    };
    expect(
      run([
        candidate('a', 80),
        candidate('a', 70),
        candidate('b', Number.NaN),
        candidate('c', undefined),
        candidate('d', -5),
        { id: 'e', score: 70, dossier: { industrySection: 'C' } },
      ]),
    ).toEqual([
      { path: '/1/id', message: 'duplicate candidate id "a" (also at /0)' },
      { path: '/2/score', message: 'candidate "b": score must be a finite number' },
      { path: '/3/score', message: 'candidate "c" has no score but needs one' },
      { path: '/4/score', message: 'candidate "d": score -5 must be at least 0' },
      {
        path: '/5/dossier/employer',
        message: 'missing or not a single value, but "at most 2 per employer" needs it',
      },
    ]);
    expect(run({})).toEqual([{ path: '', message: 'must be an array of candidates' }]);
  });
});
