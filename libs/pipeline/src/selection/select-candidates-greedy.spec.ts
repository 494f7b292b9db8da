import * as fc from 'fast-check';
import type { SelectionConstraint } from '../definition/definition.types';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { selectCandidatesGreedy as selectCandidates } from './select-candidates-greedy';
import type { SelectionCandidate } from './selection.types';

const opts = { referenceDate: '2024-06-30' };
const manufacturing: SelectionConstraint = {
  id: 'manufacturing-floor',
  kind: 'floor',
  label: text('制造业不低于 60%', 'at least 60 % manufacturing'),
  minShare: 0.6,
  where: {
    id: 'is-c',
    kind: 'field',
    label: text('行业门类', 'industry section'),
    field: 'industrySection',
    equals: 'C',
  },
};
const perEmployer: SelectionConstraint = {
  id: 'per-employer',
  kind: 'capPerValue',
  label: text('同一单位不超过 2 人', 'at most 2 per employer'),
  field: 'employer',
  maxCount: 2,
};
const young: SelectionConstraint = {
  id: 'young',
  kind: 'floor',
  label: text('40 岁及以下不少于 2 人', 'at least 2 aged 40 or under'),
  minCount: 2,
  where: { id: 'young-age', kind: 'age', label: text('年龄', 'age'), field: 'birthDate', max: 40 },
};

