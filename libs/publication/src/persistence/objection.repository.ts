import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ObjectionEntity } from './publication.entities';

export type NewObjection = Pick<
  ObjectionEntity,
  | 'receiptNo'
  | 'editionId'
  | 'stageId'
  | 'nominationId'
  | 'objectorKind'
  | 'objectorMasked'
  | 'contactCiphertext'
  | 'facts'
  | 'channel'
  | 'recordedBy'
>;

/** Objections: received once with a receipt number, triaged in place. */
@Injectable()
export class ObjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async receive(tx: EntityManager, objection: NewObjection): Promise<ObjectionEntity> {
    return tx.save(tx.create(ObjectionEntity, objection));
  }

  forEdition(editionId: string): Promise<ObjectionEntity[]> {
    return this.dataSource.manager.find(ObjectionEntity, {
      where: { editionId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  byId(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(ObjectionEntity, { where: { id } });
  }

  lock(tx: EntityManager, id: string) {
    return tx.findOne(ObjectionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async decide(
    tx: EntityManager,
    id: string,
    change: Pick<ObjectionEntity, 'status' | 'findings' | 'decidedAt'>,
  ): Promise<void> {
    await tx.update(ObjectionEntity, id, change);
  }
}
