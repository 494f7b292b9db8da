// Compiles one rule tree into closures. Every rule yields exactly one outcome, so each node owns a
// fixed slot of the outcome array (parent before children, sections in order) assigned at compile
// time; a node writes its slot and returns whether it counts as met, so nothing is re-evaluated.
// Reason texts depend only on the value a rule looks at, so they are memoised per value and shared.
import type {
  CountRule,
  DossierField,
  LocalizedText,
  PriorAwardRule,
  Rule,
  ScalarField,
} from '../definition/definition.types';
import { listItemFieldMap } from '../definition/dossier-fields';
import { childRules } from '../definition/rule-tree';
import {
  type DayStamp,
  fullYearsBetween,
  parseIsoDate,
  withinYearsBefore,
  yearOf,
} from '../derive/dates';
import { combinatorReason } from './combinator-reasons';
import { compileConstraint, spacedUnit, type Verdict } from './constraint-check';
import type { Dossier, PriorAward, RuleOutcome, RuleRole, RuleVerdict } from './evaluation.types';
import { frozen, memoize } from './memoize';

export interface EvalEnv {
  dossier: Dossier;
  ref: DayStamp;
  referenceDate: string;
  priorAwards: readonly PriorAward[];
  /** Filled before requirements run: waiverMet[i] is true when eligibility.waivers[i] held. */
  waiverMet: boolean[];
}

export type NodeFn = (env: EvalEnv, out: RuleOutcome[]) => boolean;

export interface CompileScope {
  version: number;
  programmeCode: string;
  programmeName: LocalizedText;
  tierLabels: Map<string, LocalizedText>;
  fields: Map<string, DossierField>;
  /** Met-waiver lookups per waived rule id, with the phrase appended to the reason. */
  waiversByTarget: Map<string, { index: number; id: string; phrase: LocalizedText }[]>;
  /** Next free outcome slot; advanced as nodes are compiled in output order. */
  nextSlot: number;
}

interface Placement {
  role: RuleRole;
  parentId: string | null;
  depth: number;
}

type Inputs = Readonly<Record<string, unknown>>;
/** Writes the node's outcome into its slot; returns whether it counts as met. */
type Emit = (
  env: EvalEnv,
  out: RuleOutcome[],
  met: boolean,
  reason: LocalizedText,
  inputs: Inputs,
) => boolean;
interface View {
  met: boolean;
  reason: LocalizedText;
}

/** Exclusions are stated as exclusions, before what was found: never as a requirement met. */
const EXCLUSION_PREFIXES: [LocalizedText, LocalizedText] = [
  { zh: '属于排除情形：', en: 'excluded: ' },
  { zh: '不属于排除情形：', en: 'not excluded: ' },
];

const ROOT_PHRASES: Partial<Record<RuleRole, [LocalizedText, LocalizedText]>> = {
  directRecognition: [
    { zh: '；符合直接认定条件', en: '; qualifies for direct recognition' },
    { zh: '；不适用直接认定', en: '; no direct recognition' },
  ],
};

function appendPhrase(
  phrase: LocalizedText,
  before = false,
): (base: LocalizedText) => LocalizedText {
  const cache = new Map<LocalizedText, LocalizedText>();
  return (base) => {
    let r = cache.get(base);
    if (!r) {
      r = frozen(
        before
          ? { zh: phrase.zh + base.zh, en: phrase.en + base.en }
          : { zh: base.zh + phrase.zh, en: base.en + phrase.en },
      );
      if (cache.size < 1024) cache.set(base, r);
    }
    return r;
  };
}

