import type { DossierField, PipelineDefinition, ScalarField } from '../definition/definition.types';
import { enumValues } from '../definition/dossier-fields';
import { RULE_SECTIONS, walkRule } from '../definition/rule-tree';
import { compareDays, type DayStamp, parseIsoDate, todayInShanghai } from '../derive/dates';
import { idNumberProblem, normaliseIdNumber } from './id-number';

export interface DossierError {
  /** JSON pointer into the dossier, e.g. /contests/0/rank */
  path: string;
  message: string;
}

export interface Attachment {
  kind: string;
  sizeBytes: number;
  mimeType: string;
}

interface Checking {
  errors: DossierError[];
  today: DayStamp;
  /** Top-level date fields that cannot lie in the future. */
  past: Set<string>;
}

function checkScalar(f: ScalarField, v: unknown, path: string, at: Checking): void {
  const fail = (message: string): void => void at.errors.push({ path, message });
  switch (f.type) {
    case 'text': {
      if (typeof v !== 'string') return fail('must be text');
      // Count code points, not UTF-16 units, so a 500-character limit means 500 characters.
      const length = Array.from(v).length;
      if (f.minLength !== undefined && length < f.minLength)
        fail(`must be at least ${f.minLength} characters`);
      if (f.maxLength !== undefined && length > f.maxLength)
        fail(`must be at most ${f.maxLength} characters (has ${length})`);
      return;
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail('must be a number');
      if (f.integer && !Number.isInteger(v)) fail('must be a whole number');
      if (f.min !== undefined && v < f.min) fail(`must be at least ${f.min}`);
      if (f.max !== undefined && v > f.max) fail(`must be at most ${f.max}`);
      return;
    case 'date': {
      const day = typeof v === 'string' && v.length === 10 ? parseIsoDate(v) : undefined;
      if (!day) return fail('must be an existing date YYYY-MM-DD');
      if ((f.past || at.past.has(path)) && compareDays(day, at.today) > 0)
        fail('must not be in the future');
      return;
    }
    case 'idNumber': {
      if (typeof v !== 'string') return fail('must be text');
      const problem = idNumberProblem(normaliseIdNumber(v));
      if (problem) fail(problem);
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') fail('must be true or false');
      return;
    case 'enum': {
      const codes = enumValues(f).map((e) => e.code);
      if (typeof v !== 'string' || !codes.includes(v)) fail(`must be one of ${codes.join(', ')}`);
      return;
    }
  }
}

function checkObject(
  fields: readonly DossierField[],
  value: unknown,
  path: string,
  at: Checking,
): void {
  const { errors } = at;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ path: path || '/', message: 'must be an object' });
    return;
  }
  const record = value as Record<string, unknown>;
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(record)) {
    if (!known.has(key))
      errors.push({ path: `${path}/${key}`, message: 'is not a field of this dossier' });
  }
  for (const f of fields) {
    const v = record[f.id];
    const p = `${path}/${f.id}`;
    if (v === undefined || v === null || v === '') {
      if (f.required) errors.push({ path: p, message: 'is required' });
      continue;
    }
    if (f.type !== 'list') {
      checkScalar(f, v, p, at);
      continue;
    }
    if (!Array.isArray(v)) {
      errors.push({ path: p, message: 'must be a list' });
      continue;
    }
    if (f.minItems !== undefined && v.length < f.minItems)
      errors.push({ path: p, message: `needs at least ${f.minItems} entries` });
    if (f.maxItems !== undefined && v.length > f.maxItems)
      errors.push({ path: p, message: `allows at most ${f.maxItems} entries` });
    v.forEach((item, i) => checkObject(f.items, item, `${p}/${i}`, at));
  }
}

/** Paths of the date fields `age` rules read: birth dates, which cannot lie in the future. */
function birthDateFields(definition: PipelineDefinition): Set<string> {
  const past = new Set<string>();
  for (const section of RULE_SECTIONS) {
    for (const root of definition.eligibility[section] ?? []) {
      walkRule(root, '', (rule) => {
        if (rule.kind === 'age') past.add(`/${rule.field}`);
      });
    }
  }
  return past;
}

/**
 * Field-path errors of a dossier against the definition's dossier schema (empty when valid).
 * Dates must exist (no 2026-02-30); birth dates must not lie after `today` (YYYY-MM-DD, by
 * default today in Asia/Shanghai).
 */
export function validateDossier(
  definition: PipelineDefinition,
  dossier: unknown,
  options: { today?: string } = {},
): DossierError[] {
  const today = parseIsoDate(options.today ?? todayInShanghai());
  if (!today) throw new RangeError(`today must be an existing date, got "${options.today}"`);
  const at: Checking = { errors: [], today, past: birthDateFields(definition) };
  checkObject(definition.dossier.fields, dossier, '', at);
  return at.errors;
}

/**
 * The dossier as it is stored and evaluated: ID numbers normalised (full-width forms, spaces,
 * a lower-case x), everything else as given.
 */
export function normaliseDossier(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
): Record<string, unknown> {
  const normaliseFields = (
    fields: readonly DossierField[],
    record: Record<string, unknown>,
  ): Record<string, unknown> => {
    let out = record;
    for (const f of fields) {
      const v = record[f.id];
      let next = v;
      if (f.type === 'idNumber' && typeof v === 'string') next = normaliseIdNumber(v);
      else if (f.type === 'list' && Array.isArray(v) && f.items.some((i) => i.type === 'idNumber'))
        next = v.map((item) =>
          item !== null && typeof item === 'object' && !Array.isArray(item)
            ? normaliseFields(f.items, item as Record<string, unknown>)
            : item,
        );
      if (next !== v) out = { ...out, [f.id]: next };
    }
    return out;
  };
  return normaliseFields(definition.dossier.fields, dossier);
}

/** Checks evidence files against the typed evidence kinds: kind, size, format and counts. */
export function validateAttachments(
  definition: PipelineDefinition,
  attachments: readonly Attachment[],
): DossierError[] {
  const errors: DossierError[] = [];
  const kinds = new Map(definition.dossier.evidence.map((e) => [e.kind, e]));
  attachments.forEach((a, i) => {
    const kind = kinds.get(a.kind);
    const path = `/attachments/${i}`;
    if (!kind)
      return void errors.push({
        path: `${path}/kind`,
        message: `unknown evidence kind "${a.kind}"`,
      });
    if (a.sizeBytes > kind.maxSizeBytes) {
      errors.push({
        path: `${path}/sizeBytes`,
        message: `exceeds the ${kind.maxSizeBytes}-byte limit for ${kind.kind}`,
      });
    }
    if (!kind.formats.includes(a.mimeType)) {
      errors.push({
        path: `${path}/mimeType`,
        message: `must be one of ${kind.formats.join(', ')}`,
      });
    }
  });
  for (const kind of definition.dossier.evidence) {
    const count = attachments.filter((a) => a.kind === kind.kind).length;
    if (kind.minCount !== undefined && count < kind.minCount) {
      errors.push({
        path: `/attachments`,
        message: `needs at least ${kind.minCount} × ${kind.kind}`,
      });
    }
    if (kind.maxCount !== undefined && count > kind.maxCount) {
      errors.push({
        path: `/attachments`,
        message: `allows at most ${kind.maxCount} × ${kind.kind}`,
      });
    }
  }
  return errors;
}
