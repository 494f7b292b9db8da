// The rules one selection runs under, compiled from a definition (or from a shortlist stage's own
// rules): places, tiers, score floor, floors and caps with their matchers, per-value caps.
import type {
  LocalizedText,
  PipelineDefinition,
  Rule,
  SelectionRules,
} from '../definition/definition.types';
import { dossierFieldMap } from '../definition/dossier-fields';
import { walkRule } from '../definition/rule-tree';
import { compileCondition } from '../rules/compile-definition';
import type { Dossier } from '../rules/evaluation.types';

export interface WhereConstraint {
  id: string;
  kind: 'floor' | 'cap';
  label: LocalizedText;
  minCount?: number;
  minShare?: number;
  maxCount?: number;
  maxShare?: number;
  matches: (dossier: Dossier) => boolean;
}

export interface PerValueCap {
  id: string;
  label: LocalizedText;
  field: string;
  fieldLabel: LocalizedText;
  maxCount: number;
}

export interface ConstraintSet {
  /** The number of places: the total, or the tier quotas together when smaller. */
  places: number;
  tiers: readonly { id: string; label: LocalizedText; quota: number }[];
  scoreFloor: number | null;
  /** Scores must lie in [0, maxScore] when the definition scores on a rubric. */
  maxScore: number | null;
  where: readonly WhereConstraint[];
  perValue: readonly PerValueCap[];
  /** Tie-breaker fields with their labels, to explain who a tie went to. */
  tieBreakers: readonly { field: string; label: LocalizedText }[];
  listOrder: SelectionRules['listOrder'];
}

// Shares are compared with a small tolerance: 0.6 × 40 is 24.000000000000004 in binary floating
// point and must still need 24, not 25.
const EPSILON = 1e-9;

/** The least number of matching candidates a floor needs in a list of `size`. */
export function floorBound(c: WhereConstraint, size: number): number {
  return Math.max(c.minCount ?? 0, Math.ceil((c.minShare ?? 0) * size - EPSILON));
}

/** The most matching candidates a cap allows in a list of `size`. */
export function capBound(c: WhereConstraint, size: number): number {
  return Math.min(c.maxCount ?? Infinity, Math.floor((c.maxShare ?? 1) * size + EPSILON));
}

export function boundOf(c: WhereConstraint, size: number): number {
  return c.kind === 'floor' ? floorBound(c, size) : capBound(c, size);
}

export interface ConstraintSetOptions {
  referenceDate: string;
  /** A shortlist stage's own rules and single tier; default: the definition's selection. */
  rules?: SelectionRules;
  tiers?: readonly { id: string; label: LocalizedText; quota: number }[];
}

/**
 * A condition that reads only scalar fields (field, age, years-since rules) gives the same answer for
 * the same values of those fields, so each distinct combination is evaluated once: on a large pool
 * this spares most of the (tracing) rule evaluations.
 */
function memoised(rule: Rule, matches: (d: Dossier) => boolean): (d: Dossier) => boolean {
  const fields = new Set<string>();
  let scalarOnly = true;
  walkRule(rule, '', (r) => {
    if (r.kind === 'field' || r.kind === 'age' || r.kind === 'yearsSince') fields.add(r.field);
    else if (r.kind === 'count' || r.kind === 'priorAward') scalarOnly = false;
  });
  if (!scalarOnly) return matches;
  const read = [...fields];
  const cache = new Map<unknown, boolean>();
  const keyOf =
    read.length === 1
      ? (d: Dossier) => d[read[0]]
      : (d: Dossier) => JSON.stringify(read.map((f) => d[f] ?? null));
  return (dossier) => {
    const key = keyOf(dossier);
    if (typeof key === 'object' && key !== null) return matches(dossier);
    let hit = cache.get(key);
    if (hit === undefined) cache.set(key, (hit = matches(dossier)));
    return hit;
  };
}

export function compileConstraintSet(
  definition: PipelineDefinition,
  options: ConstraintSetOptions,
): ConstraintSet {
  const rules = options.rules ?? definition.selection;
  const tiers = options.tiers ?? definition.tiers;
  const fields = dossierFieldMap(definition);
  const context = { referenceDate: options.referenceDate };
  const where: WhereConstraint[] = [];
  const perValue: PerValueCap[] = [];
  for (const c of rules.constraints ?? []) {
    if (c.kind === 'capPerValue') {
      const fieldLabel = fields.get(c.field)?.label ?? { zh: c.field, en: c.field };
      perValue.push({ id: c.id, label: c.label, field: c.field, fieldLabel, maxCount: c.maxCount });
      continue;
    }
    const condition = compileCondition(definition, c.where);
    const { where: _rule, principle: _principle, ...rest } = c;
    where.push({ ...rest, matches: memoised(c.where, (dossier) => condition(dossier, context)) });
  }
  const scoring = definition.stages.find((s) => s.kind === 'expertScoring');
  return {
    places: Math.min(
      rules.total,
      tiers.reduce((sum, t) => sum + t.quota, 0),
    ),
    tiers: tiers.map(({ id, label, quota }) => ({ id, label, quota })),
    scoreFloor: rules.scoreFloor ?? null,
    maxScore: scoring?.kind === 'expertScoring' ? scoring.rubric.maxScore : null,
    where,
    perValue,
    tieBreakers: (rules.tieBreakers ?? []).map((t) => ({
      field: t.field,
      label: fields.get(t.field)?.label ?? { zh: t.field, en: t.field },
    })),
    listOrder: rules.listOrder,
  };
}
