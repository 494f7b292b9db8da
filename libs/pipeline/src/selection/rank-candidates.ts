import type { DossierField, PipelineDefinition, TieBreaker } from '../definition/definition.types';
import { dossierFieldMap, enumValues, isOrderedEnum } from '../definition/dossier-fields';
import type { SelectionCandidate } from './selection.types';

type Compare = (a: SelectionCandidate, b: SelectionCandidate) => number;

function sortKey(field: DossierField | undefined): (v: unknown) => number | string | undefined {
  if (field && isOrderedEnum(field)) {
    const rank = new Map(enumValues(field).map((e, i) => [e.code, i]));
    return (v) => rank.get(String(v));
  }
  return (v) =>
    typeof v === 'number' || typeof v === 'string'
      ? v
      : v === true
        ? 1
        : v === false
          ? 0
          : undefined;
}

function tieBreak(t: TieBreaker, fields: Map<string, DossierField>): Compare {
  const key = sortKey(fields.get(t.field));
  const sign = t.order === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = key(a.dossier[t.field]);
    const y = key(b.dossier[t.field]);
    if (x === y) return 0;
    if (x === undefined) return 1; // missing values rank last whatever the order
    if (y === undefined) return -1;
    return (x < y ? -1 : 1) * sign;
  };
}

/**
 * Merit order: direct recognition first, then score (high first), then the definition's
 * tie-breakers, then id so that the order — and therefore the selection — is deterministic.
 */
export function meritComparator(definition: PipelineDefinition): Compare {
  const fields = dossierFieldMap(definition);
  const breakers = (definition.selection.tieBreakers ?? []).map((t) => tieBreak(t, fields));
  return (a, b) => {
    const dr = Number(Boolean(b.directRecognition)) - Number(Boolean(a.directRecognition));
    if (dr !== 0) return dr;
    const score = (b.score ?? -Infinity) - (a.score ?? -Infinity);
    if (score !== 0 && !Number.isNaN(score)) return score;
    for (const breaker of breakers) {
      const c = breaker(a, b);
      if (c !== 0) return c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

export interface ListCollation {
  compare: (a: string, b: string) => number;
  /** The collation actually used: 'stroke', or the fallback when this ICU lacks stroke order. */
  collation: string;
}

/**
 * Surname-stroke order via ICU (`zh-u-co-stroke`). Node ships full ICU, which supports it; a
 * small-ICU build silently resolves to another collation, so we detect that and report the
 * fallback (standard zh order) instead of pretending.
 */
export function strokeCollation(): ListCollation {
  const stroke = new Intl.Collator('zh-u-co-stroke');
  if (stroke.resolvedOptions().collation === 'stroke')
    return { compare: stroke.compare, collation: 'stroke' };
  const fallback = new Intl.Collator('zh');
  return {
    compare: fallback.compare,
    collation: `fallback:${fallback.resolvedOptions().collation}`,
  };
}
