import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@craftcert/calendar';
import type { Actor } from '@craftcert/platform';
import { type InboxFilter, type TaskView, WorkflowQueries } from '../persistence/workflow.queries';

/** A reviewer's own tasks (their department's; the secretariat's for its admins), soonest due first. */
@Injectable()
export class ListReviewInboxUseCase {
  constructor(private readonly queries: WorkflowQueries) {}

  execute(actor: Actor, filter: InboxFilter): Promise<TaskView[]> {
    return this.queries.inbox(actor, toLocalDate(new Date()), filter);
  }
}
