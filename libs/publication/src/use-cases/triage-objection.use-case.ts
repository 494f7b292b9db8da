import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, NotFoundError, Topic } from '@craftcert/platform';
import { mayMoveObjection, type ObjectionStatus } from '../domain/objection';
import { ObjectionTransitionError } from '../domain/publication.errors';
import { ObjectionRepository } from '../persistence/objection.repository';
import { PublishedListRepository } from '../persistence/published-list.repository';

/**
 * The secretariat moves an objection through investigating → upheld or dismissed, with findings.
 * Upholding removes the person from the notice, which is republished with the change and its
 * date; the place stays empty (promoting a replacement is the selection engine's, later).
 */
@Injectable()
export class TriageObjectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly objections: ObjectionRepository,
    private readonly lists: PublishedListRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(objectionId: string, to: ObjectionStatus, findings: string) {
    return this.dataSource.transaction(async (tx) => {
      const objection = await this.objections.lock(tx, objectionId);
      if (!objection) throw new NotFoundError(`Objection ${objectionId}`);
      if (!mayMoveObjection(objection.status, to))
        throw new ObjectionTransitionError(objection.status, to);
      const decidedAt = new Date();
      await this.objections.decide(tx, objection.id, {
        status: to,
        findings,
        decidedAt: to === 'investigating' ? null : decidedAt,
      });
      let removed = false;
      if (to === 'upheld') {
        const notice = await this.lists.lockNotice(tx, objection.editionId);
        const entry = notice?.entries.find((e) => e.nominationId === objection.nominationId);
        if (notice && entry) {
          const entries = notice.entries
            .filter((e) => e !== entry)
            .map((e, i) => ({ ...e, position: i + 1 }));
          await this.lists.republish(tx, notice.id, entries, {
            at: decidedAt.toISOString(),
            zh: `经核查，${entry.name}因异议成立被移出名单（受理编号 ${objection.receiptNo}）`,
            en: `${entry.name} was removed from the list after an objection was upheld (receipt ${objection.receiptNo})`,
          });
          removed = true;
        }
      }
      await this.audit.record(tx, {
        action: 'objection.triaged',
        subjectType: 'objection',
        subjectId: objection.id,
        before: { status: objection.status },
        after: { status: to, removedFromNotice: removed },
      });
      if (removed) {
        await addOutboxEvent(tx, Topic.NoticeRepublished, {
          editionId: objection.editionId,
          nominationId: objection.nominationId,
        });
      }
      return { id: objection.id, receiptNo: objection.receiptNo, status: to, findings, removed };
    });
  }
}
