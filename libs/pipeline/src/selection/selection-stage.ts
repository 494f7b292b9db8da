// What a selection or shortlist stage runs: the rules it selects under and the scoring stage its
// scores come from, and what the engine's outcome makes of each candidate's stage standing.
import type {
  ExpertScoringStage,
  PipelineDefinition,
  SelectionStage,
  ShortlistStage,
} from '../definition/definition.types';
import type { ConstraintSetOptions } from './constraint-set';
import type { CandidateReason, SelectionOutcome } from './selection.types';

export type SelectingStage = SelectionStage | ShortlistStage;

/** The shortlist's single list: its `total` places under the stage's own label. */
export const SHORTLIST_TIER = 'shortlist';

/** The engine's options for the stage: the definition's selection, or the shortlist's own rules. */
export function selectionRulesOf(
  definition: PipelineDefinition,
  stage: SelectingStage,
  referenceDate: string,
): ConstraintSetOptions {
  if (stage.kind === 'selection') return { referenceDate };
  return {
    referenceDate,
    rules: {
      total: stage.total,
      ...(stage.scoreFloor !== undefined ? { scoreFloor: stage.scoreFloor } : {}),
      constraints: stage.constraints ?? [],
      tieBreakers: stage.tieBreakers ?? definition.selection.tieBreakers,
      listOrder: { by: 'byScore' },
    },
    tiers: [{ id: SHORTLIST_TIER, label: stage.label, quota: stage.total }],
  };
}

/**
 * The definition as the engine sees it for the stage: unchanged for a selection; for a shortlist,
 * its own rules as the selection and its one list as the only tier, so a what-if changes them.
 */
export function selectionDefinitionOf(
  definition: PipelineDefinition,
  stage: SelectingStage,
): PipelineDefinition {
  if (stage.kind === 'selection') return definition;
  const options = selectionRulesOf(definition, stage, '');
  return {
    ...definition,
    selection: options.rules!,
    tiers: options.tiers!.map((t) => ({ ...t })),
  };
}

/** The scoring stage that ranks the stage's candidates: named, or the nearest earlier one. */
export function scoresStageOf(
  definition: PipelineDefinition,
  stage: SelectingStage,
): ExpertScoringStage | null {
  const index = definition.stages.findIndex((s) => s.id === stage.id);
  const earlier = definition.stages.slice(0, Math.max(index, 0)).toReversed();
  const found = earlier.find(
    (s) =>
      s.kind === 'expertScoring' && (stage.scoresFrom === undefined || s.id === stage.scoresFrom),
  );
  return found?.kind === 'expertScoring' ? found : null;
}

export interface SelectionVerdict {
  status: 'passed' | 'failed';
  tier: string | null;
  reason: CandidateReason;
  explanation: { code: string; zh: string; en: string };
}

const explain = (reason: CandidateReason) => ({
  code: `selection.${reason.code}`,
  zh: reason.text.zh,
  en: reason.text.en,
});

/** Per candidate: selected (passes, with tier) or not (fails), with the engine's reason. */
export function selectionVerdicts(
  outcome: SelectionOutcome & { status: 'selected' },
): Map<string, SelectionVerdict> {
  const verdicts = new Map<string, SelectionVerdict>();
  for (const s of outcome.selected) {
    verdicts.set(s.id, {
      status: 'passed',
      tier: s.tier,
      reason: s.reason,
      explanation: explain(s.reason),
    });
  }
  for (const c of outcome.leftOut) {
    verdicts.set(c.id, {
      status: 'failed',
      tier: null,
      reason: c.reason,
      explanation: explain(c.reason),
    });
  }
  return verdicts;
}
