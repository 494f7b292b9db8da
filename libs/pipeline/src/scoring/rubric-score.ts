import type {
  Constraint,
  PipelineDefinition,
  Rubric,
  RubricItem,
} from '../definition/definition.types';
import { listItemFieldMap } from '../definition/dossier-fields';
import { compileConstraint } from '../rules/constraint-check';
import type { Dossier } from '../rules/evaluation.types';

export interface RubricInput {
  /** Experts' marks for `judged` items, by item id (clamped to the item's maxPoints). */
  judged?: Readonly<Record<string, number>>;
  /** Number of evidence files per evidence kind, for `perEvidence` items. */
  evidenceCounts?: Readonly<Record<string, number>>;
}

export interface RubricScore {
  total: number;
  criteria: {
    id: string;
    points: number;
    capped: boolean;
    items: { id: string; points: number }[];
  }[];
}

function countItems(
  def: PipelineDefinition,
  dossier: Dossier,
  list: string,
  where?: Record<string, Constraint>,
): number {
  const items = listItemFieldMap(def.dossier.fields.find((f) => f.id === list));
  const tests = Object.entries(where ?? {}).map(([k, c]) => ({
    k,
    test: compileConstraint(c, items?.get(k)).test,
  }));
  const raw = dossier[list];
  if (!Array.isArray(raw)) return 0;
  return raw.filter((item: Record<string, unknown>) =>
    tests.every((t) => t.test(item?.[t.k]) === 'ok'),
  ).length;
}

const capped = (n: number, cap?: number) => (cap === undefined ? n : Math.min(n, cap));

function itemPoints(
  def: PipelineDefinition,
  item: RubricItem,
  dossier: Dossier,
  input: RubricInput,
): number {
  switch (item.kind) {
    case 'judged':
      return Math.max(0, Math.min(item.maxPoints, input.judged?.[item.id] ?? 0));
    case 'perListItem':
      return capped(countItems(def, dossier, item.list, item.where) * item.points, item.cap);
    case 'byLevel':
      return item.table[String(dossier[item.field])] ?? 0;
    case 'perEvidence':
      return capped((input.evidenceCounts?.[item.evidence] ?? 0) * item.points, item.cap);
  }
}

/**
 * Scores a dossier on a rubric: each item is capped on its own, then each criterion at its
 * maxPoints, so no achievement can count beyond its criterion (no double counting across caps).
 */
export function scoreRubric(
  def: PipelineDefinition,
  rubric: Rubric,
  dossier: Dossier,
  input: RubricInput = {},
): RubricScore {
  const criteria = rubric.criteria.map((c) => {
    const items = c.items.map((item) => ({
      id: item.id,
      points: itemPoints(def, item, dossier, input),
    }));
    const sum = items.reduce((s, i) => s + i.points, 0);
    return { id: c.id, points: Math.min(sum, c.maxPoints), capped: sum > c.maxPoints, items };
  });
  return { total: criteria.reduce((s, c) => s + c.points, 0), criteria };
}
