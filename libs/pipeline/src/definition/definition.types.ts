// TypeScript view of a pipeline definition document. The JSON Schema in definition.schema.ts is
// the published contract; these types mirror it and are only trusted after validateDefinition().

export interface LocalizedText {
  zh: string;
  en: string;
}

export type Lang = keyof LocalizedText;
export type Scalar = string | number | boolean;
export type ProgrammeLevel = 'enterprise' | 'district' | 'city' | 'province' | 'national';
export type DayKind = 'calendar' | 'working';

export interface Duration {
  days: number;
  dayKind: DayKind;
}

export interface Principle {
  id: string;
  label: LocalizedText;
  statement?: LocalizedText;
}

export interface Programme {
  code: string;
  name: LocalizedText;
  level: ProgrammeLevel;
  /** 1 = yearly, 3 = every three years. */
  cadence: { everyYears: number };
}

export interface HonourTier {
  id: string;
  label: LocalizedText;
  quota: number;
  principle?: string;
  awardYuan?: number;
}

// ---- Dossier schema ----

interface FieldBase {
  id: string;
  label: LocalizedText;
  required?: boolean;
  pii?: boolean;
  public?: boolean;
  /** Identifies the candidate: withheld from blind experts. */
  identifying?: boolean;
}

export interface TextField extends FieldBase {
  type: 'text';
  minLength?: number;
  maxLength?: number;
}

export interface NumberField extends FieldBase {
  type: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
}

export interface DateField extends FieldBase {
  type: 'date';
  /** A date that cannot lie in the future (a birth date); fields of `age` rules always are. */
  past?: boolean;
}

/**
 * A mainland resident ID number (GB 11643, with its check character), normalised (full-width
 * forms, spaces, a lower-case x) before it is validated, stored or hashed.
 */
export interface IdNumberField extends FieldBase {
  type: 'idNumber';
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
}

export interface EnumValue {
  code: string;
  label: LocalizedText;
}

export interface EnumField extends FieldBase {
  type: 'enum';
  /** Either a built-in enumeration (skillLevel, industrySection) or inline values. */
  builtin?: 'skillLevel' | 'industrySection';
  values?: EnumValue[];
  /** Inline values are ordered low → high when true, enabling min/max rules. */
  ordered?: boolean;
}

export type ScalarField =
  TextField | NumberField | DateField | BooleanField | EnumField | IdNumberField;

export interface ListField extends FieldBase {
  type: 'list';
  items: ScalarField[];
  minItems?: number;
  maxItems?: number;
}

export type DossierField = ScalarField | ListField;

export interface EvidenceKind {
  kind: string;
  label: LocalizedText;
  maxSizeBytes: number;
  formats: string[];
  minCount?: number;
  maxCount?: number;
  /** Identifies the candidate: withheld from blind experts. */
  identifying?: boolean;
}

export interface DossierSchema {
  fields: DossierField[];
  evidence: EvidenceKind[];
}

// ---- Candidates ----

export type CandidateKind = 'person' | 'team' | 'studio';

/**
 * What is being honoured. `identity` names the dossier fields that identify one candidate (a
 * person's ID number; a team's enterprise and name; a studio's host and name), used for
 * duplicate detection and repeat-winner bans; `displayName` the field shown as its name.
 * Which fields are personal data is each field's own `pii` flag.
 */
export interface CandidateSpec {
  kind: CandidateKind;
  identity: string[];
  displayName: string;
}

// ---- Nomination channels ----

export type ChannelKind =
  | 'unit'
  | 'districtUnion'
  | 'industryUnion'
  | 'association'
  | 'otherPerson'
  | 'selfNomination'
  | 'publicTipOff';

/**
 * What a unit records before nominating: an in-unit notice (its start date; it ends `duration`
 * later), an approval by a named body (its meeting date and minutes file), a seal (an evidence
 * file). `evidence` names the dossier's evidence kind holding the minutes or the sealed form.
 */
export interface Endorsement {
  id: string;
  kind: 'notice' | 'approval' | 'seal';
  label: LocalizedText;
  duration?: Duration;
  evidence?: string;
}

