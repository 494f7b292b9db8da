import { Injectable } from '@nestjs/common';
import { InboxRepository, type InboxRow } from '../persistence/inbox.repository';

/** The caller's own in-app notifications, newest first. */
@Injectable()
export class ListInboxUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  execute(
    userId: string,
    options: { unread: boolean; limit: number; offset: number },
  ): Promise<InboxRow[]> {
    return this.inbox.list(userId, options);
  }
}
