import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, DomainError, PiiCipher, Topic } from '@craftcert/platform';
import { RepinEditionDefinitionUseCase } from '@craftcert/programmes';
import { compareVersions, DefinitionMigrationReport } from '../domain/definition-migration';
import { openDossier, sealPersonalFields } from '../domain/sealed-dossier';
import { redactTrace } from '../domain/trace-redaction';
import { priorAwardsByIdentity } from '../persistence/candidate-checks';
import { NominationRepository } from '../persistence/nomination.repository';
import { recountPlaces } from '../persistence/quota';
import { DefinitionMigrationChecks } from './definition-migration-checks';

/**
 * Moves a running edition to another published version of its programme's definition. The
 * dry run re-evaluates every nomination under both versions and lists what would change, stage
 * plan changes included (registered checks: the workflow names stages the new version strands);
 * applying does the same, has programmes re-pin the edition, and stores the new results, all in
 * one transaction (anything refused on the way rolls the re-pin back too).
 */
@Injectable()
export class MigrateEditionDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repin: RepinEditionDefinitionUseCase,
    private readonly nominations: NominationRepository,
    private readonly cipher: PiiCipher,
    private readonly checks: DefinitionMigrationChecks,
    private readonly audit: AuditLog,
  ) {}

  execute(
    editionId: string,
    toVersion: number,
    dryRun: boolean,
  ): Promise<DefinitionMigrationReport> {
    return this.dataSource.transaction(async (tx) => {
      // The edition is locked first, so no nomination changes while it is being re-evaluated.
      const { from, to } = await this.repin.execute(tx, { editionId, toVersion, apply: !dryRun });
      const nominations = await this.nominations.inEdition(tx, editionId, 'submitted');
      const awards = await priorAwardsByIdentity(
        tx,
        nominations.flatMap((n) => (n.identityHash ? [n.identityHash] : [])),
      );
      const items = nominations.map((n) => ({
        nominationId: n.id,
        dossier: openDossier(n, this.cipher),
        context: {
          referenceDate: from.edition.referenceDate,
          priorAwards: (n.identityHash && awards.get(n.identityHash)) || [],
        },
      }));
      const report: DefinitionMigrationReport = {
        fromVersion: from.definition.version,
        toVersion,
        dryRun,
        evaluated: items.length,
        ...compareVersions(from, to, items),
        stageChanges: await this.checks.run(tx, {
          editionId,
          before: from.definition,
          after: to.definition,
          apply: !dryRun,
        }),
      };
      if (dryRun) return report;
      const blocking = report.stageChanges.filter((c) => c.blocking);
      if (blocking.length > 0) {
        throw new DomainError(
          'CONFLICT',
          `Version ${toVersion} would strand candidates in stages already entered: ${blocking.map((c) => c.explanation.en).join('; ')}; see a dry run`,
        );
      }
      if (report.invalid.length > 0) {
        throw new DomainError(
          'CONFLICT',
          `${report.invalid.length} nomination(s) do not fit version ${toVersion}'s dossier schema; see a dry run`,
        );
      }
      // The new version may flag different fields as personal: dossiers are re-split its way.
      for (const item of items) {
        await this.nominations.storeEvaluation(tx, item.nominationId, {
          eligibility: redactTrace(to.definition, to.compiled.evaluate(item.dossier, item.context)),
          ...sealPersonalFields(to.definition, item.dossier, this.cipher),
        });
      }
      for (const draft of await this.nominations.inEdition(tx, editionId, 'drafts')) {
        const dossier = openDossier(draft, this.cipher);
        await this.nominations.storeSplit(
          tx,
          draft.id,
          sealPersonalFields(to.definition, dossier, this.cipher),
        );
      }
      await recountPlaces(tx, editionId);
      await addOutboxEvent(tx, Topic.EditionDefinitionMigrated, {
        editionId,
        fromVersion: report.fromVersion,
        toVersion,
        changed: report.changes.length,
      });
      await this.audit.record(tx, {
        action: 'edition.definition-migrated',
        subjectType: 'edition',
        subjectId: editionId,
        before: { version: report.fromVersion },
        after: {
          version: toVersion,
          evaluated: items.length,
          changed: report.changes.map((c) => c.nominationId),
        },
      });
      return report;
    });
  }
}
