import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation } from '@craftcert/identity';
import { type FieldError, RequestValidationError } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { DepartmentRepository } from '../persistence/department.repository';
import { StageRepository } from '../persistence/stage.repository';
import { StageRunner } from './stage-runner';

/**
 * Chooses which organisation acts as each of the definition's departments in an edition (the
 * bureau that acts as `hrss`). Only department organisations qualify, and a department cannot
 * change hands once a review stage that uses it has been entered (its tasks are already assigned).
 */
@Injectable()
export class MapDepartmentsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly stages: StageRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(
    editionId: string,
    entries: readonly { departmentId: string; organisationId: string }[],
    actorId: string,
  ): Promise<Record<string, string>> {
    return this.dataSource.transaction(async (tx) => {
      await this.stages.lockEdition(tx, editionId);
      const graph = await this.runner.graph(tx, editionId);
      const entered = new Set((await this.stages.transitions(tx, editionId)).map((t) => t.stageId));
      const usedBy = new Map<string, string>();
      for (const stage of graph.stages) {
        if (stage.kind === 'departmentalReview')
          for (const d of stage.departments) usedBy.set(d.id, stage.id);
      }
      const errors: FieldError[] = [];
      for (const [i, { departmentId, organisationId }] of entries.entries()) {
        const path = `departments[${i}].departmentId`;
        if (entries.findIndex((e) => e.departmentId === departmentId) !== i) {
          errors.push({ path, message: `maps ${departmentId} a second time` });
          continue;
        }
        if (!usedBy.has(departmentId)) {
          errors.push({
            path,
            message: `is not a department of the edition's definition (${[...usedBy.keys()].join(', ')})`,
          });
          continue;
        }
        const organisation = await findOrganisation(tx, organisationId).catch(() => null);
        if (organisation?.kind !== 'department')
          errors.push({
            path: `departments[${i}].organisationId`,
            message: 'must be the id of a department organisation',
          });
        if (entered.has(usedBy.get(departmentId)!)) {
          throw new WorkflowStateError(
            `The review stage using ${departmentId} has been entered; its tasks are assigned`,
          );
        }
      }
      if (errors.length > 0) throw new RequestValidationError(errors);
      const before = Object.fromEntries(await this.departments.mapping(tx, editionId));
      await this.departments.map(tx, editionId, entries, actorId);
      const after = Object.fromEntries(await this.departments.mapping(tx, editionId));
      await this.audit.record(tx, {
        action: 'workflow.departments-mapped',
        subjectType: 'edition',
        subjectId: editionId,
        before,
        after,
      });
      return after;
    });
  }
}
