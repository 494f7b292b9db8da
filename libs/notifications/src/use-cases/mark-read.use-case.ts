import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@craftcert/platform';
import { InboxRepository } from '../persistence/inbox.repository';

/** Marks one of the caller's notifications read (again is a no-op); another's answers 404. */
@Injectable()
export class MarkReadUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  async execute(userId: string, notificationId: string): Promise<void> {
    if (!(await this.inbox.markRead(userId, notificationId))) {
      throw new NotFoundError(`Notification ${notificationId}`);
    }
  }
}
