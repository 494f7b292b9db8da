// The exact selection against a brute-force oracle that tries every subset of small random pools
// under random rules: same selection (or the same verdict that none exists), and every output
// meets every rule.
import * as fc from 'fast-check';
import type { Rule, SelectionConstraint } from '../definition/definition.types';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { capBound, compileConstraintSet, type ConstraintSet, floorBound } from './constraint-set';
import { meritComparator } from './rank-candidates';
import { selectCandidates } from './select-candidates';
import type { SelectionCandidate } from './selection.types';

const REFERENCE_DATE = '2024-06-30';

const conditions: Rule[] = [
  {
    id: 'is-c',
    kind: 'field',
    label: text('制造业', 'manufacturing'),
    field: 'industrySection',
    equals: 'C',
  },
  {
    id: 'young',
    kind: 'age',
    label: text('40 岁及以下', 'aged 40 or under'),
    field: 'birthDate',
    max: 40,
  },
  {
    id: 'member',
    kind: 'field',
    label: text('会员', 'member'),
    field: 'unionMember',
    equals: true,
  },
  {
    id: 'senior',
    kind: 'field',
    label: text('高级', 'senior'),
    field: 'skillLevel',
    in: ['L1', 'L2'],
  },
];

const constraintArb = (i: number): fc.Arbitrary<SelectionConstraint> =>
  fc.oneof(
    fc
      .record({
        where: fc.constantFrom(...conditions),
        count: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        share: fc.option(fc.constantFrom(0.25, 0.4, 0.5, 0.6), { nil: undefined }),
      })
      .map(({ where, count, share }) => ({
        id: `floor${i}`,
        kind: 'floor' as const,
        label: text(`下限${i}`, `floor ${i}`),
        where,
        ...(count === undefined && share === undefined ? { minCount: 1 } : {}),
        ...(count !== undefined ? { minCount: count } : {}),
        ...(share !== undefined ? { minShare: share } : {}),
      })),
    fc
      .record({
        where: fc.constantFrom(...conditions),
        count: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        share: fc.option(fc.constantFrom(0.34, 0.5, 0.75), { nil: undefined }),
      })
      .map(({ where, count, share }) => ({
        id: `cap${i}`,
        kind: 'cap' as const,
        label: text(`上限${i}`, `cap ${i}`),
        where,
        ...(count === undefined && share === undefined ? { maxCount: 2 } : {}),
        ...(count !== undefined ? { maxCount: count } : {}),
        ...(share !== undefined ? { maxShare: share } : {}),
      })),
    fc
      .record({
        field: fc.constantFrom('employer', 'industrySection'),
        max: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ field, max }) => ({
        id: `per${i}`,
        kind: 'capPerValue' as const,
        label: text(`每值上限${i}`, `per value ${i}`),
        field,
        maxCount: max,
      })),
  );

const candidateArb = fc.record({
  score: fc.integer({ min: 50, max: 60 }),
  industrySection: fc.constantFrom('C', 'C', 'I', 'G'),
  young: fc.boolean(),
  unionMember: fc.boolean(),
  skillLevel: fc.constantFrom('L1', 'L2', 'L3'),
  employer: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  directRecognition: fc.integer({ min: 0, max: 12 }).map((n) => n === 0),
});

const randomConstraints: fc.Arbitrary<SelectionConstraint[]> = fc
  .integer({ min: 0, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => constraintArb(i))));

/** Two crossing floors and two crossing per-value caps: four families, never two laminar ones. */
const crossingConstraints: fc.Arbitrary<SelectionConstraint[]> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 2 }),
    fc.integer({ min: 1, max: 2 }),
    fc.integer({ min: 2, max: 4 }),
  )
  .map(([c, y, e, s]): SelectionConstraint[] => [
    {
      id: 'c',
      kind: 'floor',
      label: text('制造业', 'manufacturing'),
      where: conditions[0],
      minCount: c,
    },
    { id: 'y', kind: 'floor', label: text('青年', 'young'), where: conditions[1], minCount: y },
    {
      id: 'e',
      kind: 'capPerValue',
      label: text('每单位', 'per employer'),
      field: 'employer',
      maxCount: e,
    },
    {
      id: 's',
      kind: 'capPerValue',
      label: text('每行业', 'per industry'),
      field: 'industrySection',
      maxCount: s,
    },
  ]);

