import type { JudgedRubricItem, Rubric, RubricItem } from '../definition/definition.types';

function collect(items: readonly RubricItem[], out: JudgedRubricItem[]): void {
  for (const item of items) {
    if (item.kind === 'judged') out.push(item);
    else if (item.kind === 'group') collect(item.items, out);
  }
}

/** The items an expert marks, in rubric order (inside groups too). */
export function judgedItems(rubric: Rubric): JudgedRubricItem[] {
  const out: JudgedRubricItem[] = [];
  for (const c of rubric.criteria) collect(c.items, out);
  return out;
}

export interface MarkError {
  /** `/marks/<itemId>`, naming the item. */
  path: string;
  message: string;
}

/**
 * Checks an expert's marks: each must be a finite number within its judged item's range (never
 * clamped) and name a judged item; with `complete`, every judged item must be marked.
 */
export function validateMarks(
  rubric: Rubric,
  marks: Readonly<Record<string, unknown>>,
  options: { complete?: boolean } = {},
): MarkError[] {
  const items = new Map(judgedItems(rubric).map((i) => [i.id, i]));
  const errors: MarkError[] = [];
  for (const [id, mark] of Object.entries(marks)) {
    const item = items.get(id);
    const path = `/marks/${id}`;
    if (!item) {
      errors.push({ path, message: `"${id}" is not a judged item of the rubric` });
    } else if (typeof mark !== 'number' || !Number.isFinite(mark)) {
      errors.push({ path, message: `the mark for "${id}" must be a number` });
    } else if (mark < (item.minPoints ?? 0) || mark > item.maxPoints) {
      errors.push({
        path,
        message: `the mark ${mark} for "${id}" is outside ${item.minPoints ?? 0}–${item.maxPoints}`,
      });
    }
  }
  if (options.complete) {
    for (const id of items.keys()) {
      if (!(id in marks)) errors.push({ path: `/marks/${id}`, message: `"${id}" is not marked` });
    }
  }
  return errors;
}
