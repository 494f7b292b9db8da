// What a blind expert may see: the dossier without the fields, and the evidence without the kinds,
// that the definition marks as identifying; evidence names never carry the uploaded file name.
import type { PipelineDefinition } from '../definition/definition.types';
import type { Dossier } from '../rules/evaluation.types';

export interface EvidenceRef {
  id: string;
  kind: string;
  fileName: string;
}

/** Field ids and evidence kinds a blind expert never receives. */
export function identifyingParts(def: PipelineDefinition): {
  fields: string[];
  evidence: string[];
} {
  return {
    fields: def.dossier.fields.filter((f) => f.identifying).map((f) => f.id),
    evidence: def.dossier.evidence.filter((e) => e.identifying).map((e) => e.kind),
  };
}

export function blindDossier(def: PipelineDefinition, dossier: Dossier): Record<string, unknown> {
  const hidden = new Set(identifyingParts(def).fields);
  return Object.fromEntries(Object.entries(dossier).filter(([k]) => !hidden.has(k)));
}

/** Evidence without identifying kinds, renamed `<kind>-<n><extension>` in the given order. */
export function blindEvidence<E extends EvidenceRef>(
  def: PipelineDefinition,
  evidence: readonly E[],
): E[] {
  const hidden = new Set(identifyingParts(def).evidence);
  const seen = new Map<string, number>();
  return evidence
    .filter((e) => !hidden.has(e.kind))
    .map((e) => {
      const n = (seen.get(e.kind) ?? 0) + 1;
      seen.set(e.kind, n);
      const ext = /\.[A-Za-z0-9]{1,8}$/.exec(e.fileName)?.[0] ?? '';
      return { ...e, fileName: `${e.kind}-${n}${ext}` };
    });
}
