// Public surface of the pipeline engine: definition documents, eligibility evaluation, scoring,
// selection, versioning and CLI formatting. Pure TypeScript — no framework imports.
export type * from './definition/definition.types';
export { pipelineDefinitionSchema } from './definition/definition.schema';
export { validateDefinition, parseDefinition } from './definition/validate-definition';
export { DEFAULT_DEFINITION_LIMITS, type DefinitionLimits } from './definition/definition-limits';
export {
  SHIPPED_DEFINITIONS,
  type ShippedDefinitionName,
  shippedDefinitionPath,
  loadShippedDefinition,
} from './definition/shipped-definitions';
export {
  CANDIDATE_KINDS,
  candidateSpec,
  candidateIdentity,
  candidateDisplayName,
  normaliseIdentityText,
} from './definition/candidate';
export {
  ORGANISATION_KINDS,
  ROUTING_KINDS,
  type OrganisationKindName,
} from './reference/organisation-kinds';
export {
  SKILL_LEVELS,
  INDUSTRY_SECTIONS,
  type ReferenceCode,
} from './reference/reference-data.constants';
export type * from './rules/evaluation.types';
export {
  type CompiledDefinition,
  compileDefinition,
  evaluateEligibility,
} from './rules/compile-definition';
export {
  type DossierError,
  type Attachment,
  validateDossier,
  validateAttachments,
  normaliseDossier,
} from './dossier/validate-dossier';
export {
  type RubricInput,
  type RubricScore,
  type CriterionScore,
  type ItemScore,
  type EntryScore,
  RubricMarkError,
  scoreRubric,
} from './scoring/rubric-score';
export { type MarkError, judgedItems, validateMarks } from './scoring/rubric-marks';
export {
  type ExpertMark,
  type PanelMark,
  type PanelScore,
  type ResolvedScore,
  aggregateScores,
  combineMarks,
  normaliseMarks,
  resolveArbitration,
} from './scoring/aggregate-scores';
export {
  type AssignmentCandidate,
  type AssignmentInput,
  type AssignmentResult,
  type AssignmentShortfall,
  type ExpertAssignment,
  assignExperts,
  conflictKey,
} from './scoring/assign-experts';
export {
  type RankingCandidate,
  type RankedRow,
  type RankedGroup,
  rankScores,
} from './scoring/rank-scores';
export {
  type EvidenceRef,
  blindDossier,
  blindEvidence,
  identifyingParts,
} from './scoring/blind-dossier';
export { normaliseIdNumber, idNumberProblem, idNumberCheckCharacter } from './dossier/id-number';
export { parseIsoDate, todayInShanghai } from './derive/dates';
export type * from './selection/selection.types';
export { selectCandidates } from './selection/select-candidates';
export { selectRanked } from './selection/select-ranked';
export {
  type ConstraintSet,
  type ConstraintSetOptions,
  compileConstraintSet,
} from './selection/constraint-set';
export {
  type CandidateError,
  SelectionInputError,
  validateCandidates,
} from './selection/validate-candidates';
export {
  type SelectionOverrides,
  type SelectionDiff,
  type WhatIfResult,
  applyOverrides,
  diffSelections,
  whatIf,
} from './selection/what-if';
export {
  type SelectingStage,
  type SelectionVerdict,
  SHORTLIST_TIER,
  scoresStageOf,
  selectionDefinitionOf,
  selectionRulesOf,
  selectionVerdicts,
} from './selection/selection-stage';
export {
  type GreedySelectionResult,
  selectCandidatesGreedy,
} from './selection/select-candidates-greedy';
export { type DefinitionChange, diffDefinitions } from './diff/diff-definitions';
export { type DryRunItem, type OutcomeChange, compareOutcomes } from './diff/compare-outcomes';
export { formatValidationErrors, formatTrace, formatDiff } from './format/format-cli';
export { formatSelection, formatSelectionDiff } from './format/format-selection';
export { formatRubricScore } from './format/format-score';
export type * from './workflow/workflow.types';
export { CANDIDATE_STAGE_STATUSES, DECIDED_STATUSES } from './workflow/workflow.types';
export { type Settlement, type SettlementResult, settleEscalation } from './workflow/escalation';
export { joinOutcome, normaliseJoin } from './workflow/join-policy';
export {
  type StageGraph,
  type StagePhase,
  type StageTransition,
  type DoneTransition,
  type TransitionCheck,
  STAGE_TRANSITIONS,
  buildStageGraph,
  stagePhases,
  checkTransition,
  currentStage,
  advancePlan,
} from './workflow/stage-graph';
export {
  type StageKindPlugin,
  type CloseCheck,
  type CloseOptions,
  type ClosedOutcome,
  STAGE_KINDS,
  stageKindOf,
} from './workflow/stage-kinds';
export { type StageMigrationChange, compareStagePlans } from './workflow/stage-migration';
