import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { pipelineDefinitionSchema } from './definition.schema';
import type { DefinitionError, DefinitionValidation, PipelineDefinition } from './definition.types';
import {
  aliasError,
  checkYamlLimits,
  lengthError,
  DEFAULT_DEFINITION_LIMITS,
  depthError,
  exceedsDepth,
  type DefinitionLimits,
} from './definition-limits';
import { checkSemantics } from './semantic-checks';

let compiled: ValidateFunction | undefined;

/** Compiled lazily and once: Ajv compilation costs milliseconds, validation microseconds. */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      allowUnionTypes: true,
      discriminator: true,
    });
    addFormats(ajv, ['date']);
    compiled = ajv.compile(pipelineDefinitionSchema);
  }
  return compiled;
}

/** Maps Ajv errors to {path, message}, pointing at the offending property itself where possible. */
function toDefinitionError(e: ErrorObject): DefinitionError {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: `${e.instancePath}/${String(p.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return {
        path: `${e.instancePath}/${String(p.additionalProperty)}`,
        message: 'is not an allowed property here',
      };
    case 'discriminator':
      return {
        path: `${e.instancePath}/${String(p.tag)}`,
        message:
          p.error === 'mapping'
            ? `unknown value ${JSON.stringify(p.tagValue)}`
            : `must be a string naming the ${String(p.tag)}`,
      };
    case 'enum':
      return {
        path: e.instancePath,
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: e.instancePath, message: e.message ?? e.keyword };
  }
}

function dedupe(errors: DefinitionError[]): DefinitionError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validates a parsed document: its nesting first (the checks below recurse), then JSON Schema,
 * then cross-references Ajv cannot express.
 */
export function validateDefinition(
  doc: unknown,
  limits: Pick<DefinitionLimits, 'maxDepth'> = DEFAULT_DEFINITION_LIMITS,
): DefinitionValidation {
  if (exceedsDepth(doc, limits.maxDepth)) {
    return depthError(limits.maxDepth);
  }
  const validate = schemaValidator();
  if (!validate(doc)) {
    return { ok: false, errors: dedupe((validate.errors ?? []).map(toDefinitionError)) };
  }
  const definition = doc as PipelineDefinition;
  const errors = checkSemantics(definition);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, definition };
}

/**
 * Parses YAML or JSON text (detected from the first character when format is omitted), then
 * validates. The text's length, nesting and YAML aliases are checked before it is turned into
 * objects, so an oversized or exploding document is refused without being expanded.
 */
export function parseDefinition(
  text: string,
  format?: 'yaml' | 'json',
  limits: DefinitionLimits = DEFAULT_DEFINITION_LIMITS,
): DefinitionValidation {
  if (text.length > limits.maxChars) return lengthError(limits.maxChars, text.length);
  const asJson = format === 'json' || (format === undefined && text.trimStart().startsWith('{'));
  let doc: unknown;
  try {
    if (asJson) doc = JSON.parse(text);
    else {
      const over = checkYamlLimits(text, limits);
      if (over) return over;
      doc = parseYaml(text, { prettyErrors: true, maxAliasCount: limits.maxAliases });
    }
  } catch (err) {
    const kind = asJson ? 'JSON' : 'YAML';
    const message = (err as Error).message;
    if (/alias count/i.test(message)) {
      return aliasError(`aliases may expand to at most ${limits.maxAliases} nodes in all`);
    }
    return { ok: false, errors: [{ path: '', message: `not valid ${kind}: ${message}` }] };
  }
  return validateDefinition(doc, limits);
}
