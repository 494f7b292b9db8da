import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { PiiCipher } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { checkDraftDossier } from '../domain/dossier-codec';
import { EDITABLE, requireStatus } from '../domain/nomination-status';
import { sealDossier } from '../domain/sealed-dossier';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/** The unit replaces an editable nomination's dossier; any earlier evaluation no longer holds. */
@Injectable()
export class SaveDossierUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  execute(
    actor: SignedInActor,
    nominationId: string,
    dossier: Record<string, unknown>,
  ): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockOwn(tx, actor, nominationId);
      requireStatus(nomination, EDITABLE, 'edit');
      const { definition } = await this.editions.execute(nomination.editionId, tx);
      checkDraftDossier(definition, dossier);
      Object.assign(nomination, sealDossier(definition, dossier, this.cipher), {
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
}
