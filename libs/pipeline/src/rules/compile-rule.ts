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
} from '../definition/definition.types';
import { listItemFieldMap } from '../definition/dossier-fields';
import { childRules } from '../definition/rule-tree';
import { type DayStamp, fullYearsBetween, parseIsoDate, yearOf } from '../derive/dates';
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

const ROOT_PHRASES: Partial<Record<RuleRole, [LocalizedText, LocalizedText]>> = {
  exclusion: [
    { zh: '；属排除情形', en: '; this excludes the dossier' },
    { zh: '；不属排除情形', en: '; not an exclusion' },
  ],
  directRecognition: [
    { zh: '；符合直接认定条件', en: '; qualifies for direct recognition' },
    { zh: '；不适用直接认定', en: '; no direct recognition' },
  ],
};

function appendPhrase(phrase: LocalizedText): (base: LocalizedText) => LocalizedText {
  const cache = new Map<LocalizedText, LocalizedText>();
  return (base) => {
    let r = cache.get(base);
    if (!r) {
      r = frozen({ zh: base.zh + phrase.zh, en: base.en + phrase.en });
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
  const phrases = at.depth === 0 ? ROOT_PHRASES[at.role] : undefined;
  const [onMet, onUnmet] = phrases ? phrases.map(appendPhrase) : [undefined, undefined];
  const excludes = at.depth === 0 && at.role === 'exclusion';
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

function fieldLeaf(
  rule: Extract<Rule, { kind: 'field' }>,
  scope: CompileScope,
  emit: Emit,
): NodeFn {
  const unit = spacedUnit(rule.unit);
  const check = compileConstraint(rule, scope.fields.get(rule.field), unit);
  const fieldId = rule.field;
  const view = memoize((value: unknown) => {
    const verdict = check.test(value);
    const shown = verdict === 'missing' ? undefined : check.format(value);
    const reason = describe(rule.label, shown, unit, check.suffix[verdict]);
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
) {
  const check = compileConstraint({ min: rule.min, max: rule.max }, undefined, unit);
  return memoize((n: number | undefined): View => {
    const verdict: Verdict = check.test(n);
    const shown = n === undefined ? undefined : { zh: String(n), en: String(n) };
    return {
      met: verdict === 'ok',
      reason: describe(rule.label, shown, unit, check.suffix[verdict]),
    };
  });
}

function yearsLeaf(rule: Extract<Rule, { kind: 'age' | 'yearsSince' }>, emit: Emit): NodeFn {
  const unit = spacedUnit(
    rule.kind === 'age' ? { zh: '岁', en: 'years old' } : { zh: '年', en: 'years' },
  );
  const view = measureView(rule, unit);
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

function countLeaf(rule: CountRule, scope: CompileScope, emit: Emit): NodeFn {
  const items = listItemFieldMap(scope.fields.get(rule.list));
  const keys = Object.keys(rule.where ?? {});
  const tests = keys.map((k) => compileConstraint(rule.where![k], items?.get(k)).test);
  const view = measureView(rule, spacedUnit(rule.unit ?? { zh: '项', en: '' }));
  const { list, withinYears, yearField } = rule;
  const matches = (item: Record<string, unknown>, refYear: number): boolean => {
    if (withinYears !== undefined && yearField !== undefined) {
      const year = yearOf(item[yearField]);
      if (year === undefined || refYear - year < 0 || refYear - year >= withinYears) return false;
    }
    for (let i = 0; i < keys.length; i++) if (tests[i](item[keys[i]]) !== 'ok') return false;
    return true;
  };
  return (env, out) => {
    const raw = env.dossier[list];
    let count = 0;
    if (Array.isArray(raw)) {
      for (const item of raw)
        if (item !== null && typeof item === 'object' && matches(item, env.ref.year)) count++;
    }
    const v = view(count);
    return emit(env, out, v.met, v.reason, {
      list,
      count,
      withinYears,
      referenceYear: env.ref.year,
    });
  };
}

function priorAwardLeaf(rule: PriorAwardRule, scope: CompileScope, emit: Emit): NodeFn {
  const programmes = new Set(rule.programmes ?? [scope.programmeCode]);
  const tiers = rule.tiers ? new Set<string | undefined>(rule.tiers) : undefined;
  const { label, withinYears } = rule;
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
    const reason = found
      ? {
          zh: `${label.zh}：已于 ${found.year} 年获得 ${found.programme}${window.zh}`,
          en: `${label.en}: awarded ${found.programme} in ${found.year}${window.en}`,
        }
      : none;
    return emit(env, out, found !== undefined, reason, { award: found ?? null, withinYears });
  };
}

function combinator(rule: Rule, at: Placement, scope: CompileScope, emit: Emit): NodeFn {
  const children = childRules(rule);
  if (children.length > 31) throw new RangeError(`rule ${rule.id} has more than 31 sub-rules`);
  const childAt = { role: at.role, parentId: rule.id, depth: at.depth + 1 };
  const fns = children.map((c) => compileRule(c.rule, childAt, scope));
  const need = rule.kind === 'allOf' ? fns.length : rule.kind === 'atLeast' ? rule.n : 1;
  const reasonOf = combinatorReason(
    rule,
    children.map((c) => c.rule.label),
  );
  const popcount = (mask: number) => fns.reduce((n, _, i) => n + ((mask >> i) & 1), 0);
  const view = memoize((mask: number): View => {
    const count = popcount(mask);
    const met = rule.kind === 'not' ? count === 0 : count >= need;
    return { met, reason: frozen(reasonOf(met, mask, count)) };
  });
  const inputs = memoize((count: number) => frozen({ met: count, of: fns.length, need }));
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

export function compileRule(rule: Rule, at: Placement, scope: CompileScope): NodeFn {
  const emit = emitter(rule, at, scope);
  switch (rule.kind) {
    case 'field':
      return fieldLeaf(rule, scope, emit);
    case 'age':
    case 'yearsSince':
      return yearsLeaf(rule, emit);
    case 'count':
      return countLeaf(rule, scope, emit);
    case 'priorAward':
      return priorAwardLeaf(rule, scope, emit);
    default:
      return combinator(rule, at, scope, emit);
  }
}
