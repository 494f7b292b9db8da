import { Injectable } from '@nestjs/common';
import { InboxRepository } from '../persistence/inbox.repository';

/** Marks every unread notification of the caller read; returns how many. */
@Injectable()
export class MarkAllReadUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  execute(userId: string): Promise<number> {
    return this.inbox.markAllRead(userId);
  }
}
