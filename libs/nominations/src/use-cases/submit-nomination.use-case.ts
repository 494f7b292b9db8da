import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { PipelineDefinition, validateDossier } from '@craftcert/pipeline';
import { addOutboxEvent, RequestValidationError } from '@craftcert/platform';
import { PiiCipher } from '../crypto/pii-cipher';
import { toFieldErrors } from '../domain/dossier-codec';
import { redactTrace } from '../domain/trace-redaction';
import {
  InvalidTransitionError,
  NominationWindowClosedError,
  QuotaExceededError,
} from '../domain/nomination.errors';
import { EDITABLE, NominationStatus, UNION_KINDS } from '../domain/nomination-status';
import { channelOf, EditionContexts, isOpen } from '../persistence/edition-context';
import { NominationAccess } from '../persistence/nomination-access';
import { flagDuplicates, priorAwardsOf } from '../persistence/candidate-checks';
import { NominationEntity } from '../persistence/nomination.entity';
import { takePlace } from '../persistence/quota';
import { recordEvent } from './draft-nomination.use-case';

/**
 * Submits a nomination: inside the window, complete, within the unit's cap, evaluated by the
 * pipeline engine (the explained result is returned at once), flagged for duplicates and prior
 * awards, with its event in the outbox — all in one transaction.
 */
@Injectable()
export class SubmitNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly access: NominationAccess,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.access.load(actor, nominationId, tx, {
        lock: true,
        ownUnitOnly: true,
      });
      if (!EDITABLE.includes(nomination.status))
        throw new InvalidTransitionError('submit', nomination.status);
      const context = await this.editions.load(nomination.editionId, tx);
      const { edition, definition } = context;
      if (!isOpen(edition))
        throw new NominationWindowClosedError(
          edition.nominationOpensAt,
          edition.nominationClosesAt,
        );

      const dossier = {
        ...nomination.dossier,
        ...this.cipher.decrypt<Record<string, unknown>>(nomination.piiCiphertext),
      };
      const errors = toFieldErrors(validateDossier(definition, dossier));
      errors.push(...(await this.missingEvidence(tx, nomination.id, definition)));
      if (errors.length > 0) throw new RequestValidationError(errors);

      const priorAwards = await priorAwardsOf(tx, nomination.identityHash);
      const eligibility = context.compiled.evaluate(dossier, {
        referenceDate: edition.referenceDate,
        priorAwards,
      });
      const duplicates = await flagDuplicates(tx, nomination);

      const channel = channelOf(definition, nomination.channelId);
      const key = {
        editionId: edition.id,
        organisationId: nomination.nominatingOrganisationId!,
        channelId: channel.id,
      };
      if (channel.perUnitCap && !(await takePlace(tx, key, channel.perUnitCap))) {
        throw new QuotaExceededError(channel.perUnitCap);
      }
      const screenedByUnion =
        channel.routing?.[0]?.roles.some((r) => UNION_KINDS.includes(r)) ?? false;
      const from = nomination.status;
      Object.assign(nomination, {
        status: (screenedByUnion ? 'submitted' : 'forwarded') satisfies NominationStatus,
        eligibility: redactTrace(definition, eligibility),
        eligible: eligibility.eligible,
        submittedAt: new Date(),
        flags: {
          ...(duplicates.length ? { duplicateOf: duplicates } : {}),
          ...(priorAwards.length ? { priorAwards } : {}),
        },
      });
      await tx.save(nomination);
      await recordEvent(tx, nomination, 'submitted', from, actor.userId);
      await addOutboxEvent(tx, 'nomination.submitted', {
        nominationId: nomination.id,
        editionId: edition.id,
        organisationId: nomination.nominatingOrganisationId,
        eligible: eligibility.eligible,
      });
      await this.audit.record(tx, {
        action: 'nomination.submitted',
        subjectType: 'nomination',
        subjectId: nomination.id,
        before: { status: from },
        after: {
          status: nomination.status,
          eligible: eligibility.eligible,
          duplicates: duplicates.length,
        },
      });
      return nomination;
    });
  }

  private async missingEvidence(
    tx: EntityManager,
    nominationId: string,
    definition: PipelineDefinition,
  ) {
    const counts: { kind: string; n: number }[] = await tx.query(
      'SELECT kind, count(*)::int AS n FROM evidence_file WHERE nomination_id = $1 GROUP BY kind',
      [nominationId],
    );
    return definition.dossier.evidence
      .filter((e) => (e.minCount ?? 0) > (counts.find((c) => c.kind === e.kind)?.n ?? 0))
      .map((e) => ({
        path: `evidence.${e.kind}`,
        message: `attach at least ${e.minCount} ${e.kind} file(s) (${e.label.en})`,
      }));
  }
}
