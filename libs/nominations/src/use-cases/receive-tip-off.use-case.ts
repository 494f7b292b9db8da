import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, PiiCipher, Topic } from '@craftcert/platform';
import { isNominationWindowOpen, LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { NominationWindowClosedError } from '../domain/nomination.errors';
import { TipOffEntity } from '../persistence/evidence.entity';

export interface TipOffContact {
  name: string;
  phone?: string;
  email?: string;
}

export interface TipOffCommand {
  candidateName: string;
  employer: string;
  reason: string;
  contact: TipOffContact;
}

/** A member of the public points the secretariat at someone; their contact is kept encrypted. */
@Injectable()
export class ReceiveTipOffUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(editionId: string, tip: TipOffCommand): Promise<{ id: string }> {
    const { edition } = await this.editions.execute(editionId);
    if (!isNominationWindowOpen(edition))
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
      await addOutboxEvent(tx, Topic.TipOffReceived, { tipOffId: saved.id, editionId });
      await this.audit.record(tx, {
        action: 'tip-off.received',
        subjectType: 'tip_off',
        subjectId: saved.id,
        actor: null,
      });
      return { id: saved.id };
    });
  }
}