/** Builds the outcome writer: applies waivers (requirements only) and root-level role wording. */
function emitter(rule: Rule, at: Placement, scope: CompileScope): Emit {
  const waivers = (at.role === 'requirement' ? (scope.waiversByTarget.get(rule.id) ?? []) : []).map(
    (w) => ({
      ...w,
      decorate: appendPhrase(w.phrase),
    }),
  );
  const excludes = at.depth === 0 && at.role === 'exclusion';
  const phrases = at.depth === 0 ? ROOT_PHRASES[at.role] : undefined;
  const [onMet, onUnmet] = excludes
    ? EXCLUSION_PREFIXES.map((p) => appendPhrase(p, true))
    : phrases
      ? phrases.map((p) => appendPhrase(p))
      : [undefined, undefined];
  const { id: ruleId, kind } = rule;
  const { role, parentId, depth } = at;
  const definitionVersion = scope.version;
  const slot = scope.nextSlot++;
  return (env, out, met, reason, inputs) => {
    let outcome: RuleVerdict = met ? 'pass' : 'fail';
    let waivedBy: string | null = null;
    if (!met) {
      for (const w of waivers) {
        if (!env.waiverMet[w.index]) continue;
        outcome = 'waived';
        waivedBy = w.id;
        reason = w.decorate(reason);
        break;
      }
    }
    if (onMet && onUnmet) reason = met ? onMet(reason) : onUnmet(reason);
    if (excludes) outcome = met ? 'excluded' : 'pass';
    out[slot] = {
      ruleId,
      definitionVersion,
      kind,
      role,
      parentId,
      depth,
      outcome,
      inputs,
      reason,
      waivedBy,
    };
    return met || waivedBy !== null;
  };
}

/** "label value unit suffix" in both languages, or "label (missing)" when there is no value. */
function describe(
  label: LocalizedText,
  value: LocalizedText | undefined,
  unit: LocalizedText,
  suffix: LocalizedText,
): LocalizedText {
  if (!value) return frozen({ zh: label.zh + suffix.zh, en: label.en + suffix.en });
  return frozen({
    zh: `${label.zh} ${value.zh}${unit.zh}${suffix.zh}`,
    en: `${label.en}: ${value.en}${unit.en}${suffix.en}`,
  });
}

/** Under an exclusion a comparison only reports what was found: no "as required" wording. */
function neutralised(
  suffix: Record<Verdict, LocalizedText>,
  role: RuleRole,
): Record<Verdict, LocalizedText> {
  if (role !== 'exclusion') return suffix;
  const none = { zh: '', en: '' };
  return {
    ok: none,
    missing: suffix.missing,
    notEqual: none,
    notIn: none,
    excludedValue: none,
    belowMin: none,
    aboveMax: none,
  };
}

function fieldLeaf(
  rule: Extract<Rule, { kind: 'field' }>,
  at: Placement,
  scope: CompileScope,
  emit: Emit,
): NodeFn {
  const unit = spacedUnit(rule.unit);
  const check = compileConstraint(rule, scope.fields.get(rule.field), unit);
  const suffix = neutralised(check.suffix, at.role);
  const fieldId = rule.field;
  const view = memoize((value: unknown) => {
    const verdict = check.test(value);
    const shown = verdict === 'missing' ? undefined : check.format(value);
    const reason = describe(rule.label, shown, unit, suffix[verdict]);
    return { met: verdict === 'ok', reason, inputs: frozen({ field: fieldId, value }) };
  });
  return (env, out) => {
    const v = view(env.dossier[fieldId]);
    return emit(env, out, v.met, v.reason, v.inputs);
  };
}

/** A memoised view of a numeric measurement (years, a count) against min/max. */
function measureView(
  rule: { label: LocalizedText; min?: number; max?: number },
  unit: LocalizedText,
  role: RuleRole,
) {
  const check = compileConstraint({ min: rule.min, max: rule.max }, undefined, unit);
  const suffix = neutralised(check.suffix, role);
  return memoize((n: number | undefined): View => {
    const verdict: Verdict = check.test(n);
    const shown = n === undefined ? undefined : { zh: String(n), en: String(n) };
    return {
      met: verdict === 'ok',
      reason: describe(rule.label, shown, unit, suffix[verdict]),
    };
  });
}

