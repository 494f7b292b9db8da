import {
  candidateDisplayName,
  candidateIdentity,
  normaliseDossier,
  type PipelineDefinition,
} from '@craftcert/pipeline';
import { maskName } from '@craftcert/platform';
import { splitDossier } from './dossier-codec';

/** What seals and opens personal data (the platform's cipher, behind this narrow face). */
export interface PersonalDataCipher {
  encrypt(value: unknown): string;
  decrypt<T>(sealed: string): T;
  identityHash(identifier: string): string;
}

/**
 * How a dossier is stored: open fields, sealed personal fields, the candidate's display name
 * (masked when it is personal data, as a person's name is; a team's or studio's name is not) and
 * the keyed hash of the candidate's identity (a person's ID number; a team's enterprise and name).
 */
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
  const normalised = normaliseDossier(definition, dossier);
  return {
    ...sealPersonalFields(definition, normalised, cipher),
    maskedName: displayNameOf(definition, normalised),
    identityHash: identityHashOf(definition, normalised, cipher),
  };
}

/** The candidate's name as listings show it: masked when personal data, at most 100 characters. */
export function displayNameOf(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
): string {
  const { value, personal } = candidateDisplayName(definition, dossier);
  return Array.from(personal ? maskName(value) : value)
    .slice(0, 100)
    .join('');
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

/** The keyed hash of the candidate's identity, or null while the dossier lacks a part of it. */
export function identityHashOf(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
  cipher: PersonalDataCipher,
): string | null {
  const identity = candidateIdentity(definition, dossier);
  return identity === undefined ? null : cipher.identityHash(identity);
}

/** The whole dossier again, personal fields decrypted. */
export function openDossier(
  stored: { dossier: Record<string, unknown>; piiCiphertext: string },
  cipher: PersonalDataCipher,
): Record<string, unknown> {
  return { ...stored.dossier, ...cipher.decrypt<Record<string, unknown>>(stored.piiCiphertext) };
}
