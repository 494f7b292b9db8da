import type { EvidenceKind, PipelineDefinition } from '@craftcert/pipeline';
import { RequestValidationError } from '@craftcert/platform';
import { detectContentType } from './evidence-content-type';

/**
 * Checks an upload against the definition's evidence kinds: a known kind, not empty, within the
 * kind's size, and of an allowed format judged by the bytes themselves, never the client's label.
 */
export function checkEvidence(
  definition: PipelineDefinition,
  upload: { kind: string; bytes: Buffer },
): { kind: EvidenceKind; contentType: string } {
  const kind = definition.dossier.evidence.find((e) => e.kind === upload.kind);
  if (!kind) {
    const kinds = definition.dossier.evidence.map((e) => e.kind).join(', ');
    throw new RequestValidationError([{ path: 'kind', message: `kind must be one of: ${kinds}` }]);
  }
  if (upload.bytes.length === 0)
    throw new RequestValidationError([{ path: 'file', message: 'file is empty' }]);
  if (upload.bytes.length > kind.maxSizeBytes) {
    throw new RequestValidationError([
      {
        path: 'file',
        message: `${kind.kind} files may be at most ${kind.maxSizeBytes} bytes (got ${upload.bytes.length})`,
      },
    ]);
  }
  const contentType = detectContentType(upload.bytes);
  if (!contentType || !kind.formats.includes(contentType)) {
    throw new RequestValidationError([
      {
        path: 'file',
        message: `${kind.kind} must be ${kind.formats.join(' or ')}; the file's content is ${contentType ?? 'not a recognised format'}`,
      },
    ]);
  }
  return { kind, contentType };
}

/** The evidence a submission still lacks, as field errors (`evidence.<kind>`). */
export function missingEvidence(
  definition: PipelineDefinition,
  attached: { kind: string; n: number }[],
): { path: string; message: string }[] {
  return definition.dossier.evidence
    .filter((e) => (e.minCount ?? 0) > (attached.find((c) => c.kind === e.kind)?.n ?? 0))
    .map((e) => ({
      path: `evidence.${e.kind}`,
      message: `attach at least ${e.minCount} ${e.kind} file(s) (${e.label.en})`,
    }));
}
