import { Injectable } from '@nestjs/common';
import {
  type PublishedListSummary,
  PublishedListRepository,
} from '../persistence/published-list.repository';

/** The public home: notices under way and past announcements, newest first. */
@Injectable()
export class ListPublishedListsUseCase {
  constructor(private readonly lists: PublishedListRepository) {}

  async execute(): Promise<{
    notices: PublishedListSummary[];
    announcements: PublishedListSummary[];
  }> {
    const all = await this.lists.summaries();
    // An edition with an announcement is no longer in notice.
    const released = new Set(all.filter((l) => l.kind === 'announcement').map((l) => l.editionId));
    return {
      notices: all.filter((l) => l.kind === 'notice' && !released.has(l.editionId)),
      announcements: all.filter((l) => l.kind === 'announcement'),
    };
  }
}
