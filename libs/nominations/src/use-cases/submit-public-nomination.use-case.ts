import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type EligibilityResult, validateDossier } from '@craftcert/pipeline';
import { PiiCipher, RequestValidationError } from '@craftcert/platform';
import { isNominationWindowOpen, LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf, requirePublicChannel } from '../domain/channels';
import { toFieldErrors } from '../domain/dossier-codec';
import { NominationWindowClosedError } from '../domain/nomination.errors';
import { identityHashOf, sealDossier } from '../domain/sealed-dossier';
import { redactTrace } from '../domain/trace-redaction';
import { flagDuplicates, priorAwardsOf } from '../persistence/candidate-checks';
import type { NominationStatus } from '../domain/nomination-status';
import { NominationEntity } from '../persistence/nomination.entity';
import { recordEvent } from '../persistence/nomination.repository';
import { requestReferees } from '../persistence/referee.repository';

export interface PublicNominationCommand {
  channelId: string;
  dossier: Record<string, unknown>;
  referees: { name: string; email: string }[];
}

/**
 * What an anonymous submitter is told: the status and the dossier's own eligibility. It is
 * evaluated as if the person held no prior award, because the ID number in an anonymous dossier
 * may be anyone's: the checks against earlier records (prior awards, repeat bans, duplicates)
 * are stored on the nomination for the secretariat and never answered to the public.
 */
export interface PublicNominationReceipt {
  id: string;
  status: NominationStatus;
  eligibility: EligibilityResult;
}

/**
 * Self-nomination or recommendation by the public: evaluated at once, then waiting for the
 * channel's referees to vouch through single-use links (or sent straight on when none are needed).
 */
@Injectable()
export class SubmitPublicNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    editionId: string,
    command: PublicNominationCommand,
  ): Promise<PublicNominationReceipt> {
    const { edition, definition, compiled } = await this.editions.execute(editionId);
    const channel = channelOf(definition, command.channelId);
    requirePublicChannel(channel);
    if (!isNominationWindowOpen(edition))
      throw new NominationWindowClosedError(edition.nominationOpensAt, edition.nominationClosesAt);
    const required = channel.referees?.count ?? 0;
    if (command.referees.length !== required) {
      throw new RequestValidationError([
        { path: 'referees', message: `referees must name exactly ${required} people` },
      ]);
    }
    const errors = validateDossier(definition, command.dossier);
    if (errors.length > 0) throw new RequestValidationError(toFieldErrors(errors));

    return this.dataSource.transaction(async (tx) => {
      const priorAwards = await priorAwardsOf(
        tx,
        identityHashOf(definition, command.dossier, this.cipher),
      );
      const eligibility = compiled.evaluate(command.dossier, {
        referenceDate: edition.referenceDate,
        priorAwards,
      });
      const nomination = await tx.save(
        tx.create(NominationEntity, {
          editionId,
          channelId: channel.id,
          nominatingOrganisationId: null,
          status: required > 0 ? 'awaitingReferees' : 'forwarded',
          ...sealDossier(definition, command.dossier, this.cipher),
          unitRank: null,
          eligibility: redactTrace(definition, eligibility),
          eligible: eligibility.eligible,
          flags: priorAwards.length ? { priorAwards } : {},
          createdBy: null,
          submittedAt: new Date(),
        }),
      );
      const duplicates = await flagDuplicates(tx, nomination);
      if (duplicates.length > 0) {
        nomination.flags = { ...nomination.flags, duplicateOf: duplicates };
        await tx.save(nomination);
      }
      await requestReferees(tx, nomination.id, command.referees, { cipher: this.cipher });
      await recordEvent(tx, nomination, 'submitted', null, null);
      await this.audit.record(tx, {
        action: 'nomination.public-submitted',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { editionId, channelId: channel.id, referees: required },
        actor: null,
      });
      const ownFacts = compiled.evaluate(command.dossier, { referenceDate: edition.referenceDate });
      return {
        id: nomination.id,
        status: nomination.status,
        eligibility: redactTrace(definition, ownFacts),
      };
    });
  }
}
