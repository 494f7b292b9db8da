import type { LocalizedText, RuleKind } from '../definition/definition.types';

/** Dossier field values keyed by field id; list fields hold arrays of item objects. */
export type Dossier = Readonly<Record<string, unknown>>;

export interface PriorAward {
  programme: string;
  year: number;
  tier?: string;
}

export interface EvaluationContext {
  /** ISO date all derived values (age, years since…) are computed at; usually set by the edition. */
  referenceDate: string;
  priorAwards?: readonly PriorAward[];
}

/** Which section of the eligibility block a rule (or its root) sits in. */
export type RuleRole = 'requirement' | 'waiver' | 'exclusion' | 'directRecognition';

/**
 * pass / fail: the rule's condition held or not; waived: a requirement failed but a met waiver
 * lifts it (counts as met); excluded: an exclusion condition held, so the dossier is ineligible.
 */
export type RuleVerdict = 'pass' | 'fail' | 'waived' | 'excluded';

export interface RuleOutcome {
  ruleId: string;
  definitionVersion: number;
  kind: RuleKind;
  role: RuleRole;
  /** Enclosing rule for nested rules; outcomes are listed parent first (pre-order). */
  parentId: string | null;
  depth: number;
  outcome: RuleVerdict;
  inputs: Readonly<Record<string, unknown>>;
  reason: LocalizedText;
  waivedBy: string | null;
}

export interface EligibilityResult {
  definitionVersion: number;
  programme: string;
  referenceDate: string;
  eligible: boolean;
  directRecognition: boolean;
  outcomes: RuleOutcome[];
}
