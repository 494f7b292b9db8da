import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Member, organisationMembers } from '@craftcert/identity';
import type { DetectedConflict } from '../domain/conflict-detection';
import { ConflictRepository } from '../persistence/conflict.repository';
import { TaskRepository } from '../persistence/task.repository';
import { ConflictCheck } from './conflict-check';

export interface RegisteredDetection extends DetectedConflict {
  taskId: string;
  stageId: string;
  taskKey: string;
  nominationId: string;
  userId: string;
  waived: boolean;
}

/**
 * Everything the secretariat checks before work starts: every declaration, every conflict the
 * hierarchy and profiles reveal between the departments' reviewers and the candidates of tasks
 * still to be done (waived ones marked), the waivers, each assignment and recusal, and the tasks
 * that nobody in their department may take.
 */
@Injectable()
export class ReadConflictRegisterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly conflicts: ConflictRepository,
    private readonly check: ConflictCheck,
  ) {}

  async execute(editionId: string) {
    const tx = this.dataSource.manager;
    const open = await this.conflicts.openDepartmentTasks(tx, editionId);
    const register = await this.conflicts.register(tx, editionId);
    const waived = new Set(register.waivers.map((w) => `${w.taskId}:${w.userId}`));
    const detections: RegisteredDetection[] = [];
    for (const organisationId of new Set(open.map((t) => t.organisationId!))) {
      const members: Member[] = await organisationMembers(tx, organisationId, 'departmentReviewer');
      const theirs = open.filter((t) => t.organisationId === organisationId);
      const found = await this.check.detect(
        tx,
        theirs.map((t) => ({ ...t, editionId })),
        members,
      );
      for (const task of theirs) {
        for (const member of members) {
          for (const conflict of found.get(`${task.id}:${member.userId}`) ?? []) {
            detections.push({
              ...conflict,
              taskId: task.id,
              stageId: task.stageId,
              taskKey: task.taskKey,
              nominationId: task.nominationId,
              userId: member.userId,
              waived: waived.has(`${task.id}:${member.userId}`),
            });
          }
        }
      }
    }
    return {
      declarations: await this.tasks.declarations(tx, editionId),
      detections,
      ...register,
    };
  }
}
