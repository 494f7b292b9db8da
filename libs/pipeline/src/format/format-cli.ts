// Plain-text renderings for the CLI (pipeline:validate | explain | diff). Pure: they return strings.
import type { DefinitionError, Lang } from '../definition/definition.types';
import type { DefinitionChange } from '../diff/diff-definitions';
import type { EligibilityResult, RuleVerdict } from '../rules/evaluation.types';

const MARK: Record<RuleVerdict, string> = { pass: '✔', fail: '✘', waived: '≈', excluded: '⊘' };

export function formatValidationErrors(
  errors: readonly { path: string; message: string }[],
): string {
  if (errors.length === 0) return 'Definition is valid.';
  const lines = errors.map((e: DefinitionError) => `  ${e.path || '/'}: ${e.message}`);
  return [`${errors.length} error${errors.length === 1 ? '' : 's'}:`, ...lines].join('\n');
}

export function formatTrace(result: EligibilityResult, lang: Lang = 'zh'): string {
  const verdict =
    lang === 'zh'
      ? `${result.eligible ? '符合' : '不符合'}参评资格${result.directRecognition ? '（直接认定）' : ''}`
      : `${result.eligible ? 'eligible' : 'not eligible'}${result.directRecognition ? ' (direct recognition)' : ''}`;
  const header = `${result.programme} v${result.definitionVersion} @ ${result.referenceDate}: ${verdict}`;
  const lines = result.outcomes.map(
    (o) => `${'  '.repeat(o.depth + 1)}${MARK[o.outcome]} [${o.ruleId}] ${o.reason[lang]}`,
  );
  return [header, ...lines].join('\n');
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

export function formatDiff(changes: readonly DefinitionChange[]): string {
  if (changes.length === 0) return 'No differences.';
  return changes
    .map((c) => {
      if (c.kind === 'added') return `+ ${c.path}: ${show(c.after)}`;
      if (c.kind === 'removed') return `- ${c.path}: ${show(c.before)}`;
      return `~ ${c.path}: ${show(c.before)} → ${show(c.after)}`;
    })
    .join('\n');
}
