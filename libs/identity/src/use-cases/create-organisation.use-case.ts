import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { DomainError, RequestValidationError } from '@craftcert/platform';
import { ALLOWED_PARENTS, OrganisationKind } from '../domain/roles';
import { OrganisationEntity } from '../persistence/organisation.entity';

export interface CreateOrganisationCommand {
  kind: OrganisationKind;
  name: string;
  parentId?: string;
  district?: string;
  industrySection?: string;
  enterpriseType?: string;
}

@Injectable()
export class CreateOrganisationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  execute(command: CreateOrganisationCommand): Promise<OrganisationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const allowed = ALLOWED_PARENTS[command.kind];
      const parent = command.parentId
        ? await tx.findOneBy(OrganisationEntity, { id: command.parentId })
        : null;
      if (command.parentId && !parent) {
        throw new RequestValidationError([
          { path: 'parentId', message: 'parentId names no organisation' },
        ]);
      }
      const misplaced =
        allowed.length === 0 ? parent !== null : !parent || !allowed.includes(parent.kind);
      if (misplaced) {
        throw new DomainError(
          'VALIDATION_FAILED',
          allowed.length === 0
            ? `A ${command.kind} has no parent organisation`
            : `A ${command.kind} must sit under one of: ${allowed.join(', ')}`,
          [{ path: 'parentId', message: `must name a ${allowed.join(' or ') || 'nothing'}` }],
        );
      }
      const id = randomUUID();
      const organisation = await tx.save(
        tx.create(OrganisationEntity, {
          id,
          kind: command.kind,
          name: command.name,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          district: command.district ?? parent?.district ?? null,
          industrySection: command.industrySection ?? null,
          enterpriseType: command.enterpriseType ?? null,
        }),
      );
      await this.audit.record(tx, {
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: id,
        after: {
          kind: organisation.kind,
          name: organisation.name,
          parentId: organisation.parentId,
        },
      });
      return organisation;
    });
  }
}
