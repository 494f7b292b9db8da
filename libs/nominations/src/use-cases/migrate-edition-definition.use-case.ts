import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import {
  compareOutcomes,
  OutcomeChange,
  PipelineDefinition,
  validateDossier,
} from '@craftcert/pipeline';
import { addOutboxEvent, DomainError, FieldError } from '@craftcert/platform';
import {
  DefinitionsRepository,
  EditionEntity,
  PipelineDefinitionEntity,
} from '@craftcert/programmes';
import { PiiCipher } from '../crypto/pii-cipher';
import { splitDossier, toFieldErrors } from '../domain/dossier-codec';
import { redactTrace } from '../domain/trace-redaction';
import { recountPlaces } from '../persistence/quota';
import { EditionContexts } from '../persistence/edition-context';
import { AwardEntity, NominationEntity } from '../persistence/nomination.entity';

export interface DefinitionMigrationReport {
  fromVersion: number;
  toVersion: number;
  dryRun: boolean;
  evaluated: number;
  /** Nominations whose eligibility or direct recognition would change, with the rules behind it. */
  changes: OutcomeChange[];
  /** Nominations whose dossier the new version's schema would refuse; applying is blocked while any remain. */
  invalid: { nominationId: string; errors: FieldError[] }[];
}

/**
 * Moves a running edition to another published version of its programme's definition. The
 * dry run re-evaluates every nomination under both versions and lists what would change;
 * applying does the same, then re-pins the edition and stores the new results in one transaction.
 */
@Injectable()
export class MigrateEditionDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly definitions: DefinitionsRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  private async resplitDrafts(
    tx: EntityManager,
    editionId: string,
    definition: PipelineDefinition,
  ): Promise<void> {
    const drafts = await tx.find(NominationEntity, { where: { editionId, status: 'draft' } });
    for (const draft of drafts) {
      const dossier = {
        ...draft.dossier,
        ...this.cipher.decrypt<Record<string, unknown>>(draft.piiCiphertext),
      };
      const { open, personal } = splitDossier(definition, dossier);
      await tx.query('UPDATE nomination SET dossier = $2, pii_ciphertext = $3 WHERE id = $1', [
        draft.id,
        JSON.stringify(open),
        this.cipher.encrypt(personal),
      ]);
    }
  }

  async execute(
    editionId: string,
    toVersion: number,
    dryRun: boolean,
  ): Promise<DefinitionMigrationReport> {
    return this.dataSource.transaction(async (tx) => {
      // Locked so no nomination changes while it is being re-evaluated.
      await tx.findOne(EditionEntity, {
        where: { id: editionId },
        lock: { mode: 'pessimistic_write' },
      });
      const current = await this.editions.load(editionId, tx);
      const target = await tx.findOne(PipelineDefinitionEntity, {
        where: { programmeId: current.edition.programmeId, version: toVersion },
      });
      if (!target)
        throw new DomainError('NOT_FOUND', `Version ${toVersion} of this programme was not found`);
      if (target.status !== 'published')
        throw new DomainError(
          'DEFINITION_NOT_PUBLISHED',
          `Version ${toVersion} is a draft; publish it first.`,
        );
      const fromVersion = current.definition.version;
      if (target.id === current.edition.definitionId) {
        throw new DomainError('CONFLICT', `The edition already runs under version ${toVersion}`);
      }
      const nominations = await tx.find(NominationEntity, {
        where: { editionId, status: Not('draft') },
        order: { createdAt: 'ASC' },
      });
      const hashes = [
        ...new Set(nominations.map((n) => n.identityHash).filter((h): h is string => h !== null)),
      ];
      const awards = hashes.length
        ? await tx.findBy(AwardEntity, { identityHash: In(hashes) })
        : [];
      const items = nominations.map((n) => ({
        nominationId: n.id,
        dossier: { ...n.dossier, ...this.cipher.decrypt<Record<string, unknown>>(n.piiCiphertext) },
        context: {
          referenceDate: current.edition.referenceDate,
          priorAwards: awards
            .filter((a) => a.identityHash === n.identityHash)
            .map((a) => ({
              programme: a.programmeCode,
              year: a.year,
              ...(a.tier ? { tier: a.tier } : {}),
            })),
        },
      }));
      const invalid = items
        .map((item) => ({
          nominationId: item.nominationId,
          errors: toFieldErrors(validateDossier(target.document, item.dossier)),
        }))
        .filter((i) => i.errors.length > 0);
      const next = this.definitions.compile(target);
      const report = {
        fromVersion,
        toVersion,
        dryRun,
        evaluated: items.length,
        changes: compareOutcomes(
          current.compiled,
          next,
          items.filter((i) => !invalid.some((v) => v.nominationId === i.nominationId)),
        ),
        invalid,
      };
      if (dryRun) return report;
      if (invalid.length > 0) {
        throw new DomainError(
          'CONFLICT',
          `${invalid.length} nomination(s) do not fit version ${toVersion}'s dossier schema; see a dry run`,
        );
      }
      for (const item of items) {
        const eligibility = redactTrace(target.document, next.evaluate(item.dossier, item.context));
        // The new version may flag different fields as personal: store the dossier split its way.
        const { open, personal } = splitDossier(target.document, item.dossier);
        await tx.query(
          `UPDATE nomination SET eligibility = $2, eligible = $3, dossier = $4, pii_ciphertext = $5,
                  updated_at = now(), revision = revision + 1
            WHERE id = $1`,
          [
            item.nominationId,
            JSON.stringify(eligibility),
            eligibility.eligible,
            JSON.stringify(open),
            this.cipher.encrypt(personal),
          ],
        );
      }
      await this.resplitDrafts(tx, editionId, target.document);
      await recountPlaces(tx, editionId);
      await tx.update(EditionEntity, { id: editionId }, { definitionId: target.id });
      await addOutboxEvent(tx, 'edition.definition-migrated', {
        editionId,
        fromVersion,
        toVersion,
        changed: report.changes.length,
      });
      await this.audit.record(tx, {
        action: 'edition.definition-migrated',
        subjectType: 'edition',
        subjectId: editionId,
        before: { version: fromVersion },
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
