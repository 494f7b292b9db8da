import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateEntity } from './publication.entities';

export type NewCertificate = Pick<
  CertificateEntity,
  | 'certificateNo'
  | 'editionId'
  | 'nominationId'
  | 'holderName'
  | 'publicFields'
  | 'title'
  | 'credential'
>;

/** Certificates: issued once per holder and edition, read by number, revoked in place. */
@Injectable()
export class CertificateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Issues the certificates; a holder who already has one for the edition keeps it. */
  async issue(tx: EntityManager, certificates: readonly NewCertificate[]): Promise<void> {
    if (certificates.length === 0) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(CertificateEntity)
      .values(certificates.map((c) => ({ ...c })))
      .orIgnore()
      .execute();
  }

  byNumber(certificateNo: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(CertificateEntity, { where: { certificateNo } });
  }

  forEdition(tx: EntityManager, editionId: string) {
    return tx.find(CertificateEntity, { where: { editionId } });
  }

  /** Locks the certificate for a change of status. */
  lock(tx: EntityManager, certificateNo: string) {
    return tx.findOne(CertificateEntity, {
      where: { certificateNo },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async revoke(
    tx: EntityManager,
    id: string,
    revocation: { grounds: string; actorId: string; at: Date },
  ): Promise<void> {
    await tx.update(CertificateEntity, id, {
      status: 'revoked',
      revokedAt: revocation.at,
      revocationGrounds: revocation.grounds,
      revokedBy: revocation.actorId,
    });
  }

  /** Revokes every valid certificate of an edition in one statement; returns their numbers. */
  async revokeEdition(
    tx: EntityManager,
    editionId: string,
    revocation: { grounds: string; actorId: string; at: Date },
  ): Promise<string[]> {
    const [rows] = (await tx.query(
      `UPDATE certificate SET status = 'revoked', revoked_at = $2, revocation_grounds = $3,
         revoked_by = $4
       WHERE edition_id = $1 AND status = 'valid' RETURNING certificate_no`,
      [editionId, revocation.at, revocation.grounds, revocation.actorId],
    )) as [{ certificate_no: string }[], number];
    return rows.map((r) => r.certificate_no).toSorted();
  }
}
