// What-if: the same selection with changed quotas, floors, caps, score floor or criterion weights,
// computed without saving anything, and its difference from a current result: who enters, who
// leaves and why.
import type {
  LocalizedText,
  PipelineDefinition,
  SelectionConstraint,
} from '../definition/definition.types';
import { validateDefinition } from '../definition/validate-definition';
import { selectCandidates } from './select-candidates';
import type { ConstraintSetOptions } from './constraint-set';
import type { CandidateReason, SelectionCandidate, SelectionOutcome } from './selection.types';
import { type CandidateError, SelectionInputError } from './validate-candidates';

type Bounds = 'minCount' | 'minShare' | 'maxCount' | 'maxShare';

export interface SelectionOverrides {
  total?: number;
  /** Tier id → quota. */
  quotas?: Record<string, number>;
  /** A number, or null to drop the score floor. */
  scoreFloor?: number | null;
  /** Constraint id → changed bounds (a bound set to null is removed), or null to drop it. */
  constraints?: Record<string, Partial<Record<Bounds, number | null>> | null>;
  /** Constraints added for the what-if. */
  add?: SelectionConstraint[];
  /** Rubric criterion id → its new weight (maxPoints); scores are re-weighted from `criteria`. */
  weights?: Record<string, number>;
}

export interface SelectionDiff {
  before: SelectionOutcome['status'];
  after: SelectionOutcome['status'];
  /** Selected now but not before, with the reason they are in. */
  entering: { id: string; tier: string; reason: CandidateReason }[];
  /** Selected before but not now, with the reason they are out (null: no list now). */
  leaving: { id: string; reason: CandidateReason | null }[];
  tierChanges: { id: string; from: string; to: string }[];
  /** Floors and caps whose bound or achieved count changed. */
  constraints: {
    id: string;
    label: LocalizedText;
    before: { bound: number; achieved: number } | null;
    after: { bound: number; achieved: number } | null;
  }[];
}

export interface WhatIfResult {
  definition: PipelineDefinition;
  outcome: SelectionOutcome;
  diff: SelectionDiff;
}

const BOUNDS: Bounds[] = ['minCount', 'minShare', 'maxCount', 'maxShare'];
const SETTINGS = ['total', 'quotas', 'scoreFloor', 'constraints', 'add', 'weights'];

/** The definition with the overrides applied; throws SelectionInputError naming each bad path. */
export function applyOverrides(
  definition: PipelineDefinition,
  overrides: SelectionOverrides,
): PipelineDefinition {
  const errors: CandidateError[] = [];
  for (const key of Object.keys(overrides)) {
    if (!SETTINGS.includes(key))
      errors.push({
        path: `/${key}`,
        message: `is not a what-if setting (${SETTINGS.join(', ')})`,
      });
  }
  const def = structuredClone(definition);
  const sel = def.selection;
  if (overrides.total !== undefined) sel.total = overrides.total;
  if (overrides.scoreFloor === null) delete sel.scoreFloor;
  else if (overrides.scoreFloor !== undefined) sel.scoreFloor = overrides.scoreFloor;
  for (const [id, quota] of Object.entries(overrides.quotas ?? {})) {
    const tier = def.tiers.find((t) => t.id === id);
    if (tier) tier.quota = quota;
    else errors.push({ path: `/quotas/${id}`, message: `no tier "${id}" in the definition` });
  }
  let constraints = [...(sel.constraints ?? [])];
  for (const [id, change] of Object.entries(overrides.constraints ?? {})) {
    const index = constraints.findIndex((c) => c.id === id);
    if (index < 0) {
      errors.push({
        path: `/constraints/${id}`,
        message: `no constraint "${id}" in the definition`,
      });
    } else if (change === null) {
      constraints = constraints.filter((c) => c.id !== id);
    } else {
      const next: Record<string, unknown> = { ...constraints[index] };
      for (const [key, value] of Object.entries(change)) {
        if (!BOUNDS.includes(key as Bounds))
          errors.push({
            path: `/constraints/${id}/${key}`,
            message: `is not ${BOUNDS.join(', ')}`,
          });
        else if (value === null) delete next[key];
        else next[key] = value;
      }
      constraints[index] = next as SelectionConstraint;
    }
  }
  sel.constraints = [...constraints, ...(overrides.add ?? [])];
  reweightRubric(def, overrides.weights, errors);
  if (errors.length > 0) throw new SelectionInputError(errors);
  const checked = validateDefinition(def);
  if (!checked.ok) {
    throw new SelectionInputError(
      checked.errors.map((e) => ({ path: e.path, message: `after the what-if: ${e.message}` })),
    );
  }
  return checked.definition;
}

