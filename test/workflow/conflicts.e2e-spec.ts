import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  createStaff,
  openEdition,
  shippedSource,
  type Staff,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import {
  coverNextYear,
  createDepartments,
  decide,
  DepartmentDesk,
  DepartmentKey,
  forwardNominations,
  inbox,
  mapDepartments,
  reviewFirstSource,
  transition,
} from './workflow-world';

const STAGE = 'departmental-review';

describe('conflicts of interest detected from the organisation hierarchy and reviewers’ profiles', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let admin: string;
  let editionId: string;
  let desks: Record<DepartmentKey, DepartmentDesk>;
  let eligible: string[];
  /** hrss reviewers: one who works for the candidates' enterprise, one formerly at its union, one unrelated. */
  let insider: Staff;
  let unionAlumnus: Staff;
  let outsider: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    admin = cast.staff.secretariatAdmin.token;
    await coverNextYear(t, admin);
    desks = await createDepartments(t, cast);
    ({ editionId } = await openEdition(t, {
      code: `conflicts-${Math.random().toString(36).slice(2, 8)}`,
      source: reviewFirstSource(shippedSource('hangzhou-city-craftsman'), '{ policy: all }'),
    }));
    // Two nominations from the cast's enterprise, the third from another under the same union.
    ({ eligible } = await forwardNominations(t, cast, editionId, 3));
    await mapDepartments(t, admin, editionId, desks);
    const entered = await transition(t, admin, editionId, `stages/${STAGE}/enter`);
    if (entered.statusCode !== 200) throw new Error(`entering: ${entered.body}`);
    // The desk's own reviewer is not in this story: they recuse themselves on everything below.
    insider = await createStaff(t, desks.hrss.organisationId, ['departmentReviewer']);
    unionAlumnus = await createStaff(t, desks.hrss.organisationId, ['departmentReviewer']);
    outsider = await createStaff(t, desks.hrss.organisationId, ['departmentReviewer']);
  });
  afterAll(() => t.close());

  const relate = (staff: Staff, payload: unknown) =>
    t.request({ method: 'POST', url: '/api/reviewer-relations', token: staff.token, payload });
  const assign = (taskId: string, userId: string) =>
    t.request({
      method: 'PUT',
      url: `/api/review-tasks/${taskId}/assignee`,
      token: admin,
      payload: { userId },
    });
  const hrssTaskOf = async (nominationId: string) => {
    const [row] = await db.query(
      `SELECT id FROM review_task WHERE edition_id = $1 AND task_key = 'hrss' AND nomination_id = $2`,
      [editionId, nominationId],
    );
    return row.id as string;
  };
  const assigneeOf = async (taskId: string) =>
    (
      await db.query(
        `SELECT assignee_user_id AS "userId", awaiting_assignment AS awaiting FROM review_task WHERE id = $1`,
        [taskId],
      )
    )[0] as { userId: string | null; awaiting: boolean };

  it('reviewers declare relations in their profile; a bad one is refused naming the field', async () => {
    const missing = await relate(insider, { kind: 'employer' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'organisationId',
    ]);
    const mentoringWithout = await relate(insider, { kind: 'mentoring' });
    expect(mentoringWithout.statusCode).toBe(400);
    expect(
      mentoringWithout.json<{ errors: { path: string }[] }>().errors.map((e) => e.path),
    ).toEqual(['idNumber']);
    const nowhere = await relate(insider, {
      kind: 'employer',
      organisationId: '00000000-0000-4000-8000-00000000abcd',
    });
    expect(nowhere.statusCode).toBe(404);

    expect(
      (await relate(insider, { kind: 'employer', organisationId: cast.enterpriseId })).statusCode,
    ).toBe(201);
    expect(
      (
        await relate(unionAlumnus, {
          kind: 'formerEmployer',
          organisationId: cast.districtUnionId,
          note: '2010–2018 年在区总工会工作',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await relate(outsider, { kind: 'relativeEmployer', organisationId: cast.farEnterpriseId }))
        .statusCode,
    ).toBe(201);
    const mine = (
      await t.request({ url: '/api/reviewer-relations', token: unionAlumnus.token })
    ).json<{ kind: string; organisationId: string }[]>();
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'formerEmployer', organisationId: cast.districtUnionId }),
    ]);
  });

  it('a reviewer from the candidate’s own enterprise, or from its union above, cannot be assigned; the refusal is audited', async () => {
    const taskId = await hrssTaskOf(eligible[0]);
    const own = await assign(taskId, insider.userId);
    expect(own.statusCode).toBe(409);
    expect(own.json<{ message: string }>().message).toContain(
      'employer 杭州汽轮机股份有限公司 is the nominating unit',
    );
    const above = await assign(taskId, unionAlumnus.userId);
    expect(above.statusCode).toBe(409);
    expect(above.json<{ message: string }>().message).toContain(
      'former employer 拱墅区总工会 is above the nominating unit',
    );
    expect(await assigneeOf(taskId)).toEqual({ userId: null, awaiting: false });
    const blocked = await db.query(
      `SELECT id FROM audit_record WHERE action = 'workflow.assignment-blocked' AND subject_id = $1`,
      [taskId],
    );
    expect(blocked).toHaveLength(2);
    // Not a reviewer of the department at all.
    const stranger = await assign(taskId, desks.publicity.reviewer.userId);
    expect(stranger.statusCode).toBe(409);
    // The third candidate's enterprise is another one, but under the same union.
    const third = await hrssTaskOf(eligible[2]);
    expect((await assign(third, insider.userId)).statusCode).toBe(200);
    expect((await assign(third, unionAlumnus.userId)).statusCode).toBe(409);
  });

  it('a conflicted reviewer cannot declare “no conflict” on a department task left to the whole department', async () => {
    const taskId = await hrssTaskOf(eligible[1]);
    const res = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/declaration`,
      token: insider.token,
      payload: { conflict: false },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain(
      'A conflict of interest was detected',
    );
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM conflict_declaration WHERE task_id = $1`,
      [taskId],
    );
    expect(n).toBe(0);
  });

  it('a declared conflict reassigns the task; with nobody left it is flagged; a waiver with a reason lets the secretariat assign again', async () => {
    const taskId = await hrssTaskOf(eligible[0]);
    // The desk's reviewer recuses themselves: the only free reviewer left takes the task.
    const desk = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/declaration`,
      token: desks.hrss.reviewer.token,
      payload: { conflict: true, kind: 'relative', reason: '候选人是本人表亲' },
    });
    expect(desk.statusCode).toBe(201);
    expect(await assigneeOf(taskId)).toEqual({ userId: outsider.userId, awaiting: false });
    expect((await inbox(t, outsider.token, editionId, STAGE)).map((x) => x.id)).toContain(taskId);
    expect((await inbox(t, insider.token, editionId, STAGE)).map((x) => x.id)).not.toContain(
      taskId,
    );

    const out = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/declaration`,
      token: outsider.token,
      payload: { conflict: true, kind: 'mentoring', reason: '曾是候选人的徒弟' },
    });
    expect(out.statusCode).toBe(201);
    // The other two are conflicted by detection: the secretariat is flagged.
    expect(await assigneeOf(taskId)).toEqual({ userId: null, awaiting: true });
    const [flag] = await db.query(
      `SELECT payload FROM outbox_event WHERE topic = 'workflow.reviewer-recused' AND payload->>'userId' = $1`,
      [outsider.userId],
    );
    expect(flag.payload).toMatchObject({ taskId, reassignedTo: null, awaitingAssignment: true });

    const noReason = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/conflict-waivers`,
      token: admin,
      payload: { userId: unionAlumnus.userId },
    });
    expect(noReason.statusCode).toBe(400);
    const nothingToWaive = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/conflict-waivers`,
      token: admin,
      payload: { userId: outsider.userId, reason: '无冲突' },
    });
    expect(nothingToWaive.statusCode).toBe(409);
    const waived = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/conflict-waivers`,
      token: admin,
      payload: { userId: unionAlumnus.userId, reason: '已离开区总工会多年，经领导小组同意' },
    });
    expect(waived.statusCode).toBe(201);
    expect((await assign(taskId, unionAlumnus.userId)).statusCode).toBe(200);
    expect(await assigneeOf(taskId)).toEqual({ userId: unionAlumnus.userId, awaiting: false });
    // The waived reviewer declares and decides; the recused ones can no longer reach the task.
    expect((await decide(t, unionAlumnus.token, taskId, 'approve')).statusCode).toBe(201);
    const recused = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${taskId}/decisions`,
      token: outsider.token,
      payload: { decision: 'approve', reason: '同意', checklist: [] },
    });
    expect(recused.statusCode).toBe(404);
  });

  it('the secretariat sees every declaration, detection, waiver, assignment and flag before work starts', async () => {
    const res = await t.request({
      url: `/api/editions/${editionId}/workflow/conflict-register`,
      token: admin,
    });
    expect(res.statusCode).toBe(200);
    const register = res.json<{
      declarations: { userId: string; conflict: boolean }[];
      detections: { userId: string; nominationId: string; position: string; waived: boolean }[];
      waivers: { userId: string; reason: string }[];
      assignments: { userId: string | null; cause: string }[];
      awaitingAssignment: unknown[];
    }>();
    expect(
      register.declarations
        .filter((d) => d.conflict)
        .map((d) => d.userId)
        .toSorted(),
    ).toEqual([desks.hrss.reviewer.userId, outsider.userId].toSorted());
    // The first task is decided: the open ones of the second and third candidates remain.
    const seen = register.detections.map((d) => `${d.nominationId}:${d.userId}:${d.position}`);
    expect(seen.toSorted()).toEqual(
      [
        `${eligible[1]}:${insider.userId}:same`,
        `${eligible[1]}:${unionAlumnus.userId}:above`,
        `${eligible[2]}:${unionAlumnus.userId}:above`,
      ].toSorted(),
    );
    expect(register.waivers).toEqual([
      expect.objectContaining({
        userId: unionAlumnus.userId,
        reason: '已离开区总工会多年，经领导小组同意',
      }),
    ]);
    expect(register.assignments.map((a) => `${a.cause}:${a.userId}`)).toEqual([
      `assigned:${insider.userId}`,
      `recusal:${outsider.userId}`,
      'flagged:null',
      `assigned:${unionAlumnus.userId}`,
    ]);
    expect(register.awaitingAssignment).toEqual([]);
    const auditor = await t.request({
      url: `/api/editions/${editionId}/workflow/conflict-register`,
      token: cast.staff.auditor.token,
    });
    expect(auditor.statusCode).toBe(200);
    const actions = await db.query(
      `SELECT DISTINCT action FROM audit_record WHERE action IN ('workflow.relation-declared', 'workflow.conflict-waived', 'workflow.task-assigned', 'workflow.conflict-declared')`,
    );
    expect(actions).toHaveLength(4);
  });
});
