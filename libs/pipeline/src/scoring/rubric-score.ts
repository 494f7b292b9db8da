// Scores a dossier on a rubric. Every number carries its breakdown: which entries counted, which
// caps bit (item, group, criterion, overall) and why, in zh and en. Judged marks outside an item's
// range are refused (RubricMarkError naming the item), never clamped.
import type {
  Constraint,
  DossierField,
  LevelTable,
  LocalizedText,
  PipelineDefinition,
  Rubric,
  RubricItem,
  Rule,
} from '../definition/definition.types';
import {
  dossierFieldMap,
  enumValues,
  isOrderedEnum,
  listItemFieldMap,
} from '../definition/dossier-fields';
import { compileCondition } from '../rules/compile-definition';
import { compileConstraint } from '../rules/constraint-check';
import type { Dossier, PriorAward } from '../rules/evaluation.types';
import { validateMarks } from './rubric-marks';

export interface RubricInput {
  /** Experts' marks for `judged` items, by item id; a missing mark counts 0 ("not marked"). */
  judged?: Readonly<Record<string, number>>;
  /** Number of evidence files per evidence kind, for `perEvidence` items. */
  evidenceCounts?: Readonly<Record<string, number>>;
  /** Date that `condition` items evaluate ages and years at (default 1970-01-01 is never right: pass it). */
  referenceDate?: string;
  priorAwards?: readonly PriorAward[];
}

/** One list entry an item looked at: its index, the points it earned, or why it did not count. */
export interface EntryScore {
  index: number;
  points: number;
  /** The earlier item that already counted this entry (no double counting). */
  countedBy?: string;
}

export interface ItemScore {
  id: string;
  kind: RubricItem['kind'];
  label: LocalizedText;
  /** Points after the item's own cap. */
  points: number;
  /** Points before the item's own cap (or the group's cap). */
  raw: number;
  cap?: number;
  capped: boolean;
  explanation: LocalizedText;
  entries?: EntryScore[];
  /** A group's items. */
  items?: ItemScore[];
}

export interface CriterionScore {
  id: string;
  label: LocalizedText;
  points: number;
  raw: number;
  maxPoints: number;
  capped: boolean;
  explanation: LocalizedText;
  items: ItemScore[];
}

export interface RubricScore {
  total: number;
  /** Sum of the criteria before the overall cap. */
  raw: number;
  maxScore: number;
  /** The overall cap bit. */
  capped: boolean;
  explanation: LocalizedText;
  criteria: CriterionScore[];
}

/** Marks that are out of range or name no judged item; each error names the item. */
export class RubricMarkError extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    this.name = 'RubricMarkError';
  }
}

/** Sums without binary-fraction noise (0.1 + 0.2 is 0.3 here). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

const fmt = (n: number) => String(round2(n));

function capNote(raw: number, cap: number | undefined): LocalizedText {
  if (cap === undefined || raw <= cap) return { zh: '', en: '' };
  return { zh: `，上限 ${fmt(cap)} 分`, en: `, capped at ${fmt(cap)}` };
}

interface Scope {
  def: PipelineDefinition;
  dossier: Dossier;
  input: RubricInput;
  fields: Map<string, DossierField>;
  /** list id → entry index → id of the countOnce item that counted it. */
  claimed: Map<string, Map<number, string>>;
}

/** Points of a value from a level table; an ordered enum falls back to the nearest listed level below. */
export function levelPoints(
  field: DossierField | undefined,
  levels: LevelTable,
  value: unknown,
): { points: number; level?: string } {
  const code = value === undefined || value === null ? undefined : String(value);
  if (code === undefined) return { points: 0 };
  if (code in levels.table) return { points: levels.table[code], level: code };
  if (field && isOrderedEnum(field)) {
    const ladder = enumValues(field).map((v) => v.code);
    for (let i = ladder.indexOf(code) - 1; i >= 0; i--) {
      if (ladder[i] in levels.table) return { points: levels.table[ladder[i]], level: ladder[i] };
    }
  }
  return { points: 0 };
}

