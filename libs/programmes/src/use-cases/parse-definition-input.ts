import { parseDefinition, PipelineDefinition, validateDefinition } from '@craftcert/pipeline';
import { DefinitionInvalidError } from '../domain/programme.errors';

export interface DefinitionInput {
  /** The definition as a JSON object… */
  document?: Record<string, unknown>;
  /** …or as YAML / JSON text. */
  source?: string;
}

/**
 * Validates a proposed document for a programme and stamps it with the version it will be
 * stored as, so every evaluation trace names the version that produced it.
 */
export function parseDefinitionInput(
  input: DefinitionInput,
  programmeCode: string,
  version: number,
): PipelineDefinition {
  const result =
    input.source !== undefined ? parseDefinition(input.source) : validateDefinition(input.document);
  if (!result.ok) throw new DefinitionInvalidError(result.errors);
  if (result.definition.programme.code !== programmeCode) {
    throw new DefinitionInvalidError([
      {
        path: '/programme/code',
        message: `must be ${JSON.stringify(programmeCode)}, the programme's code`,
      },
    ]);
  }
  return { ...result.definition, version };
}