/**
 * One level a nomination passes on its way up. `roles` are organisation kinds: the organisation
 * of one of these kinds above the nominating unit (or the unit itself, when its own kind is
 * named) forwards or returns it, and ranks what it holds when `ranks` is set.
 */
export interface RoutingHop {
  id: string;
  label: LocalizedText;
  roles: string[];
  ranks?: boolean;
}

export interface NominationChannel {
  id: string;
  kind: ChannelKind;
  label: LocalizedText;
  principle?: string;
  perUnitCap?: number;
  /** The first hop ranks its nominations before forwarding them (as `ranks` on that hop). */
  rankingRequired?: boolean;
  /** Ineligible nominations may still be forwarded, marked as such, for review above. */
  forwardIneligible?: boolean;
  endorsements?: Endorsement[];
  routing?: RoutingHop[];
  referees?: { count: number; label: LocalizedText };
}

// ---- Eligibility rules ----

export interface Constraint {
  equals?: Scalar;
  in?: Scalar[];
  notIn?: Scalar[];
  min?: number | string;
  max?: number | string;
}

interface RuleBase {
  id: string;
  label: LocalizedText;
  principle?: string;
  /** Only on rules listed under eligibility.waivers: ids of rules this one lifts when met. */
  waives?: string[];
}

export interface FieldRule extends RuleBase, Constraint {
  kind: 'field';
  field: string;
  unit?: LocalizedText;
}

export interface AgeRule extends RuleBase {
  kind: 'age';
  field: string;
  min?: number;
  max?: number;
}

export interface YearsSinceRule extends RuleBase {
  kind: 'yearsSince';
  field: string;
  min?: number;
  max?: number;
}

export interface CountRule extends RuleBase {
  kind: 'count';
  list: string;
  where?: Record<string, Constraint>;
  /** Only items whose yearField lies within the last N years (reference year included). */
  withinYears?: number;
  yearField?: string;
  min?: number;
  max?: number;
  unit?: LocalizedText;
}

export interface PriorAwardRule extends RuleBase {
  kind: 'priorAward';
  /**
   * Programmes whose awards count; defaults to the definition's own. Another programme is named
   * with its label ({ code, label }) so reasons never show a bare code.
   */
  programmes?: Array<string | { code: string; label: LocalizedText }>;
  tiers?: string[];
  /** Omitted = at any time (a lifelong ban when used as an exclusion). */
  withinYears?: number;
}

export interface AllOfRule extends RuleBase {
  kind: 'allOf';
  rules: Rule[];
}

export interface AnyOfRule extends RuleBase {
  kind: 'anyOf';
  rules: Rule[];
}

export interface AtLeastRule extends RuleBase {
  kind: 'atLeast';
  n: number;
  rules: Rule[];
}

export interface NotRule extends RuleBase {
  kind: 'not';
  rule: Rule;
}

export type Rule =
  | FieldRule
  | AgeRule
  | YearsSinceRule
  | CountRule
  | PriorAwardRule
  | AllOfRule
  | AnyOfRule
  | AtLeastRule
  | NotRule;

export type RuleKind = Rule['kind'];

export interface Eligibility {
  /** All must hold (an implicit allOf). */
  rules: Rule[];
  /** Conditions that, when met, lift the rules named in their `waives`. */
  waivers?: Rule[];
  /** Conditions that, when met, exclude the dossier (sector bans, repeat-winner bans). */
  exclusions?: Rule[];
  /** Conditions that, when met by an eligible dossier, mark it for recognition without scoring. */
  directRecognition?: Rule[];
}

// ---- Stages ----

export interface Calendar {
  start?: string;
  due?: string;
  duration?: Duration;
}

interface StageBase {
  id: string;
  label: LocalizedText;
  owner: string;
  calendar?: Calendar;
  principle?: string;
}

export interface ChecklistItem {
  id: string;
  label: LocalizedText;
}

export interface QualificationCheckStage extends StageBase {
  kind: 'qualificationCheck';
  checklist?: ChecklistItem[];
}

