import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type Actor, PiiCipher } from '@craftcert/platform';
import { ConflictRepository } from '../persistence/conflict.repository';
import type { ReviewerRelationEntity, RelationKind } from '../persistence/workflow.entities';

export interface DeclareRelationCommand {
  kind: RelationKind;
  organisationId?: string;
  /** For mentoring: the other person's ID number, kept only as its keyed hash. */
  idNumber?: string;
  note?: string;
}

/**
 * A reviewer or expert adds a relation to their profile (an employer, a former employer, a
 * relative's employer, a mentoring relation). Assignments from then on are checked against it.
 */
@Injectable()
export class DeclareRelationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, command: DeclareRelationCommand): Promise<ReviewerRelationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const mentoring = command.kind === 'mentoring';
      const relation = await this.conflicts.addRelation(tx, {
        userId: actor.userId,
        kind: command.kind,
        organisationId: mentoring ? null : command.organisationId!,
        identityHash: mentoring ? this.cipher.identityHash(command.idNumber!) : null,
        note: command.note ?? null,
      });
      await this.audit.record(tx, {
        action: 'workflow.relation-declared',
        subjectType: 'user',
        subjectId: actor.userId,
        after: {
          relationId: relation.id,
          kind: relation.kind,
          organisationId: relation.organisationId,
        },
      });
      return relation;
    });
  }
}
