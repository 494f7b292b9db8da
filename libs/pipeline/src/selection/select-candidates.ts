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
 * Merit order without sorting the whole pool with the comparator. The comparator's leading keys
 * (direct recognition, then score; a missing score ranks last) group candidates into buckets;
 * the distinct scores are sorted natively as numbers (a pool has far fewer distinct scores than
 * candidates), and only candidates that share both keys are ordered by the comparator, which
 * settles every tie. A full comparison sort did n log n comparator calls: the part of a large
 * selection that grew faster than the pool. Where two buckets meet, the comparator must agree
 * with the bucket order; should it ever not, the plain sort decides.
 */
function rank(candidates: readonly SelectionCandidate[], compare: Compare): SelectionCandidate[] {
  const recognised = new Map<number, SelectionCandidate[]>();
  const others = new Map<number, SelectionCandidate[]>();
  for (const c of candidates) {
    const buckets = c.directRecognition ? recognised : others;
    const key = c.score ?? -Infinity;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
  }
  const ranked: SelectionCandidate[] = [];
  for (const buckets of [recognised, others]) {
    // Highest score first: a Float64Array sorts numerically, without a comparator.
    const keys = Float64Array.from(buckets.keys()).toSorted().toReversed();
    for (const key of keys) {
      const bucket = buckets.get(key)!;
      if (bucket.length > 1) bucket.sort(compare);
      if (ranked.length > 0 && compare(ranked[ranked.length - 1], bucket[0]) > 0) {
        return candidates.toSorted(compare);
      }
      for (const c of bucket) ranked.push(c);
    }
  }
  return ranked;
}