function yearsLeaf(
  rule: Extract<Rule, { kind: 'age' | 'yearsSince' }>,
  at: Placement,
  emit: Emit,
): NodeFn {
  const unit = spacedUnit(
    rule.kind === 'age' ? { zh: '岁', en: 'years old' } : { zh: '年', en: 'years' },
  );
  const view = measureView(rule, unit, at.role);
  const fieldId = rule.field;
  return (env, out) => {
    const date = env.dossier[fieldId];
    const from = parseIsoDate(date);
    const years = from === undefined ? undefined : fullYearsBetween(from, env.ref);
    const v = view(years);
    return emit(env, out, v.met, v.reason, {
      field: fieldId,
      date,
      referenceDate: env.referenceDate,
      years,
    });
  };
}

/**
 * "Within the last N years": on a date field, dates after the same day N years before the
 * reference date (and not after it); on a year field, the N calendar years up to the reference
 * year, that year included.
 */
function windowTest(
  withinYears: number | undefined,
  yearField: string | undefined,
  field: ScalarField | undefined,
): ((item: Record<string, unknown>, env: EvalEnv) => boolean) | undefined {
  if (withinYears === undefined || yearField === undefined) return undefined;
  if (field?.type === 'date') {
    return (item, env) => {
      const date = parseIsoDate(item[yearField]);
      return date !== undefined && withinYearsBefore(date, env.ref, withinYears);
    };
  }
  return (item, env) => {
    const year = yearOf(item[yearField]);
    return year !== undefined && env.ref.year - year >= 0 && env.ref.year - year < withinYears;
  };
}

function countLeaf(rule: CountRule, at: Placement, scope: CompileScope, emit: Emit): NodeFn {
  const items = listItemFieldMap(scope.fields.get(rule.list));
  const keys = Object.keys(rule.where ?? {});
  const tests = keys.map((k) => compileConstraint(rule.where![k], items?.get(k)).test);
  const view = measureView(rule, spacedUnit(rule.unit ?? { zh: '项', en: '' }), at.role);
  const { list, withinYears, yearField } = rule;
  const inWindow = windowTest(
    withinYears,
    yearField,
    yearField ? items?.get(yearField) : undefined,
  );
  const matches = (item: Record<string, unknown>, env: EvalEnv): boolean => {
    if (inWindow && !inWindow(item, env)) return false;
    for (let i = 0; i < keys.length; i++) if (tests[i](item[keys[i]]) !== 'ok') return false;
    return true;
  };
  return (env, out) => {
    const raw = env.dossier[list];
    let count = 0;
    if (Array.isArray(raw)) {
      for (const item of raw)
        if (item !== null && typeof item === 'object' && matches(item, env)) count++;
    }
    const v = view(count);
    return emit(env, out, v.met, v.reason, {
      list,
      count,
      withinYears,
      referenceDate: env.referenceDate,
    });
  };
}

/** Names a prior award by its labels: its programme's name and, when known, its tier's. */
function awardName(scope: CompileScope, rule: PriorAwardRule): (a: PriorAward) => LocalizedText {
  const names = new Map<string, LocalizedText>([[scope.programmeCode, scope.programmeName]]);
  for (const p of rule.programmes ?? []) if (typeof p !== 'string') names.set(p.code, p.label);
  const unknown = { zh: '其他项目', en: 'another programme' };
  return (a) => {
    const programme = names.get(a.programme) ?? unknown;
    const tier =
      a.programme === scope.programmeCode && a.tier ? scope.tierLabels.get(a.tier) : undefined;
    if (!tier || tier.zh === programme.zh) return programme;
    return { zh: `${programme.zh}（${tier.zh}）`, en: `${programme.en} (${tier.en})` };
  };
}

