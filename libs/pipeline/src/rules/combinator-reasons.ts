import type { LocalizedText, Rule } from '../definition/definition.types';

/** Which children count as met: `met(i)` for child i, so any number of children is fine. */
export type MetChildren = (i: number) => boolean;

type ReasonFn = (ok: boolean, met: MetChildren, count: number) => LocalizedText;

/** Labels of the children whose met-flag equals `want`, joined per language. */
function pick(labels: readonly LocalizedText[], met: MetChildren, want: boolean): LocalizedText {
  let zh = '';
  let en = '';
  for (let i = 0; i < labels.length; i++) {
    if (met(i) !== want) continue;
    zh += zh ? `、${labels[i].zh}` : labels[i].zh;
    en += en ? `, ${labels[i].en}` : labels[i].en;
  }
  return { zh, en };
}

/** Reason templates for allOf / anyOf / atLeast / not, naming the children that decided it. */
export function combinatorReason(rule: Rule, labels: readonly LocalizedText[]): ReasonFn {
  const { zh: L, en: E } = rule.label;
  const n = labels.length;
  switch (rule.kind) {
    case 'allOf':
      return (ok, met, count) => {
        if (ok) return { zh: `${L}：${n} 项条件全部满足`, en: `${E}: all ${n} conditions met` };
        const miss = pick(labels, met, false);
        return {
          zh: `${L}：${n} 项条件中 ${n - count} 项未满足（${miss.zh}）`,
          en: `${E}: ${n - count} of ${n} conditions not met (${miss.en})`,
        };
      };
    case 'anyOf':
      return (ok, met, count) => {
        if (!ok)
          return { zh: `${L}：${n} 项条件均不满足`, en: `${E}: none of the ${n} alternatives met` };
        const hit = pick(labels, met, true);
        return {
          zh: `${L}：满足其中 ${count} 项（${hit.zh}）`,
          en: `${E}: ${count} of ${n} alternatives met (${hit.en})`,
        };
      };
    case 'atLeast': {
      const k = rule.n;
      return (ok, met, count) => {
        const hit = pick(labels, met, true);
        const list = count > 0 ? { zh: `（${hit.zh}）`, en: ` (${hit.en})` } : { zh: '', en: '' };
        return ok
          ? {
              zh: `${L}：满足 ${count} 项${list.zh}，达到至少 ${k} 项的要求`,
              en: `${E}: ${count} of ${n} met${list.en}, at least ${k} required`,
            }
          : {
              zh: `${L}：仅满足 ${count} 项${list.zh}，少于要求的 ${k} 项`,
              en: `${E}: only ${count} of ${n} met${list.en}, at least ${k} required`,
            };
      };
    }
    case 'not': {
      const child = labels[0];
      const holds = { zh: `${L}：「${child.zh}」成立`, en: `${E}: "${child.en}" holds` };
      const fails = { zh: `${L}：「${child.zh}」不成立`, en: `${E}: "${child.en}" does not hold` };
      return (ok) => (ok ? fails : holds);
    }
    default:
      throw new Error(`rule kind ${rule.kind} is not a combinator`);
  }
}
