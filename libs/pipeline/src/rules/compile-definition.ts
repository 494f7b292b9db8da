import type { LocalizedText, PipelineDefinition, Rule } from '../definition/definition.types';
import { dossierFieldMap } from '../definition/dossier-fields';
import { walkRule } from '../definition/rule-tree';
import { type DayStamp, parseIsoDate } from '../derive/dates';
import { type CompileScope, compileRule, type EvalEnv, type NodeFn } from './compile-rule';
import type {
  Dossier,
  EligibilityResult,
  EvaluationContext,
  RuleOutcome,
  RuleRole,
} from './evaluation.types';

export interface CompiledDefinition {
  readonly definition: PipelineDefinition;
  evaluate(dossier: Dossier, context: EvaluationContext): EligibilityResult;
}

function waiverIndex(waivers: readonly Rule[]): CompileScope['waiversByTarget'] {
  const byTarget: CompileScope['waiversByTarget'] = new Map();
  waivers.forEach((w, index) => {
    const phrase: LocalizedText = {
      zh: `；但${w.label.zh}豁免此要求`,
      en: `; waived by ${w.label.en}`,
    };
    for (const target of w.waives ?? []) {
      const list = byTarget.get(target) ?? [];
      list.push({ index, id: w.id, phrase });
      byTarget.set(target, list);
    }
  });
  return byTarget;
}

function compileSection(
  rules: readonly Rule[] | undefined,
  role: RuleRole,
  scope: CompileScope,
): NodeFn[] {
  return (rules ?? []).map((r) => compileRule(r, { role, parentId: null, depth: 0 }, scope));
}

function countRules(rules: readonly Rule[] | undefined): number {
  let n = 0;
  for (const root of rules ?? []) walkRule(root, '', () => n++);
  return n;
}

function programmeScope(
  definition: PipelineDefinition,
): Pick<CompileScope, 'version' | 'programmeCode' | 'programmeName' | 'tierLabels'> {
  return {
    version: definition.version,
    programmeCode: definition.programme.code,
    programmeName: definition.programme.name,
    tierLabels: new Map(definition.tiers.map((t) => [t.id, t.label])),
  };
}

function parseReferenceDate(referenceDate: string): DayStamp {
  const ref = parseIsoDate(referenceDate);
  if (!ref)
    throw new RangeError(`referenceDate must be an ISO date (YYYY-MM-DD), got "${referenceDate}"`);
  return ref;
}

/**
 * Compiles a validated definition once into closures; evaluate() then runs without re-reading the
 * document. Waivers run first so requirements can consult them, but outcomes are listed in
 * section order: requirements, waivers, exclusions, direct recognition.
 */
export function compileDefinition(definition: PipelineDefinition): CompiledDefinition {
  const waivers = definition.eligibility.waivers ?? [];
  const scope: CompileScope = {
    ...programmeScope(definition),
    fields: dossierFieldMap(definition),
    waiversByTarget: waiverIndex(waivers),
    nextSlot: countRules(definition.eligibility.rules),
  };
  // Waivers compile (and run) first but their slots follow the requirements'.
  const waiverFns = compileSection(waivers, 'waiver', scope);
  const afterWaivers = scope.nextSlot;
  scope.nextSlot = 0;
  const requirementFns = compileSection(definition.eligibility.rules, 'requirement', scope);
  scope.nextSlot = afterWaivers;
  const exclusionFns = compileSection(definition.eligibility.exclusions, 'exclusion', scope);
  const recognitionFns = compileSection(
    definition.eligibility.directRecognition,
    'directRecognition',
    scope,
  );
  const outcomeCount = scope.nextSlot;
  let lastDate = '';
  let lastRef: DayStamp | undefined;

  const evaluate = (dossier: Dossier, context: EvaluationContext): EligibilityResult => {
    if (context.referenceDate !== lastDate || !lastRef) {
      lastRef = parseReferenceDate(context.referenceDate);
      lastDate = context.referenceDate;
    }
    const env: EvalEnv = {
      dossier,
      ref: lastRef,
      referenceDate: lastDate,
      priorAwards: context.priorAwards ?? [],
      waiverMet: [],
    };
    // Pre-sized: every slot is written by exactly one compiled rule.
    // oxlint-disable-next-line unicorn/no-new-array
    const outcomes = new Array<RuleOutcome>(outcomeCount);
    for (let i = 0; i < waiverFns.length; i++) env.waiverMet[i] = waiverFns[i](env, outcomes);
    let requirementsMet = true;
    for (const fn of requirementFns) if (!fn(env, outcomes)) requirementsMet = false;
    let excluded = false;
    for (const fn of exclusionFns) if (fn(env, outcomes)) excluded = true;
    let recognised = false;
    for (const fn of recognitionFns) if (fn(env, outcomes)) recognised = true;
    const eligible = requirementsMet && !excluded;
    return {
      definitionVersion: definition.version,
      programme: definition.programme.code,
      referenceDate: lastDate,
      eligible,
      directRecognition: eligible && recognised,
      outcomes,
    };
  };
  return { definition, evaluate };
}

/** One-off evaluation; compile once with compileDefinition() when evaluating many dossiers. */
export function evaluateEligibility(
  definition: PipelineDefinition,
  dossier: Dossier,
  context: EvaluationContext,
): EligibilityResult {
  return compileDefinition(definition).evaluate(dossier, context);
}

/** A stand-alone condition (e.g. a selection constraint's `where`) as a dossier predicate. */
export function compileCondition(
  definition: PipelineDefinition,
  rule: Rule,
): (dossier: Dossier, context: EvaluationContext) => boolean {
  const scope: CompileScope = {
    ...programmeScope(definition),
    fields: dossierFieldMap(definition),
    waiversByTarget: new Map(),
    nextSlot: 0,
  };
  const fn = compileRule(rule, { role: 'requirement', parentId: null, depth: 0 }, scope);
  const size = scope.nextSlot;
  return (dossier, context) => {
    const ref = parseReferenceDate(context.referenceDate);
    const env: EvalEnv = {
      dossier,
      ref,
      referenceDate: context.referenceDate,
      priorAwards: context.priorAwards ?? [],
      waiverMet: [],
    };
    // oxlint-disable-next-line unicorn/no-new-array -- pre-sized, see compileDefinition
    return fn(env, new Array<RuleOutcome>(size));
  };
}
