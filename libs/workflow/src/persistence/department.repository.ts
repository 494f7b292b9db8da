import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkflowDepartmentEntity } from './workflow.entities';

/** Which organisation acts as each of the definition's departments in an edition. */
@Injectable()
export class DepartmentRepository {
  async mapping(tx: EntityManager, editionId: string): Promise<Map<string, string>> {
    const rows = await tx.find(WorkflowDepartmentEntity, { where: { editionId } });
    return new Map(rows.map((r) => [r.departmentId, r.organisationId]));
  }

  list(tx: EntityManager, editionId: string): Promise<WorkflowDepartmentEntity[]> {
    return tx.find(WorkflowDepartmentEntity, {
      where: { editionId },
      order: { departmentId: 'ASC' },
    });
  }

  /** Sets the given departments' organisations in one statement; others stay as they were. */
  async map(
    tx: EntityManager,
    editionId: string,
    entries: readonly { departmentId: string; organisationId: string }[],
    mappedBy: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO workflow_department (edition_id, department_id, organisation_id, mapped_by)
       SELECT $1, d.department_id, d.organisation_id, $4 FROM unnest($2::varchar[], $3::uuid[]) AS d(department_id, organisation_id)
       ON CONFLICT (edition_id, department_id)
       DO UPDATE SET organisation_id = EXCLUDED.organisation_id, mapped_by = EXCLUDED.mapped_by, mapped_at = now()`,
      [
        editionId,
        entries.map((e) => e.departmentId),
        entries.map((e) => e.organisationId),
        mappedBy,
      ],
    );
  }
}
