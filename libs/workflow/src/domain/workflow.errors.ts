import type { Explanation } from '@craftcert/pipeline';
import { DomainError } from '@craftcert/platform';

/** A stage transition or a decision the workflow's state does not allow, with the reason in English. */
export class WorkflowStateError extends DomainError {
  constructor(message: string) {
    super('INVALID_TRANSITION', message);
  }

  static from(explanation: Explanation): WorkflowStateError {
    return new WorkflowStateError(`${explanation.en} (${explanation.zh})`);
  }
}
