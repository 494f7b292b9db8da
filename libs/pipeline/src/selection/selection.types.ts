import type { LocalizedText } from '../definition/definition.types';
import type { Dossier } from '../rules/evaluation.types';

export interface SelectionCandidate {
  id: string;
  /** Aggregated score; may be absent for direct recognition, which skips scoring. */
  score?: number;
  dossier: Dossier;
  directRecognition?: boolean;
  /** Defaults to true; ineligible candidates are reported as skipped. */
  eligible?: boolean;
}

export type SkipCode = 'INELIGIBLE' | 'BELOW_SCORE_FLOOR' | 'CAP_REACHED' | 'QUOTA_FULL';

export interface SelectedCandidate {
  id: string;
  tier: string;
  /** 1-based merit position among the selected. */
  rank: number;
  score: number | null;
  /** Why the place was taken: direct recognition, a reserved diversity floor, or merit order. */
  via: 'directRecognition' | 'floor' | 'merit';
  floorId: string | null;
}

export interface SkippedCandidate {
  id: string;
  code: SkipCode;
  constraintId: string | null;
  reason: LocalizedText;
}

export interface ConstraintReport {
  id: string;
  kind: 'floor' | 'cap' | 'capPerValue';
  /** Floors: the required count; caps: the allowed count (per value for capPerValue). */
  bound: number;
  /** Floors and caps: matching selected candidates; capPerValue: the largest count of one value. */
  achieved: number;
  met: boolean;
  reason: LocalizedText;
}

export interface SelectionResult {
  capacity: number;
  selected: SelectedCandidate[];
  skipped: SkippedCandidate[];
  constraints: ConstraintReport[];
  /** Published list per tier, in the definition's listing order. */
  published: { tier: string; ids: string[] }[];
  listCollation: string;
}
