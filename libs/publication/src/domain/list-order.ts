import type { SelectionRules } from '@craftcert/pipeline';

// Surname stroke order as Chinese notices print it (ICU's stroke collation).
const STROKE = new Intl.Collator('zh-u-co-stroke');

/** Orders a list as the definition says: by stroke order of names, or as ranked (kept). */
export function orderForPublication<T extends { name: string }>(
  entries: readonly T[],
  order: SelectionRules['listOrder'] | undefined,
): T[] {
  if (order?.by === 'bySurnameStroke')
    return entries.toSorted((a, b) => STROKE.compare(a.name, b.name));
  return [...entries];
}