function candidate(
  id: string,
  score: number,
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

describe('selectCandidatesGreedy (benchmark baseline)', () => {
  it('takes the best scores up to the quotas and assigns tiers in merit order', () => {
    const def = fixtureDefinition({ quotas: [2, 1] });
    const result = selectCandidates(
      def,
      [candidate('a', 70), candidate('b', 90), candidate('c', 80), candidate('d', 60)],
      opts,
    );
    expect(result.selected.map((s) => [s.id, s.tier, s.rank])).toEqual([
      ['b', 'gold', 1],
      ['c', 'gold', 2],
      ['a', 'silver', 3],
    ]);
    expect(result.skipped).toEqual([
      {
        id: 'd',
        code: 'QUOTA_FULL',
        constraintId: null,
        reason: { zh: '名额已满（共 3 名）', en: 'all 3 places are filled' },
      },
    ]);
  });

  it('skips ineligible candidates and scores below the floor', () => {
    const def = fixtureDefinition({ selection: { scoreFloor: 75 } });
    const result = selectCandidates(
      def,
      [candidate('a', 74.5), candidate('b', 99, {}, { eligible: false }), candidate('c', 75)],
      opts,
    );
    expect(result.selected.map((s) => s.id)).toEqual(['c']);
    expect(result.skipped.map((s) => [s.id, s.code])).toEqual([
      ['a', 'BELOW_SCORE_FLOOR'],
      ['b', 'INELIGIBLE'],
    ]);
    expect(result.skipped[0].reason.zh).toBe('得分 74.5，低于最低分 75');
  });

  it('seats direct recognitions first, without a score and regardless of the floor', () => {
    const def = fixtureDefinition({ quotas: [1, 1], selection: { scoreFloor: 80 } });
    const dr = {
      id: 'dr',
      dossier: { industrySection: 'C', employer: 'x' },
      directRecognition: true,
    };
    const result = selectCandidates(def, [candidate('top', 99), dr], opts);
    expect(result.selected.map((s) => [s.id, s.tier, s.via])).toEqual([
      ['dr', 'gold', 'directRecognition'],
      ['top', 'silver', 'merit'],
    ]);
  });

  it('reserves places for a share floor ahead of higher scores', () => {
    const def = fixtureDefinition({ quotas: [3, 2], selection: { constraints: [manufacturing] } });
    const others = ['p', 'q', 'r', 's'].map((id, i) =>
      candidate(id, 95 - i, { industrySection: 'I' }),
    );
    const makers = ['m1', 'm2', 'm3', 'm4'].map((id, i) => candidate(id, 70 - i));
    const result = selectCandidates(def, [...others, ...makers], opts);
    expect(result.selected.filter((s) => s.via === 'floor').map((s) => s.id)).toEqual([
      'm1',
      'm2',
      'm3',
    ]);
    expect(result.selected.map((s) => s.id)).toEqual(['p', 'q', 'm1', 'm2', 'm3']);
    expect(result.constraints[0]).toMatchObject({
      id: 'manufacturing-floor',
      bound: 3,
      achieved: 3,
      met: true,
    });
  });

  it('reports a floor that cannot be met', () => {
    const def = fixtureDefinition({ selection: { constraints: [young] } });
    const result = selectCandidates(
      def,
      [candidate('a', 90), candidate('b', 80, { birthDate: '1990-01-01' })],
      opts,
    );
    expect(result.constraints[0]).toMatchObject({ bound: 2, achieved: 1, met: false });
    expect(result.constraints[0].reason.zh).toContain('未能满足');
  });

  it('holds back candidates beyond a per-employer cap and names the cap', () => {
    const def = fixtureDefinition({ selection: { constraints: [perEmployer] } });
    const same = ['a', 'b', 'c'].map((id, i) => candidate(id, 90 - i, { employer: '同一厂' }));
    const result = selectCandidates(def, [...same, candidate('d', 10)], opts);
    expect(result.selected.map((s) => s.id)).toEqual(['a', 'b', 'd']);
    expect(result.skipped).toEqual([
      {
        id: 'c',
        code: 'CAP_REACHED',
        constraintId: 'per-employer',
        reason: {
          zh: '受「同一单位不超过 2 人」限制',
          en: 'held back by "at most 2 per employer"',
        },
      },
    ]);
  });

  it('breaks ties with the definition tie-breakers, then by id', () => {
    const def = fixtureDefinition({
      quotas: [1, 1],
      selection: { tieBreakers: [{ field: 'skillLevel', order: 'desc' }] },
    });
    const result = selectCandidates(
      def,
      [
        candidate('z', 80, { skillLevel: 'L3' }),
        candidate('y', 80, { skillLevel: 'L1' }),
        candidate('x', 80, { skillLevel: 'L3' }),
      ],
      opts,
    );
    expect(result.selected.map((s) => s.id)).toEqual(['y', 'x']);
  });

  it('publishes each tier in surname-stroke order when configured', () => {
    const def = fixtureDefinition({
      quotas: [3, 2],
      selection: { listOrder: { by: 'bySurnameStroke', nameField: 'name' } },
    });
    const names = { a: '李四', b: '王五', c: '丁一' };
    const result = selectCandidates(
      def,
      Object.entries(names).map(([id, name], i) => candidate(id, 90 - i, { name })),
      opts,
    );
    expect(result.listCollation).toBe('stroke');
    expect(result.published[0]).toEqual({ tier: 'gold', ids: ['c', 'b', 'a'] }); // 丁(2) 王(4) 李(7)
  });

  it('never exceeds quotas or caps, and meets floors whenever enough candidates match (property)', () => {
    const cand = fc.record({
      score: fc.integer({ min: 0, max: 100 }),
      industrySection: fc.constantFrom('C', 'I'),
      employer: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
    });
    fc.assert(
      fc.property(fc.array(cand, { maxLength: 30 }), (raw) => {
        const def = fixtureDefinition({
          quotas: [4, 2],
          selection: { scoreFloor: 20, constraints: [manufacturing, perEmployer] },
        });
        const candidates = raw.map((r, i) =>
          candidate(`c${i}`, r.score, { industrySection: r.industrySection, employer: r.employer }),
        );
        const result = selectCandidates(def, candidates, opts);
        const byId = new Map(candidates.map((c) => [c.id, c]));
        const picked = result.selected.map((s) => byId.get(s.id)!);
        expect(picked.length).toBeLessThanOrEqual(6);
        expect(result.selected.filter((s) => s.tier === 'gold').length).toBeLessThanOrEqual(4);
        for (const e of ['e1', 'e2', 'e3', 'e4'])
          expect(picked.filter((c) => c.dossier.employer === e).length).toBeLessThanOrEqual(2);
        expect(picked.every((c) => (c.score ?? 0) >= 20)).toBe(true);
        expect(result.selected.length + result.skipped.length).toBe(candidates.length);
        const floor = result.constraints[0];
        const pool = candidates.filter((c) => (c.score ?? 0) >= 20);
        const makersPerEmployer = new Map<unknown, number>();
        pool
          .filter((c) => c.dossier.industrySection === 'C')
          .forEach((c) =>
            makersPerEmployer.set(
              c.dossier.employer,
              Math.min(2, (makersPerEmployer.get(c.dossier.employer) ?? 0) + 1),
            ),
          );
        const reachable = [...makersPerEmployer.values()].reduce((s, n) => s + n, 0);
        expect(floor.met || reachable < floor.bound).toBe(true);
        expect(picked.filter((c) => c.dossier.industrySection === 'C').length).toBe(floor.achieved);
      }),
    );
  });
});
