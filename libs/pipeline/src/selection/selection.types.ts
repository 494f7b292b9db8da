import type { LocalizedText } from '../definition/definition.types';
import type { Dossier } from '../rules/evaluation.types';

export interface SelectionCandidate {
  id: string;
  /** Aggregated score; may be absent for direct recognition, which skips scoring. */
  score?: number;
  dossier: Dossier;
  directRecognition?: boolean;
  /** Defaults to true; ineligible candidates are reported, never selected. */
  eligible?: boolean;
  /** Points per rubric criterion id, needed only to re-weight criteria in a what-if. */
  criteria?: Readonly<Record<string, number>>;
}

/** Why a candidate is where they are. Selected: the first three; left out: the rest. */
export type ReasonCode =
  | 'DIRECT_RECOGNITION'
  | 'MERIT'
  | 'FLOOR'
  | 'INELIGIBLE'
  | 'BELOW_SCORE_FLOOR'
  | 'QUOTA_FULL'
  | 'PLACES_LIMITED'
  | 'CAP_REACHED'
  | 'FLOOR_UNMEETABLE';

export interface CandidateReason {
  code: ReasonCode;
  /** The binding constraints (floors, caps) by id; empty when none is involved. */
  constraintIds: string[];
  text: LocalizedText;
}

export interface SelectedCandidate {
  id: string;
  tier: string;
  /** 1-based position in the selection (merit order). */
  position: number;
  /** 1-based merit rank among the candidates competing for places. */
  meritRank: number;
  score: number | null;
  reason: CandidateReason;
}

export interface LeftOutCandidate {
  id: string;
  /** Merit rank among the candidates competing for places; null when not competing. */
  meritRank: number | null;
  score: number | null;
  reason: CandidateReason;
}

export interface ConstraintReport {
  id: string;
  kind: 'floor' | 'cap' | 'capPerValue';
  label: LocalizedText;
  /** Floors: the required count; caps: the allowed count (per value for capPerValue). */
  bound: number;
  /** Matching selected candidates; capPerValue: the largest count of one value. */
  achieved: number;
  met: true;
  reason: LocalizedText;
}

export interface Selection {
  status: 'selected';
  places: number;
  filled: number;
  selected: SelectedCandidate[];
  leftOut: LeftOutCandidate[];
  constraints: ConstraintReport[];
  /** Published list per tier, in the definition's listing order. */
  published: { tier: string; ids: string[] }[];
  listCollation: string;
}

/** One member of a minimal set of rules that cannot all be met, with its numbers. */
export interface ConflictingRule {
  /** A constraint id, or `places` (the number of places) or `directRecognition`. */
  id: string;
  label: LocalizedText;
  detail: LocalizedText;
}

export interface Infeasibility {
  status: 'infeasible';
  places: number;
  /** Minimal: dropping any one of them makes a valid selection possible. */
  conflicting: ConflictingRule[];
  reason: LocalizedText;
}

export type SelectionOutcome = Selection | Infeasibility;