function matchingEntries(scope: Scope, list: string, where?: Record<string, Constraint>) {
  const items = listItemFieldMap(scope.fields.get(list));
  const tests = Object.entries(where ?? {}).map(([k, c]) => ({
    k,
    test: compileConstraint(c, items?.get(k)).test,
  }));
  const raw = scope.dossier[list];
  if (!Array.isArray(raw)) return [];
  return raw
    .map((entry: Record<string, unknown>, index) => ({ entry, index }))
    .filter(({ entry }) => tests.every((t) => t.test(entry?.[t.k]) === 'ok'));
}

function finish(
  item: RubricItem,
  raw: number,
  cap: number | undefined,
  why: LocalizedText,
  extra: Partial<ItemScore> = {},
): ItemScore {
  const points = cap === undefined ? round2(raw) : round2(Math.min(raw, cap));
  const note = capNote(raw, cap);
  return {
    id: item.id,
    kind: item.kind,
    label: item.label,
    points,
    raw: round2(raw),
    ...(cap === undefined ? {} : { cap }),
    capped: cap !== undefined && raw > cap,
    explanation: {
      zh: `${item.label.zh}：${why.zh}${note.zh} → ${fmt(points)} 分`,
      en: `${item.label.en}: ${why.en}${note.en} → ${fmt(points)}`,
    },
    ...extra,
  };
}

function scoreListItem(scope: Scope, item: Extract<RubricItem, { kind: 'perListItem' }>) {
  const claimed = scope.claimed.get(item.list) ?? new Map<number, string>();
  scope.claimed.set(item.list, claimed);
  const itemFields = listItemFieldMap(scope.fields.get(item.list));
  const entries: EntryScore[] = [];
  let counted = 0;
  for (const { entry, index } of matchingEntries(scope, item.list, item.where)) {
    const by = item.countOnce ? claimed.get(index) : undefined;
    if (by !== undefined) {
      entries.push({ index, points: 0, countedBy: by });
      continue;
    }
    if (item.countOnce) claimed.set(index, item.id);
    const points = item.tiered
      ? item.tiered[Math.min(counted, item.tiered.length - 1)]
      : item.levels
        ? levelPoints(itemFields?.get(item.levels.field), item.levels, entry[item.levels.field])
            .points
        : (item.points ?? 0);
    counted++;
    entries.push({ index, points });
  }
  const raw = entries.reduce((s, e) => s + e.points, 0);
  const skipped = entries.filter((e) => e.countedBy !== undefined);
  const per = entries.filter((e) => e.countedBy === undefined).map((e) => fmt(e.points));
  const sum = counted === 0 ? '0' : per.join(' + ');
  const skip: LocalizedText =
    skipped.length === 0
      ? { zh: '', en: '' }
      : {
          zh: `（另有 ${skipped.length} 项已在${[...new Set(skipped.map((e) => e.countedBy))].join('、')}计分，不重复计）`,
          en: ` (${skipped.length} more already counted by ${[...new Set(skipped.map((e) => e.countedBy))].join(', ')}, not counted twice)`,
        };
  return finish(
    item,
    raw,
    item.cap,
    {
      zh: `${counted} 项计分：${sum}${skip.zh}`,
      en: `${counted} entries counted: ${sum}${skip.en}`,
    },
    { entries },
  );
}

const conditions = new WeakMap<Rule, ReturnType<typeof compileCondition>>();
/** Compiled once per rule object, so scoring many dossiers does not recompile. */
function conditionOf(def: PipelineDefinition, rule: Rule) {
  let fn = conditions.get(rule);
  if (!fn) conditions.set(rule, (fn = compileCondition(def, rule)));
  return fn;
}

