// When no selection meets every rule: a minimal set of rules that conflict (dropping any one of
// them makes a valid selection possible), each with its numbers, in Chinese and English.
import type { LocalizedText } from '../definition/definition.types';
import { boundWords } from './selection-reasons';
import type { RuleRef, SelectionProblem } from './selection-problem';
import type { ConflictingRule, Infeasibility } from './selection.types';

const PLACES_LABEL = { zh: '名额', en: 'places' };
const DR_LABEL = { zh: '直接认定', en: 'direct recognition' };

export function explainInfeasibility(p: SelectionProblem): Infeasibility {
  const { cs, pool } = p;
  const recognisedTotal = p.recognised.reduce((a, b) => a + b, 0);
  const minSize = (rules: readonly RuleRef[]) =>
    rules.some((r) => r.kind === 'directRecognition') ? recognisedTotal : 0;
  const impossible = (rules: readonly RuleRef[], places = cs.places) =>
    p.largest(places, minSize(rules), rules) === null;
  const conflict = p.minimalConflict(p.ruleRefs, (rules) => impossible(rules));
  const conflicting: ConflictingRule[] = [];
  // The number of places belongs to the conflict when unlimited places would resolve it.
  if (!impossible(conflict, Math.max(pool.length, cs.places))) {
    conflicting.push({
      id: 'places',
      label: PLACES_LABEL,
      detail: { zh: `名额共 ${cs.places} 个`, en: `${cs.places} places in all` },
    });
  }
  for (const rule of conflict) conflicting.push(describe(p, rule, conflict, recognisedTotal));
  const reason: LocalizedText = {
    zh: `规则无法同时满足，未生成名单：${conflicting.map((c) => c.detail.zh).join('；')}。`,
    en: `The rules cannot all be met, so no list is produced: ${conflicting.map((c) => c.detail.en).join('; ')}.`,
  };
  return { status: 'infeasible', places: cs.places, conflicting, reason };
}

function describe(
  p: SelectionProblem,
  rule: RuleRef,
  conflict: readonly RuleRef[],
  recognisedTotal: number,
): ConflictingRule {
  const { cs, pool } = p;
  if (rule.kind === 'directRecognition') {
    return {
      id: 'directRecognition',
      label: DR_LABEL,
      detail: {
        zh: `直接认定 ${recognisedTotal} 人，必须全部入选`,
        en: `${recognisedTotal} directly recognised, all of whom must be selected`,
      },
    };
  }
  if (rule.kind === 'perValue') {
    const cap = cs.perValue[rule.index];
    return {
      id: cap.id,
      label: cap.label,
      detail: {
        zh: `「${cap.label.zh}」：每个${cap.fieldLabel.zh}至多 ${cap.maxCount} 人`,
        en: `"${cap.label.en}": at most ${cap.maxCount} per ${cap.fieldLabel.en}`,
      },
    };
  }
  const w = cs.where[rule.index];
  const matching = pool.filter((c) => w.matches(c.dossier));
  const bound = boundWords(w);
  if (w.kind === 'cap') {
    const recognised = matching.filter((c) => c.directRecognition).length;
    const dr = conflict.some((r) => r.kind === 'directRecognition');
    return {
      id: w.id,
      label: w.label,
      detail: {
        zh: `「${w.label.zh}」：${bound.zh}${dr ? `，其中直接认定已有 ${recognised} 人` : ''}`,
        en: `"${w.label.en}": ${bound.en}${dr ? `, and ${recognised} of the directly recognised fall under it` : ''}`,
      },
    };
  }
  const others = conflict.filter((r) => r !== rule && r.kind !== 'directRecognition');
  const most = others.length > 0 ? mostSelectable(p, rule.index, conflict) : matching.length;
  const under = others.length > 0 && most < matching.length;
  return {
    id: w.id,
    label: w.label,
    detail: under
      ? {
          zh: `「${w.label.zh}」要求${bound.zh}，合格的符合条件候选人有 ${matching.length} 人，但在其他规则下最多只能入选 ${most} 人`,
          en: `"${w.label.en}" needs ${bound.en}; ${matching.length} eligible candidates qualify, but at most ${most} can be selected under the other rules`,
        }
      : {
          zh: `「${w.label.zh}」要求${bound.zh}，但合格的符合条件候选人只有 ${matching.length} 人`,
          en: `"${w.label.en}" needs ${bound.en}, but only ${matching.length} eligible candidates qualify`,
        },
  };
}

/** The largest count a floor could reach under the other rules of the conflict. */
function mostSelectable(p: SelectionProblem, index: number, conflict: readonly RuleRef[]): number {
  const recognisedTotal = p.recognised.reduce((a, b) => a + b, 0);
  const minSize = conflict.some((r) => r.kind === 'directRecognition') ? recognisedTotal : 0;
  const reachable = (bound: number) =>
    p.largest(p.cs.places, minSize, conflict, { item: index, bound }) !== null;
  let [low, high] = [0, p.pool.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (reachable(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
