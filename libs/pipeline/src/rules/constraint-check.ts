// Compiles a comparison (equals / in / notIn / min / max) against one field into a test function
// plus reason phrases. Threshold phrases are rendered once at compile time, so evaluation only
// concatenates the candidate's value with a prepared suffix.
import type {
  Constraint,
  DossierField,
  LocalizedText,
  Scalar,
} from '../definition/definition.types';
import { enumValues, isOrderedEnum } from '../definition/dossier-fields';

export type Verdict =
  'ok' | 'missing' | 'notEqual' | 'notIn' | 'excludedValue' | 'belowMin' | 'aboveMax';

export interface CompiledConstraint {
  test(value: unknown): Verdict;
  /** Reason suffix per verdict, e.g. "，低于要求的 10 年" / ", below the required 10 years". */
  suffix: Record<Verdict, LocalizedText>;
  format(value: unknown): LocalizedText;
}

const YES: LocalizedText = { zh: '是', en: 'yes' };
const NO: LocalizedText = { zh: '否', en: 'no' };

/** Renders field values for reasons: enumeration labels, yes/no, numbers and dates as they are. */
export function valueFormatter(field: DossierField | undefined): (v: unknown) => LocalizedText {
  if (field?.type === 'enum') {
    const labels = new Map(enumValues(field).map((e) => [e.code, e.label]));
    return (v) => labels.get(String(v)) ?? { zh: String(v), en: String(v) };
  }
  return (v) => {
    if (v === true) return YES;
    if (v === false) return NO;
    const s = String(v);
    return { zh: s, en: s };
  };
}

/** Maps a value onto a comparable number/string: ladder position for ordered enumerations. */
function ranker(field: DossierField | undefined): (v: unknown) => number | string | undefined {
  if (field && isOrderedEnum(field)) {
    const rank = new Map(enumValues(field).map((e, i) => [e.code, i]));
    return (v) => rank.get(String(v));
  }
  return (v) => (typeof v === 'number' || typeof v === 'string' ? v : undefined);
}

function joinLabels(values: Scalar[], fmt: (v: unknown) => LocalizedText): LocalizedText {
  const labels = values.map(fmt);
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}

function okSuffix(
  c: Constraint,
  fmt: (v: unknown) => LocalizedText,
  unit: LocalizedText,
): LocalizedText {
  const t = (v: Scalar) => fmt(v);
  if (c.min !== undefined && c.max !== undefined) {
    return {
      zh: `，在要求的 ${t(c.min).zh}–${t(c.max).zh}${unit.zh} 之间`,
      en: `, within the required ${t(c.min).en}–${t(c.max).en}${unit.en}`,
    };
  }
  if (c.min !== undefined) {
    return {
      zh: `，达到要求的 ${t(c.min).zh}${unit.zh}`,
      en: `, meets the required ${t(c.min).en}${unit.en}`,
    };
  }
  if (c.max !== undefined) {
    return {
      zh: `，未超过上限 ${t(c.max).zh}${unit.zh}`,
      en: `, within the maximum of ${t(c.max).en}${unit.en}`,
    };
  }
  if (c.notIn !== undefined && c.equals === undefined && c.in === undefined) {
    const l = joinLabels(c.notIn, fmt);
    return { zh: `，不属于 ${l.zh}`, en: `, not one of ${l.en}` };
  }
  return { zh: '，符合要求', en: ', as required' };
}

/** `unit` is pre-spaced (" 年" / " years") or empty. */
export function compileConstraint(
  c: Constraint,
  field: DossierField | undefined,
  unit: LocalizedText = { zh: '', en: '' },
): CompiledConstraint {
  const fmt = valueFormatter(field);
  const rank = ranker(field);
  const inSet = c.in ? new Set<unknown>(c.in) : undefined;
  const notInSet = c.notIn ? new Set<unknown>(c.notIn) : undefined;
  const min = c.min === undefined ? undefined : rank(c.min);
  const max = c.max === undefined ? undefined : rank(c.max);
  const { equals } = c;
  const ranked = min !== undefined || max !== undefined;
  const test = (v: unknown): Verdict => {
    if (v === undefined || v === null || v === '') return 'missing';
    if (equals !== undefined && v !== equals) return 'notEqual';
    if (inSet && !inSet.has(v)) return 'notIn';
    if (notInSet?.has(v)) return 'excludedValue';
    if (ranked) {
      const r = rank(v);
      if (r === undefined) return 'missing';
      if (min !== undefined && r < min) return 'belowMin';
      if (max !== undefined && r > max) return 'aboveMax';
    }
    return 'ok';
  };
  const bound = (v: Scalar | undefined) => (v === undefined ? { zh: '', en: '' } : fmt(v));
  const list = (vs: Scalar[] | undefined) => joinLabels(vs ?? [], fmt);
  const suffix: Record<Verdict, LocalizedText> = {
    ok: okSuffix(c, fmt, unit),
    missing: { zh: '（未填写或无法识别）', en: ' (missing or unreadable)' },
    notEqual: { zh: `，要求为 ${bound(c.equals).zh}`, en: `, required: ${bound(c.equals).en}` },
    notIn: { zh: `，不属于 ${list(c.in).zh}`, en: `, not one of ${list(c.in).en}` },
    excludedValue: {
      zh: `，属于被排除的 ${list(c.notIn).zh}`,
      en: `, which is among the excluded ${list(c.notIn).en}`,
    },
    belowMin: {
      zh: `，低于要求的 ${bound(c.min).zh}${unit.zh}`,
      en: `, below the required ${bound(c.min).en}${unit.en}`,
    },
    aboveMax: {
      zh: `，超过上限 ${bound(c.max).zh}${unit.zh}`,
      en: `, above the maximum of ${bound(c.max).en}${unit.en}`,
    },
  };
  return { test, suffix, format: fmt };
}

/** Pre-spaces a unit for concatenation after a number. */
export function spacedUnit(unit: LocalizedText | undefined): LocalizedText {
  return { zh: unit?.zh ? ` ${unit.zh}` : '', en: unit?.en ? ` ${unit.en}` : '' };
}