function scoreItem(scope: Scope, item: RubricItem): ItemScore {
  switch (item.kind) {
    case 'judged': {
      const mark = scope.input.judged?.[item.id];
      if (mark === undefined) {
        return finish(item, 0, undefined, { zh: '尚未评分', en: 'not marked yet' });
      }
      return finish(item, mark, undefined, {
        zh: `专家评分 ${fmt(mark)}（${fmt(item.minPoints ?? 0)}–${fmt(item.maxPoints)}）`,
        en: `expert's mark ${fmt(mark)} (of ${fmt(item.minPoints ?? 0)}–${fmt(item.maxPoints)})`,
      });
    }
    case 'perListItem':
      return scoreListItem(scope, item);
    case 'byLevel': {
      const value = scope.dossier[item.field];
      const { points, level } = levelPoints(scope.fields.get(item.field), item, value);
      const shown = value === undefined ? '—' : String(value);
      const via = level !== undefined && level !== shown ? ` → ${level}` : '';
      return finish(item, points, undefined, {
        zh: `${item.field} = ${shown}${via}，按等级表计 ${fmt(points)} 分`,
        en: `${item.field} = ${shown}${via}, ${fmt(points)} by the level table`,
      });
    }
    case 'perEvidence': {
      const n = scope.input.evidenceCounts?.[item.evidence] ?? 0;
      return finish(item, n * item.points, item.cap, {
        zh: `${n} 份${item.evidence} × ${fmt(item.points)} 分`,
        en: `${n} × ${item.evidence} × ${fmt(item.points)}`,
      });
    }
    case 'condition': {
      const holds = conditionOf(scope.def, item.when)(scope.dossier, {
        referenceDate: scope.input.referenceDate ?? '1970-01-01',
        priorAwards: scope.input.priorAwards,
      });
      return finish(
        item,
        holds ? item.points : 0,
        undefined,
        holds
          ? { zh: `符合「${item.when.label.zh}」`, en: `"${item.when.label.en}" holds` }
          : { zh: `不符合「${item.when.label.zh}」`, en: `"${item.when.label.en}" does not hold` },
      );
    }
    case 'group': {
      const items = item.items.map((i) => scoreItem(scope, i));
      const raw = items.reduce((s, i) => s + i.points, 0);
      return finish(
        item,
        raw,
        item.cap,
        {
          zh: `小项合计 ${items.map((i) => fmt(i.points)).join(' + ')}`,
          en: `sub-items ${items.map((i) => fmt(i.points)).join(' + ')}`,
        },
        { items },
      );
    }
  }
}

/**
 * Scores a dossier on a rubric: each item is capped on its own, a group at its shared cap, each
 * criterion at its maxPoints and the total at the rubric's overall cap, so no achievement counts
 * beyond any cap it sits in; countOnce list entries count once across the whole rubric.
 * Throws RubricMarkError when a judged mark is out of range or names no judged item.
 */
export function scoreRubric(
  def: PipelineDefinition,
  rubric: Rubric,
  dossier: Dossier,
  input: RubricInput = {},
): RubricScore {
  const markErrors = validateMarks(rubric, input.judged ?? {});
  if (markErrors.length > 0) throw new RubricMarkError(markErrors);
  const scope: Scope = { def, dossier, input, fields: dossierFieldMap(def), claimed: new Map() };
  const criteria = rubric.criteria.map((c): CriterionScore => {
    const items = c.items.map((item) => scoreItem(scope, item));
    const raw = round2(items.reduce((s, i) => s + i.points, 0));
    const points = Math.min(raw, c.maxPoints);
    const note = capNote(raw, c.maxPoints);
    return {
      id: c.id,
      label: c.label,
      points,
      raw,
      maxPoints: c.maxPoints,
      capped: raw > c.maxPoints,
      explanation: {
        zh: `${c.label.zh}：${items.map((i) => fmt(i.points)).join(' + ')} = ${fmt(raw)}${note.zh} → ${fmt(points)} 分`,
        en: `${c.label.en}: ${items.map((i) => fmt(i.points)).join(' + ')} = ${fmt(raw)}${note.en} → ${fmt(points)}`,
      },
      items,
    };
  });
  const raw = round2(criteria.reduce((s, c) => s + c.points, 0));
  const cap = rubric.overallCap;
  const total = cap === undefined ? raw : Math.min(raw, cap);
  const note = capNote(raw, cap);
  return {
    total,
    raw,
    maxScore: rubric.maxScore,
    capped: cap !== undefined && raw > cap,
    explanation: {
      zh: `总分：${criteria.map((c) => fmt(c.points)).join(' + ')} = ${fmt(raw)}${note.zh} → ${fmt(total)} 分（满分 ${fmt(rubric.maxScore)}）`,
      en: `total: ${criteria.map((c) => fmt(c.points)).join(' + ')} = ${fmt(raw)}${note.en} → ${fmt(total)} (of ${fmt(rubric.maxScore)})`,
    },
    criteria,
  };
}
