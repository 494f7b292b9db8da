import { Injectable } from '@nestjs/common';
import type { DefinitionValidation, PipelineDefinition } from '@craftcert/pipeline';
import {
  AppConfig,
  LimitExceededError,
  ParseLimitError,
  ParsePool,
  parseTask,
  PayloadTooLargeError,
} from '@craftcert/platform';
import { DefinitionInvalidError } from '../domain/programme.errors';
import type { ReadDefinitionInput } from './read-definition.task';

export interface DefinitionInput {
  /** The definition as a JSON object… */
  document?: Record<string, unknown>;
  /** …or as YAML / JSON text. */
  source?: string;
}

const READ_DEFINITION = parseTask<ReadDefinitionInput, DefinitionValidation>(
  require.resolve('./read-definition.task'),
  'readDefinition',
);

/**
 * Reads and validates a proposed document on a parse thread, within the definition limits
 * (DEFINITION_MAX_CHARS, _DEPTH, _ALIASES) and the thread's memory and time: a 500 kB YAML
 * file can no longer hold the event loop. Runs before any transaction, so no lock waits on it.
 */
@Injectable()
export class DefinitionInputReader {
  constructor(
    private readonly parsing: ParsePool,
    private readonly config: AppConfig,
  ) {}

  async read(input: DefinitionInput): Promise<PipelineDefinition> {
    const field = input.source !== undefined ? 'source' : 'document';
    if (input.source !== undefined && input.source.length > this.config.DEFINITION_MAX_CHARS) {
      throw new PayloadTooLargeError('source', this.config.DEFINITION_MAX_CHARS, 'characters');
    }
    let result: DefinitionValidation;
    try {
      result = await this.parsing.run(READ_DEFINITION, {
        ...input,
        limits: {
          maxChars: this.config.DEFINITION_MAX_CHARS,
          maxDepth: this.config.DEFINITION_MAX_DEPTH,
          maxAliases: this.config.DEFINITION_MAX_ALIASES,
        },
      });
    } catch (error) {
      if (error instanceof ParseLimitError) throw new LimitExceededError(field, error.message);
      throw error;
    }
    if (result.ok) return result.definition;
    if (result.limit) throw new LimitExceededError(field, result.errors[0].message);
    throw new DefinitionInvalidError(result.errors);
  }
}

/**
 * Checks a validated document belongs to the programme and stamps it with the version it will
 * be stored as, so every evaluation trace names the version that produced it.
 */
export function stampDefinition(
  definition: PipelineDefinition,
  programmeCode: string,
  version: number,
): PipelineDefinition {
  if (definition.programme.code !== programmeCode) {
    throw new DefinitionInvalidError([
      {
        path: '/programme/code',
        message: `must be ${JSON.stringify(programmeCode)}, the programme's code`,
      },
    ]);
  }
  return { ...definition, version };
}
