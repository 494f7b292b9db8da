// A definition that passes validation always evaluates: random valid definitions (every rule kind,
// every section, combinators of any width — past 31 children too) against random dossiers, well
// formed or not, never throw, and every rule reports exactly one outcome.
import * as fc from 'fast-check';
import type { Eligibility, Rule } from '../definition/definition.types';
import { walkRule } from '../definition/rule-tree';
import { validateDefinition } from '../definition/validate-definition';
import { fixtureDefinition, text } from '../testing/definition.fixture';
import { compileDefinition } from './compile-definition';
import type { PriorAward } from './evaluation.types';

type Leaf = Omit<Rule, 'id' | 'label'>;

const dateArb = fc
  .date({
    min: new Date('1950-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const skill = fc.constantFrom('apprentice', 'L5', 'L4', 'L3', 'L2', 'L1', 'principal', 'chief');
const section = fc.constantFrom('A', 'C', 'J', 'S', 'T');
const bound = fc.integer({ min: -5, max: 80 });

function bounded<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<{ min?: T; max?: T }> {
  return fc.oneof(
    arb.map((min) => ({ min })),
    arb.map((max) => ({ max })),
    fc.tuple(arb, arb).map(([min, max]) => ({ min, max })),
  );
}

const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.boolean())
    .map(([i, v]) => ({ kind: 'field', field: `b${i}`, equals: v }) as Leaf),
  bounded(skill).map((b) => ({ kind: 'field', field: 'skillLevel', ...b }) as Leaf),
  fc
    .tuple(
      fc.constantFrom('in', 'notIn', 'equals'),
      fc.uniqueArray(section, { minLength: 1, maxLength: 3 }),
    )
    .map(
      ([op, v]) =>
        ({ kind: 'field', field: 'industrySection', [op]: op === 'equals' ? v[0] : v }) as Leaf,
    ),
  bounded(fc.integer({ min: 0, max: 20 })).map(
    (b) => ({ kind: 'field', field: 'patents', ...b }) as Leaf,
  ),
  bounded(dateArb).map((b) => ({ kind: 'field', field: 'birthDate', ...b }) as Leaf),
  fc
    .tuple(
      fc.constantFrom('age' as const, 'yearsSince' as const),
      fc.constantFrom('birthDate', 'skillStartDate'),
      bounded(bound),
    )
    .map(([kind, field, b]) => ({ kind, field, ...b }) as Leaf),
  fc
    .record({
      where: fc.option(
        fc.record(
          {
            level: fc.constantFrom({ min: 'provincial' }, { equals: 'national' }),
            rank: fc.constant({ max: 3 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      window: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      b: bounded(fc.integer({ min: 0, max: 6 })),
    })
    .map(
      ({ where, window, b }) =>
        ({
          kind: 'count',
          list: 'contests',
          ...(where ? { where } : {}),
          ...(window ? { withinYears: window, yearField: 'year' } : {}),
          ...b,
        }) as Leaf,
    ),
  fc
    .record({
      tiers: fc.option(fc.subarray(['gold', 'silver'], { minLength: 1 }), { nil: undefined }),
      within: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    })
    .map(
      ({ tiers, within }) =>
        ({
          kind: 'priorAward',
          ...(tiers ? { tiers } : {}),
          ...(within ? { withinYears: within } : {}),
        }) as Leaf,
    ),
);

type Shape =
  | { leaf: Leaf }
  | { op: 'allOf' | 'anyOf' | 'not'; kids: Shape[] }
  | { op: 'atLeast'; n: number; kids: Shape[] };

const { shape: shapeArb } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'shape' },
    leafArb.map((leaf): Shape => ({ leaf })),
    fc.record({
      op: fc.constantFrom('allOf' as const, 'anyOf' as const),
      kids: fc.array(tie('shape'), { minLength: 1, maxLength: 4 }),
    }),
    // Wide combinators: past the 31 children a bit mask could hold.
    fc.record({
      op: fc.constantFrom('allOf' as const, 'anyOf' as const),
      kids: fc.array(
        leafArb.map((leaf): Shape => ({ leaf })),
        { minLength: 31, maxLength: 40 },
      ),
    }),
    fc
      .array(tie('shape'), { minLength: 1, maxLength: 5 })
      .chain((kids) =>
        fc.integer({ min: 1, max: kids.length }).map((n): Shape => ({ op: 'atLeast', n, kids })),
      ),
    tie('shape').map((kid): Shape => ({ op: 'not', kids: [kid] })),
  ),
}));

function toRule(s: Shape, id: string): Rule {
  const label = text(`规则 ${id}`, `rule ${id}`);
  if ('leaf' in s) return { ...s.leaf, id, label } as Rule;
  const kids = s.kids.map((k, i) => toRule(k, `${id}-${i}`));
  if (s.op === 'not') return { kind: 'not', id, label, rule: kids[0] };
  if (s.op === 'atLeast') return { kind: 'atLeast', id, label, n: s.n, rules: kids };
  return { kind: s.op, id, label, rules: kids };
}

const eligibilityArb: fc.Arbitrary<Eligibility> = fc
  .record({
    rules: fc.array(shapeArb, { minLength: 1, maxLength: 3 }),
    waivers: fc.array(fc.tuple(shapeArb, fc.nat()), { maxLength: 2 }),
    exclusions: fc.array(shapeArb, { maxLength: 2 }),
    directRecognition: fc.array(shapeArb, { maxLength: 2 }),
  })
  .map(({ rules, waivers, exclusions, directRecognition }) => {
    const roots = rules.map((s, i) => toRule(s, `r${i}`));
    return {
      rules: roots,
      waivers: waivers.map(([s, pick], i) => ({
        ...toRule(s, `w${i}`),
        waives: [roots[pick % roots.length].id],
      })),
      exclusions: exclusions.map((s, i) => toRule(s, `x${i}`)),
      directRecognition: directRecognition.map((s, i) => toRule(s, `d${i}`)),
    };
  });

const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.object({ maxDepth: 1 }),
);
const contestArb = fc.oneof(
  fc.record({
    level: fc.constantFrom('city', 'provincial', 'national', 'moon'),
    rank: fc.integer({ min: 0, max: 9 }),
    year: fc.oneof(fc.integer({ min: 2000, max: 2030 }), dateArb, anyValue),
  }),
  anyValue,
);
const dossierArb = fc.record(
  {
    name: fc.oneof(fc.string(), anyValue),
    birthDate: fc.oneof(dateArb, fc.constantFrom('2026-02-30', '1990-13-01', 'soon'), anyValue),
    skillStartDate: fc.oneof(dateArb, anyValue),
    skillLevel: fc.oneof(skill, anyValue),
    industrySection: fc.oneof(section, anyValue),
    unionMember: fc.oneof(fc.boolean(), anyValue),
    patents: fc.oneof(fc.integer({ min: 0, max: 20 }), anyValue),
    b0: fc.boolean(),
    b1: fc.boolean(),
    b2: fc.oneof(fc.boolean(), anyValue),
    b3: fc.boolean(),
    b4: fc.boolean(),
    contests: fc.oneof(fc.array(contestArb, { maxLength: 6 }), anyValue),
  },
  { requiredKeys: [] },
);
const awardsArb: fc.Arbitrary<PriorAward[]> = fc.array(
  fc.record({
    programme: fc.constantFrom('fixture', 'other'),
    year: fc.integer({ min: 2000, max: 2030 }),
    tier: fc.option(fc.constantFrom('gold', 'silver', 'bronze'), { nil: undefined }),
  }),
  { maxLength: 3 },
);

describe('every valid definition evaluates', () => {
  it('never throws, and reports one outcome per rule, over generated definitions and dossiers', () => {
    fc.assert(
      fc.property(
        eligibilityArb,
        fc.array(fc.tuple(dossierArb, awardsArb, dateArb), { minLength: 1, maxLength: 5 }),
        (eligibility, cases) => {
          const validation = validateDefinition(fixtureDefinition({ eligibility }));
          if (!validation.ok)
            throw new Error(
              `generated an invalid definition: ${JSON.stringify(validation.errors)}`,
            );
          let rules = 0;
          for (const roots of [
            eligibility.rules,
            eligibility.waivers,
            eligibility.exclusions,
            eligibility.directRecognition,
          ])
            for (const root of roots ?? []) walkRule(root, '', () => rules++);
          const compiled = compileDefinition(validation.definition);
          for (const [dossier, priorAwards, referenceDate] of cases) {
            const result = compiled.evaluate(dossier, { referenceDate, priorAwards });
            expect(result.outcomes).toHaveLength(rules);
            for (const o of result.outcomes) {
              expect(o).toBeDefined();
              expect(typeof o.reason.zh).toBe('string');
              expect(o.reason.en).not.toMatch(/\bfixture\b/);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
