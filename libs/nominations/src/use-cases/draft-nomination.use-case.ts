import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation, type SignedInActor } from '@craftcert/identity';
import { DomainError, PiiCipher } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf, NOMINATING_KIND } from '../domain/channels';
import { checkDraftDossier } from '../domain/dossier-codec';
import { sealDossier } from '../domain/sealed-dossier';
import { NominationEntity } from '../persistence/nomination.entity';
import { recordEvent } from '../persistence/nomination.repository';

/**
 * A unit starts a nomination. The draft may be incomplete (missing required fields are checked
 * at submission) but every value present must already have the right shape.
 */
@Injectable()
export class DraftNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    dossier: Record<string, unknown>,
  ): Promise<NominationEntity> {
    const { definition } = await this.editions.execute(editionId);
    const channel = channelOf(definition, channelId);
    checkDraftDossier(definition, dossier);
    return this.dataSource.transaction(async (tx) => {
      const unit = await findOrganisation(tx, actor.organisationId);
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
        ...sealDossier(definition, dossier, this.cipher),
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
}
