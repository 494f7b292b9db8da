// Selection from a definition: check the candidates, rank them, compile the rules, select.
import type { PipelineDefinition } from '../definition/definition.types';
import { type ConstraintSetOptions, compileConstraintSet } from './constraint-set';
import { meritComparator } from './rank-candidates';
import { selectRanked } from './select-ranked';
import type { SelectionCandidate, SelectionOutcome } from './selection.types';
import { validateCandidates } from './validate-candidates';

/**
 * The best valid selection (or the report of why none exists) for a definition's selection rules,
 * or for a shortlist's own rules passed in options. Throws SelectionInputError on bad candidates.
 */
export function selectCandidates(
  definition: PipelineDefinition,
  candidates: unknown,
  options: ConstraintSetOptions,
): SelectionOutcome {
  const cs = compileConstraintSet(definition, options);
  const valid = validateCandidates(candidates, cs);
  const rules = options.rules ?? definition.selection;
  const ranked = rank(valid, meritComparator({ ...definition, selection: rules }));
  return selectRanked(ranked, cs);
}

type Compare = (a: SelectionCandidate, b: SelectionCandidate) => number;

/**
 * Merit order. Sorting first on the comparator's leading keys held in typed arrays (direct
 * recognition, then score) is several times cheaper on a large pool than calling the comparator
 * for every comparison; the comparator still orders every tie, and one pass checks that each
 * neighbouring pair agrees with it, falling back to the plain sort if it ever would not.
 */
function rank(candidates: readonly SelectionCandidate[], compare: Compare): SelectionCandidate[] {
  const n = candidates.length;
  const recognised = Uint8Array.from(candidates, (c) => (c.directRecognition ? 1 : 0));
  const score = Float64Array.from(candidates, (c) => c.score ?? -Infinity);
  const order = Array.from({ length: n }, (_, i) => i).toSorted(
    (a, b) =>
      recognised[b] - recognised[a] || score[b] - score[a] || compare(candidates[a], candidates[b]),
  );
  const ranked = order.map((i) => candidates[i]);
  for (let i = 1; i < n; i++) {
    if (compare(ranked[i - 1], ranked[i]) > 0) return candidates.toSorted(compare);
  }
  return ranked;
}