export interface Department {
  id: string;
  label: LocalizedText;
  role: string;
  checklist: ChecklistItem[];
}

/** A decision a reviewer can record on a task. */
export type TaskDecision = 'approve' | 'reject' | 'requestInfo';

/** What happens to the departments that have not decided when the stage's time is up. */
export type JoinTimeout =
  { action: 'escalate'; to: string } | { action: 'default'; decision: 'approve' | 'reject' };

/**
 * How parallel decisions combine into a candidate's outcome: every department approves (`all`),
 * at least `k` approve (`atLeast`), or a rejection by a department holding a veto rejects
 * (`anyVetoRejects`; every department holds one unless `vetoes` names some, the others then
 * advise). `escalateOnTimeout` is the older spelling of `all` with `onTimeout` escalating to
 * `escalateTo`.
 */
export interface JoinRule {
  policy: 'all' | 'atLeast' | 'anyVetoRejects' | 'escalateOnTimeout';
  k?: number;
  escalateTo?: string;
  vetoes?: string[];
  onTimeout?: JoinTimeout;
}

export interface DepartmentalReviewStage extends StageBase {
  kind: 'departmentalReview';
  departments: Department[];
  join: JoinRule;
  /** How long a nominating unit has to answer a request for more information. */
  informationRequest?: { duration: Duration };
}

interface RubricItemBase {
  id: string;
  label: LocalizedText;
}

/** Points for a dossier value by level: exact code, or for an ordered enum the highest level listed at or below it. */
export interface LevelTable {
  field: string;
  table: Record<string, number>;
}

/** A mark an expert gives, from `minPoints` (default 0) to `maxPoints`; marks outside are refused. */
export interface JudgedRubricItem extends RubricItemBase {
  kind: 'judged';
  maxPoints: number;
  minPoints?: number;
}

/**
 * Points per matching entry of a list field: `points` each, `tiered` by position (the first counted
 * entry earns tiered[0], the second tiered[1], …, the last value repeating), or by the entry's
 * level (`levels`); then capped. `countOnce`: an entry already counted by an earlier countOnce item
 * of the rubric does not count here again.
 */
export interface PerListRubricItem extends RubricItemBase {
  kind: 'perListItem';
  list: string;
  where?: Record<string, Constraint>;
  points?: number;
  tiered?: number[];
  levels?: LevelTable;
  cap?: number;
  countOnce?: boolean;
}

export interface ByLevelRubricItem extends RubricItemBase, LevelTable {
  kind: 'byLevel';
}

export interface PerEvidenceRubricItem extends RubricItemBase {
  kind: 'perEvidence';
  evidence: string;
  points: number;
  cap?: number;
}

/** Fixed points when an eligibility-style condition holds for the dossier. */
export interface ConditionRubricItem extends RubricItemBase {
  kind: 'condition';
  when: Rule;
  points: number;
}

/** Items whose points together never exceed `cap` (a sub-criterion). */
export interface GroupRubricItem extends RubricItemBase {
  kind: 'group';
  cap: number;
  items: RubricItem[];
}

export type RubricItem =
  | JudgedRubricItem
  | PerListRubricItem
  | ByLevelRubricItem
  | PerEvidenceRubricItem
  | ConditionRubricItem
  | GroupRubricItem;

export interface RubricCriterion {
  id: string;
  label: LocalizedText;
  maxPoints: number;
  principle?: string;
  items: RubricItem[];
}

export interface Rubric {
  maxScore: number;
  /**
   * When set (equal to maxScore), criteria may add up to more than maxScore and the total is
   * capped here: each criterion's cap sits inside this overall cap.
   */
  overallCap?: number;
  criteria: RubricCriterion[];
}

export interface ScoreAggregation {
  method: 'mean' | 'median' | 'trimmedMean';
  /** trimmedMean: marks dropped at each end. */
  trim?: number;
  normalisePerExpert?: boolean;
}