function priorAwardLeaf(rule: PriorAwardRule, scope: CompileScope, emit: Emit): NodeFn {
  const programmes = new Set(
    (rule.programmes ?? [scope.programmeCode]).map((p) => (typeof p === 'string' ? p : p.code)),
  );
  const tiers = rule.tiers ? new Set<string | undefined>(rule.tiers) : undefined;
  const { label, withinYears } = rule;
  const nameOf = awardName(scope, rule);
  const window =
    withinYears === undefined
      ? { zh: '', en: '' }
      : { zh: `（${withinYears} 年内）`, en: ` within ${withinYears} years` };
  const none = frozen({
    zh: `${label.zh}：无相关既往获奖${window.zh}`,
    en: `${label.en}: no matching prior award${window.en}`,
  });
  return (env, out) => {
    const found = env.priorAwards.find(
      (a) =>
        programmes.has(a.programme) &&
        (!tiers || tiers.has(a.tier)) &&
        (withinYears === undefined || env.ref.year - a.year < withinYears),
    );
    let reason: LocalizedText = none;
    if (found) {
      const name = nameOf(found);
      reason = {
        zh: `${label.zh}：已于 ${found.year} 年获得${name.zh}${window.zh}`,
        en: `${label.en}: awarded ${name.en} in ${found.year}${window.en}`,
      };
    }
    return emit(env, out, found !== undefined, reason, { award: found ?? null, withinYears });
  };
}

/** Children per combinator whose met-set is keyed by one small-integer bit mask. */
const MASK_BITS = 30;

function combinator(rule: Rule, at: Placement, scope: CompileScope, emit: Emit): NodeFn {
  const children = childRules(rule);
  const childAt = { role: at.role, parentId: rule.id, depth: at.depth + 1 };
  const fns = children.map((c) => compileRule(c.rule, childAt, scope));
  const need = rule.kind === 'allOf' ? fns.length : rule.kind === 'atLeast' ? rule.n : 1;
  const reasonOf = combinatorReason(
    rule,
    children.map((c) => c.rule.label),
  );
  const decide = (count: number) => (rule.kind === 'not' ? count === 0 : count >= need);
  const inputs = memoize((count: number) => frozen({ met: count, of: fns.length, need }));
  if (fns.length <= MASK_BITS) {
    // Few children: the set of met children is one integer, so each reason is built once.
    const view = memoize((mask: number): View => {
      let count = 0;
      for (let i = 0; i < fns.length; i++) if ((mask >> i) & 1) count++;
      const met = decide(count);
      return { met, reason: frozen(reasonOf(met, (i) => ((mask >> i) & 1) === 1, count)) };
    });
    return (env, out) => {
      let mask = 0;
      let count = 0;
      for (let i = 0; i < fns.length; i++) {
        if (fns[i](env, out)) {
          mask |= 1 << i;
          count++;
        }
      }
      const v = view(mask);
      return emit(env, out, v.met, v.reason, inputs(count));
    };
  }
  // Any number of children: the met set as a string of 0/1, its reasons cached while few.
  const view = memoize((key: string): View => {
    let count = 0;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 49) count++;
    const met = decide(count);
    return { met, reason: frozen(reasonOf(met, (i) => key.charCodeAt(i) === 49, count)) };
  });
  return (env, out) => {
    let key = '';
    let count = 0;
    for (const fn of fns) {
      const met = fn(env, out);
      key += met ? '1' : '0';
      if (met) count++;
    }
    const v = view(key);
    return emit(env, out, v.met, v.reason, inputs(count));
  };
}

export function compileRule(rule: Rule, at: Placement, scope: CompileScope): NodeFn {
  const emit = emitter(rule, at, scope);
  switch (rule.kind) {
    case 'field':
      return fieldLeaf(rule, at, scope, emit);
    case 'age':
    case 'yearsSince':
      return yearsLeaf(rule, at, emit);
    case 'count':
      return countLeaf(rule, at, scope, emit);
    case 'priorAward':
      return priorAwardLeaf(rule, scope, emit);
    default:
      return combinator(rule, at, scope, emit);
  }
}
