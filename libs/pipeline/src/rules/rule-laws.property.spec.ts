// Property-based laws of the rule combinators, checked against a tiny reference interpreter over
// random rule trees whose leaves test boolean dossier fields b0…b4.
import * as fc from 'fast-check';
import type { Eligibility, Rule } from '../definition/definition.types';
import { validateDefinition } from '../definition/validate-definition';
import { boolRule, fixtureDefinition, text } from '../testing/definition.fixture';
import { compileDefinition } from './compile-definition';
import type { Dossier, EligibilityResult } from './evaluation.types';

type Tree =
  | { op: 'leaf'; i: number }
  | { op: 'allOf' | 'anyOf'; kids: Tree[] }
  | { op: 'atLeast'; n: number; kids: Tree[] }
  | { op: 'not'; kid: Tree };

const { tree: treeArb } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'tree' },
    fc.integer({ min: 0, max: 4 }).map((i): Tree => ({ op: 'leaf', i })),
    fc.record({
      op: fc.constantFrom('allOf' as const, 'anyOf' as const),
      kids: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
    }),
    fc
      .array(tie('tree'), { minLength: 1, maxLength: 4 })
      .chain((kids) =>
        fc.integer({ min: 1, max: kids.length }).map((n): Tree => ({ op: 'atLeast', n, kids })),
      ),
    tie('tree').map((kid): Tree => ({ op: 'not', kid })),
  ),
}));

const dossierArb: fc.Arbitrary<Dossier> = fc
  .tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([b0, b1, b2, b3, b4]) => ({ b0, b1, b2, b3, b4 }));

function truth(t: Tree, d: Dossier): boolean {
  switch (t.op) {
    case 'leaf':
      return d[`b${t.i}`] === true;
    case 'allOf':
      return t.kids.every((k) => truth(k, d));
    case 'anyOf':
      return t.kids.some((k) => truth(k, d));
    case 'atLeast':
      return t.kids.filter((k) => truth(k, d)).length >= t.n;
    case 'not':
      return !truth(t.kid, d);
  }
}

/** Converts a tree to rules with unique ids, recording each id's subtree. */
function toRule(t: Tree, prefix: string, ids: Map<string, Tree>): Rule {
  ids.set(prefix, t);
  const label = text(`规则 ${prefix}`, `rule ${prefix}`);
  const kids = () => (t as { kids: Tree[] }).kids.map((k, i) => toRule(k, `${prefix}-${i}`, ids));
  switch (t.op) {
    case 'leaf':
      return { ...boolRule(t.i), id: prefix, label };
    case 'allOf':
    case 'anyOf':
      return { id: prefix, kind: t.op, label, rules: kids() };
    case 'atLeast':
      return { id: prefix, kind: 'atLeast', n: t.n, label, rules: kids() };
    case 'not':
      return { id: prefix, kind: 'not', label, rule: toRule(t.kid, `${prefix}-0`, ids) };
  }
}

const ctx = { referenceDate: '2024-06-30' };

function run(eligibility: Eligibility, dossier: Dossier): EligibilityResult {
  return compileDefinition(fixtureDefinition({ eligibility })).evaluate(dossier, ctx);
}

const holds = (t: Tree, d: Dossier) => run({ rules: [toRule(t, 'r', new Map())] }, d).eligible;

