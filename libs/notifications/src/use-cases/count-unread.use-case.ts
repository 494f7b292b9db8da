import { Injectable } from '@nestjs/common';
import { InboxRepository } from '../persistence/inbox.repository';

/** How many of the caller's notifications are unread. */
@Injectable()
export class CountUnreadUseCase {
  constructor(private readonly inbox: InboxRepository) {}

  execute(userId: string): Promise<number> {
    return this.inbox.unreadCount(userId);
  }
}