function reweightRubric(
  def: PipelineDefinition,
  weights: Record<string, number> | undefined,
  errors: CandidateError[],
): void {
  if (!weights) return;
  const stage = def.stages.find((s) => s.kind === 'expertScoring');
  if (stage?.kind !== 'expertScoring') {
    errors.push({ path: '/weights', message: 'the definition has no expert scoring rubric' });
    return;
  }
  for (const [id, weight] of Object.entries(weights)) {
    const criterion = stage.rubric.criteria.find((c) => c.id === id);
    if (!criterion) {
      errors.push({ path: `/weights/${id}`, message: `no rubric criterion "${id}"` });
    } else if (typeof weight !== 'number' || !(weight > 0)) {
      errors.push({ path: `/weights/${id}`, message: 'must be a positive number' });
    } else {
      stage.rubric.maxScore += weight - criterion.maxPoints;
      criterion.maxPoints = weight;
    }
  }
}

/** Scores re-weighted: each changed criterion's points scale with its new weight. */
export function reweightScores(
  before: PipelineDefinition,
  candidates: readonly SelectionCandidate[],
  weights: Record<string, number>,
): SelectionCandidate[] {
  const stage = before.stages.find((s) => s.kind === 'expertScoring');
  const criteria = stage?.kind === 'expertScoring' ? stage.rubric.criteria : [];
  const old = new Map(criteria.map((c) => [c.id, c.maxPoints]));
  const errors: CandidateError[] = [];
  const result = candidates.map((c, i) => {
    if (c.score === undefined) return c;
    let score = c.score;
    for (const id of Object.keys(weights)) {
      const points = c.criteria?.[id];
      if (points === undefined) {
        errors.push({
          path: `/${i}/criteria/${id}`,
          message: `candidate "${c.id}" has no points for "${id}", needed to re-weight it`,
        });
      } else score += (points * weights[id]) / old.get(id)! - points;
    }
    return { ...c, score: Math.round(score * 1e6) / 1e6 };
  });
  if (errors.length > 0) throw new SelectionInputError(errors);
  return result;
}

/** Runs the selection under the overrides and compares it with `current` (by default: no overrides). */
export function whatIf(
  definition: PipelineDefinition,
  candidates: unknown,
  overrides: SelectionOverrides,
  options: ConstraintSetOptions & { current?: SelectionOutcome },
): WhatIfResult {
  const current = options.current ?? selectCandidates(definition, candidates, options);
  const changed = applyOverrides(definition, overrides);
  const input = overrides.weights
    ? reweightScores(definition, candidates as SelectionCandidate[], overrides.weights)
    : candidates;
  const outcome = selectCandidates(changed, input, options);
  return { definition: changed, outcome, diff: diffSelections(current, outcome) };
}

const picked = (o: SelectionOutcome) =>
  new Map(o.status === 'selected' ? o.selected.map((s) => [s.id, s]) : []);
const reports = (o: SelectionOutcome) =>
  new Map(o.status === 'selected' ? o.constraints.map((r) => [r.id, r]) : []);

export function diffSelections(before: SelectionOutcome, after: SelectionOutcome): SelectionDiff {
  const was = picked(before);
  const now = picked(after);
  const outReasons = new Map(
    after.status === 'selected' ? after.leftOut.map((c) => [c.id, c.reason]) : [],
  );
  const rb = reports(before);
  const ra = reports(after);
  const ids = [...new Set([...rb.keys(), ...ra.keys()])];
  return {
    before: before.status,
    after: after.status,
    entering: [...now.values()]
      .filter((s) => !was.has(s.id))
      .map((s) => ({ id: s.id, tier: s.tier, reason: s.reason })),
    leaving: [...was.keys()]
      .filter((id) => !now.has(id))
      .map((id) => ({ id, reason: outReasons.get(id) ?? null })),
    tierChanges: [...now.values()].flatMap((s) => {
      const from = was.get(s.id)?.tier;
      return from !== undefined && from !== s.tier ? [{ id: s.id, from, to: s.tier }] : [];
    }),
    constraints: ids.flatMap((id) => {
      const b = rb.get(id);
      const a = ra.get(id);
      if (b && a && b.bound === a.bound && b.achieved === a.achieved) return [];
      const pick = (r: typeof a) => (r ? { bound: r.bound, achieved: r.achieved } : null);
      return [{ id, label: (a ?? b)!.label, before: pick(b), after: pick(a) }];
    }),
  };
}
