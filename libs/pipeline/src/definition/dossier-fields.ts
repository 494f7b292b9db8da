import { BUILTIN_ENUMS } from '../reference/reference-data.constants';
import type {
  DossierField,
  EnumField,
  LocalizedText,
  PipelineDefinition,
  ScalarField,
} from './definition.types';

/** Enumeration values of a field in ladder order, whether built in or inline. */
export function enumValues(field: EnumField): { code: string; label: LocalizedText }[] {
  if (field.builtin) {
    return BUILTIN_ENUMS[field.builtin].values.map((v) => ({ code: v.code, label: v }));
  }
  return field.values ?? [];
}

export function isOrderedEnum(field: DossierField): field is EnumField {
  if (field.type !== 'enum') return false;
  return field.builtin ? BUILTIN_ENUMS[field.builtin].ordered : field.ordered === true;
}

export function fieldMap(fields: readonly DossierField[]): Map<string, DossierField> {
  return new Map(fields.map((f) => [f.id, f]));
}

export function dossierFieldMap(definition: PipelineDefinition): Map<string, DossierField> {
  return fieldMap(definition.dossier.fields);
}

export function listItemFieldMap(
  field: DossierField | undefined,
): Map<string, ScalarField> | undefined {
  return field?.type === 'list' ? new Map(field.items.map((f) => [f.id, f])) : undefined;
}
