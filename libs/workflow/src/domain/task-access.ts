import type { Actor } from '@craftcert/platform';
import type { AssigneeKind } from './task-status';

interface OwnedTask {
  assigneeKind: AssigneeKind;
  organisationId: string | null;
  /** A named member of the department; null: any of its reviewers. */
  assigneeUserId?: string | null;
}

/**
 * Who decides a task: a department's reviewers their department's tasks; the secretariat its own
 * checks and the approving body's recorded decisions. Nobody else (not even the secretariat for
 * a department) — a department's judgement is its own. A task assigned to one reviewer is theirs alone.
 */
export function mayDecide(actor: Actor, task: OwnedTask): boolean {
  if (task.assigneeKind === 'department') {
    return (
      actor.roles.includes('departmentReviewer') &&
      actor.organisationId === task.organisationId &&
      (!task.assigneeUserId || task.assigneeUserId === actor.userId)
    );
  }
  return actor.roles.includes('secretariatAdmin');
}

/** Who sees a task: whoever decides it, and the overseers (secretariat, auditors). */
export function maySee(actor: Actor, task: OwnedTask): boolean {
  return (
    mayDecide(actor, task) ||
    actor.roles.includes('secretariatAdmin') ||
    actor.roles.includes('auditor')
  );
}