describe('combinator laws (property-based)', () => {
  it('every outcome in a random rule tree agrees with a reference interpreter', () => {
    fc.assert(
      fc.property(treeArb, dossierArb, (t, d) => {
        const ids = new Map<string, Tree>();
        const rule = toRule(t, 'r', ids);
        const result = run({ rules: [rule] }, d);
        expect(result.eligible).toBe(truth(t, d));
        expect(result.outcomes).toHaveLength(ids.size);
        for (const o of result.outcomes)
          expect(o.outcome === 'pass').toBe(truth(ids.get(o.ruleId)!, d));
      }),
    );
  });

  it('random rule trees form valid definitions', () => {
    fc.assert(
      fc.property(treeArb, (t) => {
        const def = fixtureDefinition({ eligibility: { rules: [toRule(t, 'r', new Map())] } });
        expect(validateDefinition(def)).toMatchObject({ ok: true });
      }),
      { numRuns: 50 },
    );
  });

  it('allOf is the AND and anyOf the OR of their rules', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { minLength: 1, maxLength: 4 }), dossierArb, (kids, d) => {
        expect(holds({ op: 'allOf', kids }, d)).toBe(kids.every((k) => holds(k, d)));
        expect(holds({ op: 'anyOf', kids }, d)).toBe(kids.some((k) => holds(k, d)));
      }),
    );
  });

  it('atLeast(1) equals anyOf and atLeast(n of n) equals allOf', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { minLength: 1, maxLength: 4 }), dossierArb, (kids, d) => {
        expect(holds({ op: 'atLeast', n: 1, kids }, d)).toBe(holds({ op: 'anyOf', kids }, d));
        expect(holds({ op: 'atLeast', n: kids.length, kids }, d)).toBe(
          holds({ op: 'allOf', kids }, d),
        );
      }),
    );
  });

  it('atLeast(k) holds exactly when at least k rules hold', () => {
    fc.assert(
      fc.property(
        fc.array(treeArb, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        dossierArb,
        (kids, k, d) => {
          const n = (k % kids.length) + 1;
          expect(holds({ op: 'atLeast', n, kids }, d)).toBe(
            kids.filter((x) => holds(x, d)).length >= n,
          );
        },
      ),
    );
  });

  it('not(not(x)) equals x and not(x) negates x', () => {
    fc.assert(
      fc.property(treeArb, dossierArb, (x, d) => {
        expect(holds({ op: 'not', kid: { op: 'not', kid: x } }, d)).toBe(holds(x, d));
        expect(holds({ op: 'not', kid: x }, d)).toBe(!holds(x, d));
      }),
    );
  });

  it('a waiver makes its target count as met exactly when the waiver holds', () => {
    fc.assert(
      fc.property(treeArb, fc.integer({ min: 0, max: 4 }), dossierArb, (t, w, d) => {
        const waiver: Rule = { ...boolRule(w, '-waiver'), waives: ['r'] };
        const result = run({ rules: [toRule(t, 'r', new Map())], waivers: [waiver] }, d);
        const target = result.outcomes.find((o) => o.ruleId === 'r')!;
        expect(result.eligible).toBe(truth(t, d) || d[`b${w}`] === true);
        expect(target.outcome === 'waived').toBe(!truth(t, d) && d[`b${w}`] === true);
      }),
    );
  });

  it('an exclusion that holds always makes the dossier ineligible', () => {
    fc.assert(
      fc.property(treeArb, treeArb, dossierArb, (req, excl, d) => {
        const result = run(
          { rules: [toRule(req, 'r', new Map())], exclusions: [toRule(excl, 'x', new Map())] },
          d,
        );
        expect(result.eligible).toBe(truth(req, d) && !truth(excl, d));
      }),
    );
  });

  it('evaluation is deterministic: same inputs and version give identical results', () => {
    fc.assert(
      fc.property(treeArb, dossierArb, dossierArb, (t, d, other) => {
        const def = fixtureDefinition({ eligibility: { rules: [toRule(t, 'r', new Map())] } });
        const compiled = compileDefinition(def);
        const first = compiled.evaluate(d, ctx);
        compiled.evaluate(other, { referenceDate: '2030-01-01' }); // no state may leak between calls
        expect(compiled.evaluate(d, ctx)).toEqual(first);
        expect(compileDefinition(def).evaluate(d, ctx)).toEqual(first);
      }),
    );
  });

  it('every reason is non-empty in both languages, with Chinese text in zh', () => {
    fc.assert(
      fc.property(treeArb, dossierArb, (t, d) => {
        for (const o of run({ rules: [toRule(t, 'r', new Map())] }, d).outcomes) {
          expect(o.reason.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(o.reason.en).toMatch(/[a-z]/);
        }
      }),
    );
  });
});
