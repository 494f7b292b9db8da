import type { DossierField, PipelineDefinition, ScalarField } from '../definition/definition.types';
import { enumValues } from '../definition/dossier-fields';
import { parseIsoDate } from '../derive/dates';

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

function checkScalar(f: ScalarField, v: unknown, path: string, errors: DossierError[]): void {
  const fail = (message: string): void => void errors.push({ path, message });
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
    case 'date':
      if (typeof v !== 'string' || v.length !== 10 || !parseIsoDate(v))
        fail('must be a date YYYY-MM-DD');
      return;
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
  errors: DossierError[],
): void {
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
      checkScalar(f, v, p, errors);
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
    v.forEach((item, i) => checkObject(f.items, item, `${p}/${i}`, errors));
  }
}

/** Field-path errors of a dossier against the definition's dossier schema (empty when valid). */
export function validateDossier(definition: PipelineDefinition, dossier: unknown): DossierError[] {
  const errors: DossierError[] = [];
  checkObject(definition.dossier.fields, dossier, '', errors);
  return errors;
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
