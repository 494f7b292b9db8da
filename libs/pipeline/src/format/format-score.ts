// Plain-text rendering of a rubric score, for pipeline:score: one line per criterion and item, each
// with the sum that made it and the caps that bit, then the total.
import type { Lang } from '../definition/definition.types';
import type { ItemScore, RubricScore } from '../scoring/rubric-score';

function itemLines(item: ItemScore, lang: Lang, indent: string): string[] {
  const lines = [`${indent}[${item.id}] ${item.explanation[lang]}`];
  for (const sub of item.items ?? []) lines.push(...itemLines(sub, lang, `${indent}  `));
  return lines;
}

export function formatRubricScore(score: RubricScore, lang: Lang = 'zh'): string {
  const lines: string[] = [];
  for (const c of score.criteria) {
    lines.push(`[${c.id}] ${c.explanation[lang]}`);
    for (const item of c.items) lines.push(...itemLines(item, lang, '  '));
  }
  lines.push(score.explanation[lang]);
  return lines.join('\n');
}
