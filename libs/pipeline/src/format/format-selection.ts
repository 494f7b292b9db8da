// Plain-text renderings of a selection and of a what-if difference, for pipeline:select.
import type { Lang } from '../definition/definition.types';
import type { SelectionOutcome } from '../selection/selection.types';
import type { SelectionDiff } from '../selection/what-if';

const words = {
  zh: {
    header: (places: number, filled: number) => `名额 ${places} 个，入选 ${filled} 人`,
    selected: '入选：',
    leftOut: '未入选：',
    constraints: '规则：',
    score: '得分',
    none: '无',
    whatIf: '假设调整后与当前结果相比：',
    enters: '新入选',
    leaves: '落选',
    tier: '档次变化',
    noList: '（无名单）',
  },
  en: {
    header: (places: number, filled: number) => `${places} places, ${filled} selected`,
    selected: 'Selected:',
    leftOut: 'Not selected:',
    constraints: 'Rules:',
    score: 'score',
    none: 'none',
    whatIf: 'What-if against the current result:',
    enters: 'enters',
    leaves: 'leaves',
    tier: 'tier change',
    noList: '(no list)',
  },
};

const scoreText = (score: number | null, lang: Lang) =>
  score === null ? '' : ` ${words[lang].score} ${score}`;

export function formatSelection(outcome: SelectionOutcome, lang: Lang = 'zh'): string {
  const w = words[lang];
  if (outcome.status === 'infeasible') {
    return [outcome.reason[lang], ...outcome.conflicting.map((c) => `  ✘ ${c.detail[lang]}`)].join(
      '\n',
    );
  }
  return [
    w.header(outcome.places, outcome.filled),
    w.selected,
    ...outcome.selected.map(
      (s) =>
        `  ${s.position}. ${s.id} [${s.tier}]${scoreText(s.score, lang)} — ${s.reason.text[lang]}`,
    ),
    w.leftOut,
    ...(outcome.leftOut.length === 0 ? [`  ${w.none}`] : []),
    ...outcome.leftOut.map((c) => `  ${c.id}${scoreText(c.score, lang)} — ${c.reason.text[lang]}`),
    w.constraints,
    ...outcome.constraints.map((r) => `  ✔ ${r.reason[lang]}`),
  ].join('\n');
}

export function formatSelectionDiff(diff: SelectionDiff, lang: Lang = 'zh'): string {
  const w = words[lang];
  const lines = [w.whatIf];
  for (const e of diff.entering)
    lines.push(`  + ${w.enters} ${e.id} [${e.tier}] — ${e.reason.text[lang]}`);
  for (const l of diff.leaving)
    lines.push(`  - ${w.leaves} ${l.id} — ${l.reason ? l.reason.text[lang] : w.noList}`);
  for (const t of diff.tierChanges) lines.push(`  ~ ${w.tier} ${t.id}: ${t.from} → ${t.to}`);
  for (const c of diff.constraints) {
    const show = (x: { bound: number; achieved: number } | null) =>
      x ? `${x.achieved}/${x.bound}` : w.noList;
    lines.push(`  ~ ${c.label[lang]}: ${show(c.before)} → ${show(c.after)}`);
  }
  if (lines.length === 1) lines.push(`  ${w.none}`);
  return lines.join('\n');
}
