// What a definition honours: a person, a team (班组, workshop, project team) or a studio led by a
// person (创新工作室). Each kind names the dossier fields that identify one candidate — for
// duplicate detection and repeat-winner bans — and the field shown as its name in listings,
// exports, public pages and certificates. A definition without a `candidate` block honours a
// person identified by `idNumber` and named by `name`, as every definition did before kinds.
import { normaliseIdNumber } from '../dossier/id-number';
import type {
  CandidateKind,
  CandidateSpec,
  DossierField,
  PipelineDefinition,
} from './definition.types';

export const CANDIDATE_KINDS: readonly CandidateKind[] = ['person', 'team', 'studio'];

const PERSON: CandidateSpec = { kind: 'person', identity: ['idNumber'], displayName: 'name' };

export function candidateSpec(definition: PipelineDefinition): CandidateSpec {
  return definition.candidate ?? PERSON;
}

/**
 * Text as it identifies: Unicode-compatibility forms folded (full-width letters and digits),
 * spaces of every kind removed, letters lower-cased — "杭州 汽轮机" and "杭州汽轮机" are one.
 */
export function normaliseIdentityText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

function identityPart(
  field: DossierField | undefined,
  value: unknown,
  asIdNumber: boolean,
): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const part =
    asIdNumber || field?.type === 'idNumber'
      ? normaliseIdNumber(value)
      : normaliseIdentityText(value);
  return part === '' ? undefined : part;
}

/**
 * The candidate's identity key, or undefined while a part is missing. A person identified by one
 * field keys by that (normalised) value alone, so awards recorded by ID number keep matching;
 * other kinds key by kind and every part, e.g. "team|杭州汽轮机股份有限公司|叶片装配班".
 */
export function candidateIdentity(
  definition: PipelineDefinition,
  dossier: Readonly<Record<string, unknown>>,
): string | undefined {
  const spec = candidateSpec(definition);
  const fields = new Map(definition.dossier.fields.map((f) => [f.id, f]));
  const parts: string[] = [];
  // A person identified by one field is identified by an ID number, whatever its field type.
  const single = spec.kind === 'person' && spec.identity.length === 1;
  for (const id of spec.identity) {
    const part = identityPart(fields.get(id), dossier[id], single);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  if (spec.kind === 'person' && parts.length === 1) return parts[0];
  return [spec.kind, ...parts].join('|');
}

/** The candidate's name as shown, and whether it is personal data (then it is shown masked). */
export function candidateDisplayName(
  definition: PipelineDefinition,
  dossier: Readonly<Record<string, unknown>>,
): { value: string; personal: boolean } {
  const spec = candidateSpec(definition);
  const field = definition.dossier.fields.find((f) => f.id === spec.displayName);
  const raw = dossier[spec.displayName];
  return { value: typeof raw === 'string' ? raw.trim() : '', personal: field?.pii === true };
}
