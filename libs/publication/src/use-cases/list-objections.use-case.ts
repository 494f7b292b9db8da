import { Injectable } from '@nestjs/common';
import { ObjectionRepository } from '../persistence/objection.repository';

/** The secretariat's list of an edition's objections: objectors masked, contacts withheld. */
@Injectable()
export class ListObjectionsUseCase {
  constructor(private readonly objections: ObjectionRepository) {}

  async execute(editionId: string) {
    return (await this.objections.forEdition(editionId)).map((o) => ({
      id: o.id,
      receiptNo: o.receiptNo,
      nominationId: o.nominationId,
      objectorKind: o.objectorKind,
      objector: o.objectorMasked,
      facts: o.facts,
      channel: o.channel,
      status: o.status,
      findings: o.findings,
      receivedAt: o.receivedAt,
      decidedAt: o.decidedAt,
    }));
  }
}
