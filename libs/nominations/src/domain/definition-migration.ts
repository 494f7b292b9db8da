import {
  type CompiledDefinition,
  compareOutcomes,
  type DryRunItem,
  type OutcomeChange,
  type PipelineDefinition,
  type StageMigrationChange,
  validateDossier,
} from '@craftcert/pipeline';
import type { FieldError } from '@craftcert/platform';
import { toFieldErrors } from './dossier-codec';

export interface DefinitionMigrationReport {
  fromVersion: number;
  toVersion: number;
  dryRun: boolean;
  evaluated: number;
  /** Nominations whose eligibility or direct recognition would change, with the rules behind it. */
  changes: OutcomeChange[];
  /** Nominations whose dossier the new version's schema would refuse; applying is blocked while any remain. */
  invalid: { nominationId: string; errors: FieldError[] }[];
  /**
   * What the new version would do to stages the edition has entered; applying is blocked while
   * any change is blocking (it would strand candidates, tasks or decisions).
   */
  stageChanges: StageMigrationChange[];
}

/**
 * What moving nominations from one definition version to another would do: which dossiers the
 * new schema refuses, and whose outcome changes among the rest (evaluated under both versions).
 */
export function compareVersions(
  from: { compiled: CompiledDefinition },
  to: { definition: PipelineDefinition; compiled: CompiledDefinition },
  items: DryRunItem[],
): Pick<DefinitionMigrationReport, 'changes' | 'invalid'> {
  const invalid = items
    .map((item) => ({
      nominationId: item.nominationId,
      errors: toFieldErrors(validateDossier(to.definition, item.dossier)),
    }))
    .filter((i) => i.errors.length > 0);
  const valid = items.filter((i) => !invalid.some((v) => v.nominationId === i.nominationId));
  return { changes: compareOutcomes(from.compiled, to.compiled, valid), invalid };
}
