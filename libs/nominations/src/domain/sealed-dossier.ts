import type { PipelineDefinition } from '@craftcert/pipeline';
import { maskName } from '@craftcert/platform';
import { IDENTITY_FIELD, NAME_FIELD, splitDossier } from './dossier-codec';

/** What seals and opens personal data (the platform's cipher, behind this narrow face). */
export interface PersonalDataCipher {
  encrypt(value: unknown): string;
  decrypt<T>(sealed: string): T;
  identityHash(identifier: string): string;
}

/** How a dossier is stored: open fields, sealed personal fields, the masked name, the identity hash. */
export interface SealedDossier {
  dossier: Record<string, unknown>;
  piiCiphertext: string;
  maskedName: string;
  identityHash: string | null;
}

export function sealDossier(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
  cipher: PersonalDataCipher,
): SealedDossier {
  return {
    ...sealPersonalFields(definition, dossier, cipher),
    maskedName: maskName(dossier[NAME_FIELD]),
    identityHash: identityHashOf(dossier, cipher),
  };
}

/** The open fields and the sealed personal ones, split the way the definition flags them. */
export function sealPersonalFields(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
  cipher: PersonalDataCipher,
): Pick<SealedDossier, 'dossier' | 'piiCiphertext'> {
  const { open, personal } = splitDossier(definition, dossier);
  return { dossier: open, piiCiphertext: cipher.encrypt(personal) };
}

/** The keyed hash of the candidate's ID number, or null when the dossier has none (yet). */
export function identityHashOf(
  dossier: Record<string, unknown>,
  cipher: PersonalDataCipher,
): string | null {
  const identifier = dossier[IDENTITY_FIELD];
  return typeof identifier === 'string' && identifier.trim()
    ? cipher.identityHash(identifier)
    : null;
}

/** The whole dossier again, personal fields decrypted. */
export function openDossier(
  stored: { dossier: Record<string, unknown>; piiCiphertext: string },
  cipher: PersonalDataCipher,
): Record<string, unknown> {
  return { ...stored.dossier, ...cipher.decrypt<Record<string, unknown>>(stored.piiCiphertext) };
}
