import { DomainError } from '@craftcert/platform';

/**
 * A department reviewer opens a dossier or decides only after declaring on the task: with no
 * conflict they go ahead; with a conflict they are recused and another member of the department
 * takes the task. Secretariat tasks have no such gate.
 */
export function requireClearDeclaration(
  task: { assigneeKind: string },
  declaration: { conflict: boolean } | null,
): void {
  if (task.assigneeKind !== 'department') return;
  if (!declaration) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'Declare whether you have a conflict of interest with this candidate before opening the dossier or deciding',
    );
  }
  if (declaration.conflict) {
    throw new DomainError(
      'FORBIDDEN',
      'You declared a conflict of interest and are recused from this task',
    );
  }
}
