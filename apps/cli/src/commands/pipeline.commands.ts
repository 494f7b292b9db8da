import { readFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { parse as parseYaml } from 'yaml';
import {
  compileDefinition,
  diffDefinitions,
  formatDiff,
  formatRubricScore,
  formatSelection,
  formatSelectionDiff,
  formatTrace,
  formatValidationErrors,
  normaliseDossier,
  parseDefinition,
  parseIsoDate,
  PipelineDefinition,
  type PriorAward,
  RubricMarkError,
  scoreRubric,
  selectCandidates,
  SelectionInputError,
  type SelectionOverrides,
  todayInShanghai,
  validateDossier,
  whatIf,
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
  description:
    'Evaluate a dossier (JSON file) against a definition and print the explained trace (--json: { eligible, directRecognition, rules })',
})
export class PipelineExplainCommand extends CommandRunner {
  async run([definitionFile, dossierFile]: string[], options: ExplainOptions): Promise<void> {
    const definition = loadDefinition(definitionFile);
    if (!definition) return;
    const read = readDocument(dossierFile, false);
    const awards = options.priorAwards ? readDocument(options.priorAwards, false) : { value: [] };
    if (!read || !awards) return;
    const dossier = read.value as Record<string, unknown>;
    const referenceDate = options.referenceDate ?? todayInShanghai();
    const errors = validateDossier(definition, dossier, { today: referenceDate });
    if (errors.length > 0) {
      console.error(`${dossierFile}: ${formatValidationErrors(errors)}`);
      process.exitCode = 1;
      return;
    }
    const awardErrors = priorAwardErrors(awards.value);
    if (awardErrors.length > 0) {
      console.error(`${options.priorAwards}: ${formatValidationErrors(awardErrors)}`);
      process.exitCode = 1;
      return;
    }
    const result = compileDefinition(definition).evaluate(normaliseDossier(definition, dossier), {
      referenceDate,
      priorAwards: awards.value as PriorAward[],
    });
    if (options.json) {
      const lang = options.lang ?? 'zh';
      const rules = result.outcomes.map((o) => ({
        id: o.ruleId,
        outcome: o.outcome,
        reason: o.reason[lang],
      }));
      const { eligible, directRecognition } = result;
      console.log(JSON.stringify({ eligible, directRecognition, rules }, null, 2));
    } else {
      console.log(formatTrace(result, options.lang ?? 'zh'));
    }
  }

  @Option({ flags: '--lang <lang>', description: 'zh (default) or en' })
  parseLang(value: string): 'zh' | 'en' {
    if (value !== 'zh' && value !== 'en') throw new Error('--lang must be zh or en');
    return value;
  }

  @Option({ flags: '--reference-date <date>', description: 'YYYY-MM-DD (default: today)' })
  parseReferenceDate(value: string): string {
    if (!parseIsoDate(value) || value.length !== 10)
      throw new Error('--reference-date must be an existing date YYYY-MM-DD');
    return value;
  }

  @Option({
    flags: '--prior-awards <file>',
    description: 'JSON array of the candidate\'s awards: [{ "programme", "year", "tier"? }]',
  })
  parsePriorAwards(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'Print { eligible, directRecognition, rules } as JSON' })
  parseJson(): boolean {
    return true;
  }
}

/** Path errors of a prior-awards document: an array of { programme, year, tier? }. */
function priorAwardErrors(value: unknown): { path: string; message: string }[] {
  if (!Array.isArray(value)) return [{ path: '/', message: 'must be a JSON array of awards' }];
  const errors: { path: string; message: string }[] = [];
  value.forEach((a: unknown, i) => {
    const award = (a ?? {}) as Record<string, unknown>;
    if (typeof a !== 'object' || a === null || Array.isArray(a))
      return void errors.push({ path: `/${i}`, message: 'must be an object' });
    if (typeof award.programme !== 'string' || award.programme === '')
      errors.push({ path: `/${i}/programme`, message: 'must be a programme code' });
    if (!Number.isInteger(award.year))
      errors.push({ path: `/${i}/year`, message: 'must be a whole year' });
    if (award.tier !== undefined && typeof award.tier !== 'string')
      errors.push({ path: `/${i}/tier`, message: 'must be a tier id' });
  });
  return errors;
}

interface ExplainOptions {
  lang?: 'zh' | 'en';
  referenceDate?: string;
  priorAwards?: string;
  json?: boolean;
}

/** Parses a JSON or YAML file; prints where it fails and returns undefined. */
function readDocument(file: string, yaml: boolean): { value: unknown } | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return { value: yaml ? parseYaml(text) : JSON.parse(text) };
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exitCode = 1;
    return undefined;
  }
}

@Command({
  name: 'pipeline:select',
  arguments: '<definition> <candidates>',
  description:
    'Select from scored candidates (JSON array) under a definition, with a reason for each; exit 2 when the rules cannot all be met',
})
export class PipelineSelectCommand extends CommandRunner {
  async run([definitionFile, candidatesFile]: string[], options: SelectOptions): Promise<void> {
    const definition = loadDefinition(definitionFile);
    const candidates = definition && readDocument(candidatesFile, false);
    const overrides = options.whatIf ? readDocument(options.whatIf, true) : { value: undefined };
    if (!definition || !candidates || !overrides) return;
    const lang = options.lang ?? 'zh';
    const select = {
      referenceDate: options.referenceDate ?? new Date().toISOString().slice(0, 10),
    };
    try {
      const current = selectCandidates(definition, candidates.value, select);
      const changed =
        overrides.value === undefined
          ? undefined
          : whatIf(definition, candidates.value, overrides.value as SelectionOverrides, {
              ...select,
              current,
            });
      const result = changed?.outcome ?? current;
      if (options.json) {
        const document = changed ? { current, whatIf: result, diff: changed.diff } : result;
        console.log(JSON.stringify(document, null, 2));
      } else {
        console.log(formatSelection(result, lang));
        if (changed) console.log(`\n${formatSelectionDiff(changed.diff, lang)}`);
      }
      if (result.status === 'infeasible') process.exitCode = 2;
    } catch (error) {
      if (!(error instanceof SelectionInputError)) throw error;
      const file =
        overrides.value !== undefined && isOverrideError(error) ? options.whatIf : candidatesFile;
      console.error(`${file}: ${formatValidationErrors(error.errors)}`);
      process.exitCode = 1;
    }
  }

