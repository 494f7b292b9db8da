// Selection from a definition: check the candidates, rank them, compile the rules, select.
import type { PipelineDefinition } from '../definition/definition.types';
import { type ConstraintSetOptions, compileConstraintSet } from './constraint-set';
import { meritComparator } from './rank-candidates';
import { selectRanked } from './select-ranked';
import type { SelectionOutcome } from './selection.types';
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
  const ranked = valid.toSorted(meritComparator({ ...definition, selection: rules }));
  return selectRanked(ranked, cs);
}
