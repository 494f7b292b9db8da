import { Injectable } from '@nestjs/common';
import type { Actor } from '@craftcert/platform';
import { WorkflowQueries } from '../persistence/workflow.queries';

/** The requests for more information a nominating unit still has to answer. */
@Injectable()
export class ListInformationRequestsUseCase {
  constructor(private readonly queries: WorkflowQueries) {}

  execute(actor: Actor) {
    return this.queries.openRequestsOf(actor.organisationId);
  }
}
