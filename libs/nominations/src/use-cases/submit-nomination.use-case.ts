import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { todayInShanghai, validateDossier } from '@craftcert/pipeline';
import { PiiCipher, RequestValidationError, Topic } from '@craftcert/platform';
import { isNominationWindowOpen, LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf } from '../domain/channels';
import { requireEndorsements } from '../domain/endorsements';
import { requireCompleteChain, stopFrom } from '../domain/routing';
import { toFieldErrors } from '../domain/dossier-codec';
import { missingEvidence } from '../domain/evidence-checks';
import { NominationWindowClosedError, QuotaExceededError } from '../domain/nomination.errors';
import { EDITABLE, requireStatus } from '../domain/nomination-status';
import { openDossier } from '../domain/sealed-dossier';
import { redactTrace } from '../domain/trace-redaction';
import { addDuplicateFlag, submissionLookups } from '../persistence/candidate-checks';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * Submits a nomination: inside the window, complete, within the unit's cap, evaluated by the
 * pipeline engine (the explained result is returned at once), flagged for duplicates and prior
 * awards, with its event in the outbox — all in one transaction of a fixed, small number of
 * statements (see test/nominations/submission-queries.e2e-spec.ts).
 */
@Injectable()
export class SubmitNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockOwnForSubmission(tx, actor, nominationId);
      requireStatus(nomination, EDITABLE, 'submit');
      const { edition, definition, compiled } = await this.editions.execute(
        nomination.editionId,
        tx,
      );
      if (!isNominationWindowOpen(edition))
        throw new NominationWindowClosedError(
          edition.nominationOpensAt,
          edition.nominationClosesAt,
        );

      const dossier = openDossier(nomination, this.cipher);
      const { evidence, endorsements, chain, priorAwards, duplicates } = await submissionLookups(
        tx,
        nomination,
      );
      const errors = toFieldErrors(validateDossier(definition, dossier));
      errors.push(...missingEvidence(definition, evidence));
      if (errors.length > 0) throw new RequestValidationError(errors);
      const channel = channelOf(definition, nomination.channelId);
      const counts = new Map(evidence.map((e) => [e.kind, e.n]));
      requireEndorsements(channel, endorsements, counts, todayInShanghai());
      requireCompleteChain(channel, chain);
      const stop = stopFrom(channel, 0);

      const eligibility = compiled.evaluate(dossier, {
        referenceDate: edition.referenceDate,
        priorAwards,
      });
      await addDuplicateFlag(tx, duplicates, nomination.id);

      const from = nomination.status;
      Object.assign(nomination, {
        status: stop.status,
        routingHop: stop.hop,
        hopRanks: {},
        unitRank: null,
        eligibility: redactTrace(definition, eligibility),
        eligible: eligibility.eligible,
        submittedAt: new Date(),
        flags: {
          ...(duplicates.length ? { duplicateOf: duplicates } : {}),
          ...(priorAwards.length ? { priorAwards } : {}),
        },
      });
      const stored = await this.nominations.storeSubmission(
        tx,
        nomination,
        {
          from,
          actorId: actor.userId,
          ...(channel.perUnitCap
            ? { place: { channelId: channel.id, cap: channel.perUnitCap } }
            : {}),
        },
        {
          topic: Topic.NominationSubmitted,
          payload: {
            nominationId: nomination.id,
            editionId: edition.id,
            organisationId: nomination.nominatingOrganisationId,
            eligible: eligibility.eligible,
          },
        },
      );
      if (!stored) throw new QuotaExceededError(channel.perUnitCap!);
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
}