const problemArb = (constraints: fc.Arbitrary<SelectionConstraint[]>, maxPool: number) =>
  fc.record({
    candidates: fc.array(candidateArb, { minLength: maxPool - 6, maxLength: maxPool }),
    constraints,
    quotas: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 })),
    scoreFloor: fc.option(fc.constantFrom(52, 55), { nil: undefined }),
    ineligible: fc.integer({ min: 0, max: 20 }),
  });

function meetsEveryRule(
  cs: ConstraintSet,
  pool: readonly SelectionCandidate[],
  chosen: readonly SelectionCandidate[],
) {
  const size = chosen.length;
  if (size > cs.places) return false;
  if (pool.some((c) => c.directRecognition && !chosen.includes(c))) return false;
  for (const w of cs.where) {
    const n = chosen.filter((c) => w.matches(c.dossier)).length;
    if (w.kind === 'floor' && n < floorBound(w, size)) return false;
    if (w.kind === 'cap' && n > capBound(w, size)) return false;
  }
  return cs.perValue.every((cap) => {
    const counts = new Map<unknown, number>();
    chosen.forEach((c) =>
      counts.set(c.dossier[cap.field], (counts.get(c.dossier[cap.field]) ?? 0) + 1),
    );
    return [...counts.values()].every((n) => n <= cap.maxCount);
  });
}

/** Every subset; the largest valid ones; of those the best-first in merit order. */
function oracle(cs: ConstraintSet, pool: readonly SelectionCandidate[]): string[] | null {
  let best: SelectionCandidate[] | null = null;
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    const chosen = pool.filter((_, i) => (mask >> i) & 1);
    if (!meetsEveryRule(cs, pool, chosen)) continue;
    if (
      !best ||
      chosen.length > best.length ||
      (chosen.length === best.length && betterFirst(pool, chosen, best))
    )
      best = chosen;
  }
  return best?.map((c) => c.id) ?? null;
}

function betterFirst(
  pool: readonly SelectionCandidate[],
  a: SelectionCandidate[],
  b: SelectionCandidate[],
) {
  for (const c of pool) {
    if (a.includes(c) !== b.includes(c)) return a.includes(c);
  }
  return false;
}

describe('selectCandidates against a brute-force oracle (property)', () => {
  it.each([
    ['random rules', randomConstraints, 10, 600],
    ['crossing floors and per-value caps', crossingConstraints, 11, 300],
  ])(
    '%s: the same selection as trying every subset, and every pick meets every rule',
    (_, constraints, maxPool, runs) => {
      let infeasible = 0;
      let selected = 0;
      fc.assert(
        fc.property(problemArb(constraints, maxPool), (p) => {
          const def = fixtureDefinition({
            quotas: p.quotas,
            selection: {
              scoreFloor: p.scoreFloor,
              constraints: p.constraints,
              tieBreakers: [{ field: 'skillLevel', order: 'desc' }],
            },
          });
          const candidates: SelectionCandidate[] = p.candidates.map((c, i) => ({
            id: `c${i}`,
            score: c.score,
            eligible: i !== p.ineligible,
            directRecognition: c.directRecognition,
            dossier: {
              industrySection: c.industrySection,
              birthDate: c.young ? '1990-01-01' : '1970-01-01',
              unionMember: c.unionMember,
              skillLevel: c.skillLevel,
              employer: c.employer,
            },
          }));
          const cs = compileConstraintSet(def, { referenceDate: REFERENCE_DATE });
          const ranked = candidates.toSorted(meritComparator(def));
          const pool = ranked.filter(
            (c) =>
              c.eligible !== false &&
              (c.directRecognition || p.scoreFloor === undefined || c.score! >= p.scoreFloor),
          );
          const expected = oracle(cs, pool);
          const outcome = selectCandidates(def, candidates, { referenceDate: REFERENCE_DATE });
          infeasible += Number(expected === null);
          selected += Number(expected !== null);
          const picked = outcome.status === 'selected' ? outcome.selected : null;
          expect(picked?.map((s) => s.id) ?? null).toEqual(expected);
          const byId = new Map(candidates.map((c) => [c.id, c]));
          const chosen = (picked ?? []).map((s) => byId.get(s.id)!);
          expect(picked === null || meetsEveryRule(cs, pool, chosen)).toBe(true);
          const reasons = outcome.status === 'selected' ? outcome.leftOut.length : 0;
          expect(picked === null || chosen.length + reasons === candidates.length).toBe(true);
        }),
        { numRuns: runs },
      );
      // Both verdicts must be exercised for the comparison to mean anything.
      expect(infeasible).toBeGreaterThan(runs / 20);
      expect(selected).toBeGreaterThan(runs / 3);
    },
  );
});
