import type { Rule } from './definition.types';

export type RuleSection = 'rules' | 'waivers' | 'exclusions' | 'directRecognition';

export const RULE_SECTIONS: readonly RuleSection[] = [
  'rules',
  'waivers',
  'exclusions',
  'directRecognition',
];

/** Children of a combinator with the JSON pointer segment leading to each. */
export function childRules(rule: Rule): { rule: Rule; segment: string }[] {
  switch (rule.kind) {
    case 'allOf':
    case 'anyOf':
    case 'atLeast':
      return rule.rules.map((r, i) => ({ rule: r, segment: `rules/${i}` }));
    case 'not':
      return [{ rule: rule.rule, segment: 'rule' }];
    default:
      return [];
  }
}

/** Pre-order walk with JSON pointers, so checks can report exact paths. */
export function walkRule(
  rule: Rule,
  path: string,
  visit: (rule: Rule, path: string) => void,
): void {
  visit(rule, path);
  for (const child of childRules(rule)) walkRule(child.rule, `${path}/${child.segment}`, visit);
}
