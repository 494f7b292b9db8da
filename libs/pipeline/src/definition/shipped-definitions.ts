import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PipelineDefinition } from './definition.types';
import { parseDefinition } from './validate-definition';

export const SHIPPED_DEFINITIONS = [
  'hangzhou-city-craftsman',
  'district-craftsman-triennial',
  'team-vanguard',
  'innovation-studio',
] as const;
export type ShippedDefinitionName = (typeof SHIPPED_DEFINITIONS)[number];

const RELATIVE_DIR = join('libs', 'pipeline', 'definitions');

function findUpwards(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, RELATIVE_DIR);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The YAML files stay in the source tree (the build copies only .ts), so walk up from this file —
 * libs/pipeline/src/definition under jest, dist/libs/pipeline/src/definition when built — until a
 * directory holds libs/pipeline/definitions; a build output outside the repo falls back to the
 * working directory.
 */
function definitionsDir(): string {
  const dir = findUpwards(__dirname) ?? findUpwards(process.cwd());
  if (!dir) throw new Error(`cannot find ${RELATIVE_DIR} above ${__dirname} or ${process.cwd()}`);
  return dir;
}

export function shippedDefinitionPath(name: ShippedDefinitionName): string {
  return resolve(definitionsDir(), `${name}.yaml`);
}

/** Reads and validates a shipped definition; a shipped file that fails validation is a bug. */
export function loadShippedDefinition(name: ShippedDefinitionName): PipelineDefinition {
  const result = parseDefinition(readFileSync(shippedDefinitionPath(name), 'utf8'), 'yaml');
  if (!result.ok) {
    const detail = result.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`shipped definition ${name} is invalid: ${detail}`);
  }
  return result.definition;
}
