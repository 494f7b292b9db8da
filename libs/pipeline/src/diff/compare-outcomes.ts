import type { CompiledDefinition } from '../rules/compile-definition';
import type { Dossier, EvaluationContext } from '../rules/evaluation.types';

export interface DryRunItem {
  nominationId: string;
  dossier: Dossier;
  context: EvaluationContext;
}

export interface OutcomeChange {
  nominationId: string;
  before: { eligible: boolean; directRecognition: boolean };
  after: { eligible: boolean; directRecognition: boolean };
  /** Rules present in both versions whose verdict differs, plus rules only one version has. */
  changedRules: string[];
}

/** Migration dry-run: the nominations whose eligibility or direct recognition would change. */
export function compareOutcomes(
  before: CompiledDefinition,
  after: CompiledDefinition,
  items: readonly DryRunItem[],
): OutcomeChange[] {
  const changes: OutcomeChange[] = [];
  for (const item of items) {
    const a = before.evaluate(item.dossier, item.context);
    const b = after.evaluate(item.dossier, item.context);
    if (a.eligible === b.eligible && a.directRecognition === b.directRecognition) continue;
    const verdictA = new Map(a.outcomes.map((o) => [o.ruleId, o.outcome]));
    const verdictB = new Map(b.outcomes.map((o) => [o.ruleId, o.outcome]));
    const ids = new Set([...verdictA.keys(), ...verdictB.keys()]);
    changes.push({
      nominationId: item.nominationId,
      before: { eligible: a.eligible, directRecognition: a.directRecognition },
      after: { eligible: b.eligible, directRecognition: b.directRecognition },
      changedRules: [...ids].filter((id) => verdictA.get(id) !== verdictB.get(id)),
    });
  }
  return changes;
}
