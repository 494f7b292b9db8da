import { Injectable } from '@nestjs/common';
import { EligibilityResult, PriorAward, validateDossier } from '@craftcert/pipeline';
import { RequestValidationError } from '@craftcert/platform';
import { DefinitionsRepository } from '../persistence/definitions.repository';

export interface EvaluateDossierCommand {
  dossier: Record<string, unknown>;
  referenceDate: string;
  priorAwards?: PriorAward[];
}

/** Evaluates a dossier against one definition version without saving anything. */
@Injectable()
export class EvaluateDossierUseCase {
  constructor(private readonly definitions: DefinitionsRepository) {}

  async execute(
    programmeId: string,
    version: number,
    command: EvaluateDossierCommand,
  ): Promise<EligibilityResult> {
    const definition = await this.definitions.version(programmeId, version);
    const errors = validateDossier(definition.document, command.dossier);
    if (errors.length > 0) {
      throw new RequestValidationError(
        errors.map((e) => ({ path: `dossier${pointerToPath(e.path)}`, message: e.message })),
      );
    }
    return this.definitions.compile(definition).evaluate(command.dossier, {
      referenceDate: command.referenceDate,
      priorAwards: command.priorAwards ?? [],
    });
  }
}

/** `/contests/0/rank` → `.contests[0].rank`, matching the request field paths. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}
