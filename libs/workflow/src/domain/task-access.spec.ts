import { mayDecide, maySee } from './task-access';

const department = { assigneeKind: 'department' as const, organisationId: 'hrss-org' };
const secretariat = { assigneeKind: 'secretariat' as const, organisationId: null };
const actor = (organisationId: string, ...roles: string[]) => ({
  userId: 'u',
  organisationId,
  roles,
});

describe('who decides and who sees a task', () => {
  it('a department task is decided only by reviewers of that department', () => {
    expect(mayDecide(actor('hrss-org', 'departmentReviewer'), department)).toBe(true);
    expect(mayDecide(actor('other-org', 'departmentReviewer'), department)).toBe(false);
    expect(mayDecide(actor('hrss-org', 'auditor'), department)).toBe(false);
    // The secretariat sees it but does not decide for the department.
    expect(mayDecide(actor('secretariat', 'secretariatAdmin'), department)).toBe(false);
    expect(maySee(actor('secretariat', 'secretariatAdmin'), department)).toBe(true);
  });

  it('a task assigned to one reviewer is theirs alone within the department', () => {
    const assigned = { ...department, assigneeUserId: 'u' };
    expect(mayDecide(actor('hrss-org', 'departmentReviewer'), assigned)).toBe(true);
    expect(
      mayDecide({ ...actor('hrss-org', 'departmentReviewer'), userId: 'other' }, assigned),
    ).toBe(false);
    expect(maySee({ ...actor('hrss-org', 'departmentReviewer'), userId: 'other' }, assigned)).toBe(
      false,
    );
  });

  it('secretariat tasks are decided by its admins; auditors only read; reviewers neither', () => {
    expect(mayDecide(actor('secretariat', 'secretariatAdmin'), secretariat)).toBe(true);
    expect(mayDecide(actor('secretariat', 'auditor'), secretariat)).toBe(false);
    expect(maySee(actor('secretariat', 'auditor'), secretariat)).toBe(true);
    expect(maySee(actor('hrss-org', 'departmentReviewer'), secretariat)).toBe(false);
  });
});