  @Option({
    flags: '--what-if <overrides>',
    description: 'YAML file of changed quotas, floors, caps or weights',
  })
  parseWhatIf(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'zh (default) or en' })
  parseLang(value: string): 'zh' | 'en' {
    if (value !== 'zh' && value !== 'en') throw new Error('--lang must be zh or en');
    return value;
  }

  @Option({ flags: '--json', description: 'Print the result as JSON' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--reference-date <date>', description: 'YYYY-MM-DD for ages (default: today)' })
  parseReferenceDate(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('--reference-date must be YYYY-MM-DD');
    return value;
  }
}

/** Candidate errors point into the list (/3/score); what-if errors name a setting or the definition. */
function isOverrideError(error: SelectionInputError): boolean {
  return error.errors.some((e) => !/^\/\d+(\/|$)/.test(e.path));
}

interface SelectOptions extends ExplainOptions {
  whatIf?: string;
  json?: boolean;
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

@Command({
  name: 'pipeline:score',
  arguments: '<definition> <dossier>',
  description:
    "Score a dossier (JSON file) on the definition's rubric offline and print every item's points and the caps that bit",
})
export class PipelineScoreCommand extends CommandRunner {
  async run([definitionFile, dossierFile]: string[], options: ScoreOptions): Promise<void> {
    const definition = loadDefinition(definitionFile);
    const dossier = definition && readDocument(dossierFile, false);
    const marks = options.marks ? readDocument(options.marks, false) : { value: {} };
    if (!definition || !dossier || !marks) return;
    const stages = definition.stages.filter((s) => s.kind === 'expertScoring');
    const stage = options.stage ? stages.find((s) => s.id === options.stage) : stages[0];
    if (!stage) {
      const which = options.stage
        ? `no expertScoring stage "${options.stage}"`
        : 'no expertScoring stage';
      console.error(`${definitionFile}: ${which}`);
      process.exitCode = 1;
      return;
    }
    const errors = validateDossier(definition, dossier.value);
    if (errors.length > 0) {
      console.error(`${dossierFile}: ${formatValidationErrors(errors)}`);
      process.exitCode = 1;
      return;
    }
    if (typeof marks.value !== 'object' || marks.value === null || Array.isArray(marks.value)) {
      console.error(`${options.marks}: marks must be an object of { "<itemId>": number }`);
      process.exitCode = 1;
      return;
    }
    try {
      const score = scoreRubric(
        definition,
        stage.rubric,
        dossier.value as Record<string, unknown>,
        {
          judged: marks.value as Record<string, number>,
          evidenceCounts: options.evidence,
          referenceDate: options.referenceDate ?? new Date().toISOString().slice(0, 10),
        },
      );
      console.log(
        options.json
          ? JSON.stringify(score, null, 2)
          : formatRubricScore(score, options.lang ?? 'zh'),
      );
    } catch (error) {
      if (!(error instanceof RubricMarkError)) throw error;
      console.error(`${options.marks ?? 'marks'}: ${formatValidationErrors(error.errors)}`);
      process.exitCode = 1;
    }
  }

  @Option({
    flags: '--marks <file>',
    description: 'JSON file of { "<itemId>": number } for judged items',
  })
  parseMarks(value: string): string {
    return value;
  }

  @Option({
    flags: '--evidence <counts>',
    description: 'evidence files per kind, e.g. patent=2,photo=1',
  })
  parseEvidence(value: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const part of value.split(',')) {
      const match = /^([A-Za-z][A-Za-z0-9_-]*)=(\d+)$/.exec(part.trim());
      if (!match) throw new Error('--evidence must look like kind=count,kind=count');
      counts[match[1]] = Number(match[2]);
    }
    return counts;
  }

  @Option({ flags: '--stage <id>', description: 'the expertScoring stage (default: the first)' })
  parseStage(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'zh (default) or en' })
  parseLang(value: string): 'zh' | 'en' {
    if (value !== 'zh' && value !== 'en') throw new Error('--lang must be zh or en');
    return value;
  }

  @Option({ flags: '--json', description: 'Print { total, criteria: [...] } as JSON' })
  parseJson(): boolean {
    return true;
  }

  @Option({
    flags: '--reference-date <date>',
    description: 'YYYY-MM-DD for conditions (default: today)',
  })
  parseReferenceDate(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('--reference-date must be YYYY-MM-DD');
    return value;
  }
}

interface ScoreOptions extends ExplainOptions {
  marks?: string;
  evidence?: Record<string, number>;
  stage?: string;
  json?: boolean;
}

export const PIPELINE_COMMANDS = [
  PipelineValidateCommand,
  PipelineExplainCommand,
  PipelineSelectCommand,
  PipelineScoreCommand,
  PipelineDiffCommand,
];
