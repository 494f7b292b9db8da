// Runs on a parse thread (see ParsePool): imports nothing but the pure pipeline engine.
import {
  parseDefinition,
  validateDefinition,
  type DefinitionLimits,
  type DefinitionValidation,
} from '@craftcert/pipeline';

export interface ReadDefinitionInput {
  /** YAML or JSON text… */
  source?: string;
  /** …or the document as JSON. */
  document?: unknown;
  limits: DefinitionLimits;
}

export function readDefinition(input: ReadDefinitionInput): DefinitionValidation {
  return input.source !== undefined
    ? parseDefinition(input.source, undefined, input.limits)
    : validateDefinition(input.document, input.limits);
}
