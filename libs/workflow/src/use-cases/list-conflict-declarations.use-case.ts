import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaskRepository } from '../persistence/task.repository';

/** Every conflict-of-interest declaration on an edition's tasks, conflicts first, for the secretariat. */
@Injectable()
export class ListConflictDeclarationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
  ) {}

  execute(editionId: string) {
    return this.tasks.declarations(this.dataSource.manager, editionId);
  }
}
