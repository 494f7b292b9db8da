import { readFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import {
  compileDefinition,
  diffDefinitions,
  formatDiff,
  formatTrace,
  formatValidationErrors,
  parseDefinition,
  PipelineDefinition,
  validateDossier,
} from '@craftcert/pipeline';

/** Reads and validates a definition file; prints the errors and fails the command if invalid. */
function loadDefinition(file: string): PipelineDefinition | undefined {
  const result = parseDefinition(
    readFileSync(file, 'utf8'),
    file.endsWith('.json') ? 'json' : undefined,
  );
  if (result.ok) return result.definition;
  console.error(`${file}: ${formatValidationErrors(result.errors)}`);
  process.exitCode = 1;
  return undefined;
}

@Command({
  name: 'pipeline:validate',
  arguments: '<file>',
  description: 'Validate a definition (YAML or JSON); exit 1 with path-specific errors',
})
export class PipelineValidateCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    if (loadDefinition(file)) console.log(`${file}: definition is valid.`);
  }
}

@Command({
  name: 'pipeline:explain',
  arguments: '<definition> <dossier>',
  description: 'Evaluate a dossier (JSON file) against a definition and print the explained trace',
})
export class PipelineExplainCommand extends CommandRunner {
  async run([definitionFile, dossierFile]: string[], options: ExplainOptions): Promise<void> {
    const definition = loadDefinition(definitionFile);
    if (!definition) return;
    const dossier = JSON.parse(readFileSync(dossierFile, 'utf8')) as Record<string, unknown>;
    const errors = validateDossier(definition, dossier);
    if (errors.length > 0) {
      console.error(`${dossierFile}: ${formatValidationErrors(errors)}`);
      process.exitCode = 1;
      return;
    }
    const result = compileDefinition(definition).evaluate(dossier, {
      referenceDate: options.referenceDate ?? new Date().toISOString().slice(0, 10),
    });
    console.log(formatTrace(result, options.lang ?? 'zh'));
  }

  @Option({ flags: '--lang <lang>', description: 'zh (default) or en' })
  parseLang(value: string): 'zh' | 'en' {
    if (value !== 'zh' && value !== 'en') throw new Error('--lang must be zh or en');
    return value;
  }

  @Option({ flags: '--reference-date <date>', description: 'YYYY-MM-DD (default: today)' })
  parseReferenceDate(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('--reference-date must be YYYY-MM-DD');
    return value;
  }
}

interface ExplainOptions {
  lang?: 'zh' | 'en';
  referenceDate?: string;
}

@Command({
  name: 'pipeline:diff',
  arguments: '<a> <b>',
  description: 'Print the structural differences between two definitions',
})
export class PipelineDiffCommand extends CommandRunner {
  async run([a, b]: string[]): Promise<void> {
    const before = loadDefinition(a);
    const after = loadDefinition(b);
    if (before && after) console.log(formatDiff(diffDefinitions(before, after)));
  }
}

export const PIPELINE_COMMANDS = [
  PipelineValidateCommand,
  PipelineExplainCommand,
  PipelineDiffCommand,
];
