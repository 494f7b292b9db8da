import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { OrganisationEntity } from '@craftcert/identity';
import { validateDossier } from '@craftcert/pipeline';
import { DomainError, RequestValidationError } from '@craftcert/platform';
import { PiiCipher } from '../crypto/pii-cipher';
import {
  maskName,
  NAME_FIELD,
  splitDossier,
  toFieldErrors,
  IDENTITY_FIELD,
} from '../domain/dossier-codec';
import { InvalidTransitionError } from '../domain/nomination.errors';
import { EDITABLE, NOMINATING_KIND } from '../domain/nomination-status';
import { channelOf, EditionContext, EditionContexts } from '../persistence/edition-context';
import { NominationAccess } from '../persistence/nomination-access';
import { NominationEntity, NominationEventEntity } from '../persistence/nomination.entity';

/**
 * Creates and saves drafts. A draft may be incomplete (missing required fields are checked at
 * submission) but every value present must already have the right shape.
 */
@Injectable()
export class DraftNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly access: NominationAccess,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async create(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    dossier: Record<string, unknown>,
  ): Promise<NominationEntity> {
    const context = await this.editions.load(editionId);
    const channel = channelOf(context.definition, channelId);
    checkDraft(context, dossier);
    return this.dataSource.transaction(async (tx) => {
      const unit = await tx.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
      if (NOMINATING_KIND[channel.kind] !== unit.kind) {
        throw new DomainError(
          'FORBIDDEN',
          `A ${unit.kind} cannot nominate through the ${channel.id} channel`,
        );
      }
      const nomination = tx.create(NominationEntity, {
        editionId,
        channelId,
        nominatingOrganisationId: unit.id,
        status: 'draft',
        createdBy: actor.userId,
        unitRank: null,
        eligibility: null,
        eligible: null,
        flags: {},
        submittedAt: null,
        ...this.sealed(context, dossier),
      });
      await tx.save(nomination);
      await recordEvent(tx, nomination, 'created', null, actor.userId);
      await this.audit.record(tx, {
        action: 'nomination.created',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { editionId, channelId, organisationId: unit.id },
      });
      return nomination;
    });
  }

  async update(
    actor: SignedInActor,
    nominationId: string,
    dossier: Record<string, unknown>,
  ): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.access.load(actor, nominationId, tx, {
        lock: true,
        ownUnitOnly: true,
      });
      if (!EDITABLE.includes(nomination.status))
        throw new InvalidTransitionError('edit', nomination.status);
      const context = await this.editions.load(nomination.editionId, tx);
      checkDraft(context, dossier);
      Object.assign(nomination, this.sealed(context, dossier), {
        eligibility: null,
        eligible: null,
      });
      await tx.save(nomination);
      await this.audit.record(tx, {
        action: 'nomination.saved',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { fields: Object.keys(dossier).length },
      });
      return nomination;
    });
  }

  /** The stored form of a dossier: open fields, sealed personal fields, masked name, identity hash. */
  private sealed(context: EditionContext, dossier: Record<string, unknown>) {
    const { open, personal } = splitDossier(context.definition, dossier);
    const identifier = dossier[IDENTITY_FIELD];
    return {
      dossier: open,
      piiCiphertext: this.cipher.encrypt(personal),
      maskedName: maskName(dossier[NAME_FIELD]),
      identityHash:
        typeof identifier === 'string' && identifier.trim()
          ? this.cipher.identityHash(identifier)
          : null,
    };
  }
}

function checkDraft(context: EditionContext, dossier: Record<string, unknown>): void {
  const errors = validateDossier(context.definition, dossier).filter(
    (e) => e.message !== 'is required',
  );
  if (errors.length > 0) throw new RequestValidationError(toFieldErrors(errors));
}

export async function recordEvent(
  tx: EntityManager,
  nomination: NominationEntity,
  kind: string,
  fromStatus: string | null,
  actorId: string | null,
  note: string | null = null,
): Promise<void> {
  await tx.insert(NominationEventEntity, {
    nominationId: nomination.id,
    kind,
    fromStatus,
    toStatus: nomination.status,
    note,
    actorId,
  });
}
