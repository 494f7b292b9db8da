import { validateDossier, type DossierField, type PipelineDefinition } from '@craftcert/pipeline';
import { type FieldError, RequestValidationError } from '@craftcert/platform';

const isPersonal = (field: DossierField): boolean =>
  field.pii === true || (field.type === 'list' && field.items.some((item) => item.pii === true));

/** Splits a dossier into what may be stored in the clear and what must be encrypted. */
export function splitDossier(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
): { open: Record<string, unknown>; personal: Record<string, unknown> } {
  const personalIds = new Set(definition.dossier.fields.filter(isPersonal).map((f) => f.id));
  const open: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dossier))
    (personalIds.has(key) ? personal : open)[key] = value;
  return { open, personal };
}

/** Ids of the dossier fields holding personal data, for masking in listings and exports. */
export function personalFieldIds(definition: PipelineDefinition): string[] {
  return definition.dossier.fields.filter(isPersonal).map((f) => f.id);
}

/** The engine reports JSON pointers (/contests/0/rank); requests speak field paths. */
export function toFieldErrors(
  errors: readonly { path: string; message: string }[],
  prefix = 'dossier',
): FieldError[] {
  return errors.map((e) => ({
    path:
      prefix +
      e.path
        .split('/')
        .slice(1)
        .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
        .join(''),
    message: e.message,
  }));
}

/**
 * A draft may be incomplete (required fields are checked at submission), but every value
 * present must already have the right shape.
 */
export function checkDraftDossier(
  definition: PipelineDefinition,
  dossier: Record<string, unknown>,
): void {
  const errors = validateDossier(definition, dossier).filter((e) => e.message !== 'is required');
  if (errors.length > 0) throw new RequestValidationError(toFieldErrors(errors));
}
