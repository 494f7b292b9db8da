import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { validateDossier } from '@craftcert/pipeline';
import {
  addOutboxEvent,
  AppConfig,
  DomainError,
  randomToken,
  RequestValidationError,
  tokenHash,
} from '@craftcert/platform';
import { PiiCipher } from '../crypto/pii-cipher';
import {
  IDENTITY_FIELD,
  maskName,
  NAME_FIELD,
  splitDossier,
  toFieldErrors,
} from '../domain/dossier-codec';
import { NominationWindowClosedError } from '../domain/nomination.errors';
import { redactTrace } from '../domain/trace-redaction';
import { channelOf, EditionContexts, isOpen } from '../persistence/edition-context';
import { flagDuplicates, priorAwardsOf } from '../persistence/candidate-checks';
import { RefereeEntity, TipOffEntity } from '../persistence/evidence.entity';
import { NominationEntity } from '../persistence/nomination.entity';
import { recordEvent } from './draft-nomination.use-case';

const PUBLIC_KINDS = ['selfNomination', 'otherPerson'];
const REFEREE_LINK_DAYS = 14;

export interface PublicNominationCommand {
  channelId: string;
  dossier: Record<string, unknown>;
  referees: { name: string; email: string }[];
}

/** Channels open to the public: self-nomination (vouched for by referees), recommendation, tip-offs. */
@Injectable()
export class PublicChannelsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async nominate(editionId: string, command: PublicNominationCommand): Promise<NominationEntity> {
    const context = await this.editions.load(editionId);
    const { edition, definition } = context;
    const channel = channelOf(definition, command.channelId);
    if (!PUBLIC_KINDS.includes(channel.kind)) {
      throw new DomainError(
        'FORBIDDEN',
        `The ${channel.id} channel is for nominating units, not the public`,
      );
    }
    if (!isOpen(edition))
      throw new NominationWindowClosedError(edition.nominationOpensAt, edition.nominationClosesAt);
    const required = channel.referees?.count ?? 0;
    if (command.referees.length !== required) {
      throw new RequestValidationError([
        { path: 'referees', message: `referees must name exactly ${required} people` },
      ]);
    }
    const errors = validateDossier(definition, command.dossier);
    if (errors.length > 0) throw new RequestValidationError(toFieldErrors(errors));
    const { open, personal } = splitDossier(definition, command.dossier);
    const identifier = command.dossier[IDENTITY_FIELD];
    const identityHash =
      typeof identifier === 'string' && identifier.trim()
        ? this.cipher.identityHash(identifier)
        : null;

    return this.dataSource.transaction(async (tx) => {
      const priorAwards = await priorAwardsOf(tx, identityHash);
      const eligibility = context.compiled.evaluate(command.dossier, {
        referenceDate: edition.referenceDate,
        priorAwards,
      });
      const nomination = await tx.save(
        tx.create(NominationEntity, {
          editionId,
          channelId: channel.id,
          nominatingOrganisationId: null,
          status: required > 0 ? 'awaitingReferees' : 'forwarded',
          maskedName: maskName(command.dossier[NAME_FIELD]),
          dossier: open,
          piiCiphertext: this.cipher.encrypt(personal),
          identityHash,
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
      for (const referee of command.referees) {
        const token = randomToken();
        await tx.insert(RefereeEntity, {
          nominationId: nomination.id,
          piiCiphertext: this.cipher.encrypt(referee),
          tokenHash: tokenHash(token),
          confirmedAt: null,
          expiresAt: new Date(Date.now() + REFEREE_LINK_DAYS * 86400_000),
        });
        await addOutboxEvent(tx, 'nomination.referee-requested', {
          nominationId: nomination.id,
          email: referee.email,
          confirmUrl: `${this.config.PUBLIC_URL}/referee?token=${token}`,
        });
      }
      await recordEvent(tx, nomination, 'submitted', null, null);
      await this.audit.record(tx, {
        action: 'nomination.public-submitted',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { editionId, channelId: channel.id, referees: required },
        actor: null,
      });
      return nomination;
    });
  }

  /** A referee vouches through their link; the last confirmation sends the nomination on. */
  confirmReferee(token: string): Promise<{ nominationId: string; status: string }> {
    return this.dataSource.transaction(async (tx) => {
      const { raw } = await tx
        .createQueryBuilder()
        .update(RefereeEntity)
        .set({ confirmedAt: () => 'now()' })
        .where('token_hash = :hash AND confirmed_at IS NULL AND expires_at > now()', {
          hash: tokenHash(token),
        })
        .returning('id, nomination_id')
        .execute();
      const referee = (raw as { id: string; nomination_id: string }[])[0];
      if (!referee)
        throw new DomainError(
          'TOKEN_INVALID',
          'This link is invalid, has expired or has already been used',
        );
      const nomination = await tx.findOneOrFail(NominationEntity, {
        where: { id: referee.nomination_id },
        lock: { mode: 'pessimistic_write' },
      });
      const unconfirmed = await tx.countBy(RefereeEntity, {
        nominationId: nomination.id,
        confirmedAt: IsNull(),
      });
      if (nomination.status === 'awaitingReferees' && unconfirmed === 0) {
        nomination.status = 'forwarded';
        await tx.save(nomination);
        await recordEvent(tx, nomination, 'referees-confirmed', 'awaitingReferees', null);
        await addOutboxEvent(tx, 'nomination.forwarded', {
          nominationId: nomination.id,
          editionId: nomination.editionId,
        });
      }
      await this.audit.record(tx, {
        action: 'nomination.referee-confirmed',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { referee: referee.id, status: nomination.status },
        actor: null,
      });
      return { nominationId: nomination.id, status: nomination.status };
    });
  }

  async tipOff(
    editionId: string,
    tip: {
      candidateName: string;
      employer: string;
      reason: string;
      contact: { name: string; phone?: string; email?: string };
    },
  ): Promise<{ id: string }> {
    const { edition } = await this.editions.load(editionId);
    if (!isOpen(edition))
      throw new NominationWindowClosedError(edition.nominationOpensAt, edition.nominationClosesAt);
    return this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(TipOffEntity, {
          editionId,
          candidateName: tip.candidateName,
          employer: tip.employer,
          reason: tip.reason,
          contactCiphertext: this.cipher.encrypt(tip.contact),
          followedUpAt: null,
        }),
      );
      await addOutboxEvent(tx, 'nomination.tip-off-received', { tipOffId: saved.id, editionId });
      await this.audit.record(tx, {
        action: 'tip-off.received',
        subjectType: 'tip_off',
        subjectId: saved.id,
        actor: null,
      });
      return { id: saved.id };
    });
  }

  /** The secretariat's follow-up list; the tipsters' contact details are personal data, so the read is audited. */
  async listTipOffs(editionId: string) {
    const tips = await this.dataSource.manager.find(TipOffEntity, {
      where: { editionId },
      order: { createdAt: 'DESC' },
    });
    if (tips.length > 0) {
      await this.audit.recordStandalone(this.dataSource, {
        action: 'pii.read',
        subjectType: 'edition',
        subjectId: editionId,
        after: { tipOffs: tips.map((t) => t.id) },
      });
    }
    return tips.map((tip) => ({
      id: tip.id,
      candidateName: tip.candidateName,
      employer: tip.employer,
      reason: tip.reason,
      contact: this.cipher.decrypt<{ name: string; phone?: string; email?: string }>(
        tip.contactCiphertext,
      ),
      receivedAt: tip.createdAt.toISOString(),
    }));
  }
}