export interface ExpertScoringStage extends StageBase {
  kind: 'expertScoring';
  rubric: Rubric;
  aggregation: ScoreAggregation;
  arbitration?: {
    spreadThreshold: number;
    owner: string;
    /** What the arbitration group's score does: replace the panel's (default) or average with it. */
    resolution?: 'replace' | 'meanWithPanel';
  };
  /** Blind experts never receive dossier fields or evidence kinds marked `identifying`. */
  blind?: boolean;
  /** Experts per dossier (default 3). */
  expertsPerDossier?: number;
  /** Dossier field grouping candidates into panels (e.g. trade group). */
  panelsBy?: string;
}

export interface VerificationStage extends StageBase {
  kind: 'verification';
  methods: Array<'onSite' | 'video' | 'phone'>;
}

export interface PublicVoteStage extends StageBase {
  kind: 'publicVote';
  antiRigging: {
    zeroRiggedCounts: boolean;
    maxVotesPerVoterPerDay: number;
    verifiedPhone?: boolean;
  };
  weightInScore?: number;
}

export interface ApprovalStage extends StageBase {
  kind: 'approval';
  approver: string;
}

export interface PublicNoticeStage extends StageBase {
  kind: 'publicNotice';
  duration: Duration;
  objections: {
    realNameRequired: boolean;
    contactRequired: boolean;
    unitSealRequired: boolean;
    lateRefused: boolean;
  };
}

export interface ReleaseStage extends StageBase {
  kind: 'release';
}

/**
 * The selection under the definition's `selection` rules and tier quotas, run over the candidates
 * who passed the previous stage with their scores from a scoring stage; only the selected pass.
 */
export interface SelectionStage extends StageBase {
  kind: 'selection';
  /** The expert scoring stage whose scores rank the candidates; default: the nearest earlier one. */
  scoresFrom?: string;
}

/** The same selection cutting the field mid-pipeline under its own rules: one list of `total`. */
export interface ShortlistStage extends StageBase {
  kind: 'shortlist';
  scoresFrom?: string;
  total: number;
  scoreFloor?: number;
  constraints?: SelectionConstraint[];
  tieBreakers?: TieBreaker[];
}

export type Stage =
  | QualificationCheckStage
  | DepartmentalReviewStage
  | ExpertScoringStage
  | VerificationStage
  | PublicVoteStage
  | ApprovalStage
  | PublicNoticeStage
  | ReleaseStage
  | SelectionStage
  | ShortlistStage;

export type StageKind = Stage['kind'];

// ---- Selection ----

export type SelectionConstraint =
  | {
      id: string;
      kind: 'floor';
      label: LocalizedText;
      principle?: string;
      where: Rule;
      minShare?: number;
      minCount?: number;
    }
  | {
      id: string;
      kind: 'cap';
      label: LocalizedText;
      principle?: string;
      where: Rule;
      maxShare?: number;
      maxCount?: number;
    }
  | {
      id: string;
      kind: 'capPerValue';
      label: LocalizedText;
      principle?: string;
      field: string;
      maxCount: number;
    };

export interface TieBreaker {
  field: string;
  order: 'asc' | 'desc';
}

export interface SelectionRules {
  total: number;
  scoreFloor?: number;
  principle?: string;
  constraints?: SelectionConstraint[];
  tieBreakers?: TieBreaker[];
  listOrder: { by: 'byScore' | 'bySurnameStroke'; nameField?: string };
}

export interface PipelineDefinition {
  programme: Programme;
  version: number;
  /** Omitted: a person, identified by `idNumber` and named by `name`. */
  candidate?: CandidateSpec;
  principles?: Principle[];
  tiers: HonourTier[];
  dossier: DossierSchema;
  channels: NominationChannel[];
  eligibility: Eligibility;
  stages: Stage[];
  selection: SelectionRules;
}

export interface DefinitionError {
  /** JSON pointer into the document, e.g. /eligibility/rules/2/min */
  path: string;
  message: string;
}

/** The reading limits a document can exceed (see definition-limits.ts). */
export type DefinitionLimitName = 'characters' | 'depth' | 'aliases';

export type DefinitionValidation =
  | { ok: true; definition: PipelineDefinition }
  | { ok: false; errors: DefinitionError[]; limit?: DefinitionLimitName };
