import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  createStaff,
  FILES,
  openEdition,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import {
  candidates,
  coverNextYear,
  createDepartments,
  decide,
  declareNoConflict,
  DepartmentDesk,
  DepartmentKey,
  DEPARTMENTS,
  forwardNominations,
  inbox,
  mapDepartments,
  transition,
} from './workflow-world';

describe('workflow: qualification check, then a departmental review on the shipped city definition', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let editionId: string;
  let desks: Record<DepartmentKey, DepartmentDesk>;
  let eligible: string[];
  let ineligible: string[];
  let unitOf: (nominationId: string) => string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    admin = cast.staff.secretariatAdmin.token;
    ({ editionId } = await openEdition(t));
    await coverNextYear(t, admin);
    desks = await createDepartments(t, cast);
    const forwarded = await forwardNominations(t, cast, editionId, 3, 1);
    ({ eligible, ineligible } = forwarded);
    unitOf = (id) => forwarded.nominatorOf.get(id)!.token;
  });
  afterAll(() => t.close());

  it('lists the definition’s stages in order, none entered, and refuses to run them out of order', async () => {
    const stages = (
      await t.request({ url: `/api/editions/${editionId}/workflow`, token: admin })
    ).json<{ stageId: string; phase: string }[]>();
    expect(stages.map((s) => `${s.stageId}:${s.phase}`)).toEqual([
      'qualification-check:notEntered',
      'departmental-review:notEntered',
      'expert-scoring:notEntered',
      'leading-group-approval:notEntered',
      'public-notice:notEntered',
      'release:notEntered',
    ]);
    const early = await transition(t, admin, editionId, 'stages/departmental-review/enter');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toContain('qualification check must close');
    expect(
      (await transition(t, admin, editionId, 'stages/qualification-check/close')).statusCode,
    ).toBe(409);
    expect((await transition(t, admin, editionId, 'stages/no-such-stage/enter')).statusCode).toBe(
      404,
    );
    // No body at all is the same as an empty one; a bad stage id is named.
    const bare = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/workflow/stages/qualification-check/close`,
      token: admin,
    });
    expect(bare.statusCode).toBe(409);
    const bad = await transition(t, admin, editionId, 'stages/%20bad/enter');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'stageId',
    ]);
  });

  it('entering the first stage takes the eligible nominations at the secretariat, once', async () => {
    const entered = await transition(t, admin, editionId, 'stages/qualification-check/enter');
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({ replayed: false, summary: { candidates: 3, tasks: 3 } });
    const again = await transition(t, admin, editionId, 'stages/qualification-check/enter');
    expect(again.json()).toMatchObject({ replayed: true, summary: { candidates: 3, tasks: 3 } });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM review_task WHERE edition_id = $1`,
      [editionId],
    );
    expect(n).toBe(3);
    const inStage = await candidates(t, admin, editionId, 'qualification-check');
    expect(inStage.map((c) => c.nominationId).toSorted()).toEqual(eligible.toSorted());
    expect(inStage.map((c) => c.nominationId)).not.toContain(ineligible[0]);
    expect(inStage.every((c) => c.status === 'pending')).toBe(true);
  });

  it('the secretariat checks each candidate against the checklist; a stage with open candidates does not close', async () => {
    const tasks = await inbox(t, admin, editionId, 'qualification-check');
    expect(tasks).toHaveLength(3);
    const taskOf = (id: string) => tasks.find((task) => task.nominationId === id)!;
    const unanswered = await decide(t, admin, taskOf(eligible[0]).id, 'approve', { checklist: [] });
    expect(unanswered.statusCode).toBe(400);
    expect(
      unanswered
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .toSorted(),
    ).toEqual(['checklist.documents-complete', 'checklist.eligibility-met']);
    expect((await decide(t, admin, taskOf(eligible[0]).id, 'approve')).statusCode).toBe(201);
    expect((await decide(t, admin, taskOf(eligible[1]).id, 'approve')).statusCode).toBe(201);
    const closing = await transition(t, admin, editionId, 'stages/qualification-check/close');
    expect(closing.statusCode).toBe(409);
    expect(closing.json<{ message: string }>().message).toContain(
      '1 candidates in qualification check have no outcome',
    );
    const rejected = await decide(t, admin, taskOf(eligible[2]).id, 'reject', {
      reason: '审批表未盖章',
    });
    expect(rejected.json()).toMatchObject({
      candidateStatus: 'failed',
      explanation: { zh: '资格审查：秘书处不同意（理由：审批表未盖章）' },
    });
    const closed = await transition(t, admin, editionId, 'stages/qualification-check/close');
    expect(closed.json()).toMatchObject({
      replayed: false,
      forced: false,
      summary: { passed: 2, failed: 1 },
    });
  });

  it('a departmental review needs every department mapped to a department organisation', async () => {
    const unmapped = await transition(t, admin, editionId, 'advance');
    expect(unmapped.statusCode).toBe(409);
    expect(unmapped.json<{ message: string }>().message).toContain(
      'unmapped: organisation, publicity, hrss',
    );
    const wrong = await t.request({
      method: 'PUT',
      url: `/api/editions/${editionId}/workflow/departments`,
      token: admin,
      payload: {
        departments: [
          { departmentId: 'hrss', organisationId: cast.enterpriseId },
          { departmentId: 'police', organisationId: cast.departmentId },
        ],
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'departments[0].organisationId',
      'departments[1].departmentId',
    ]);
    await mapDepartments(t, admin, editionId, desks);
  });

  it('advancing enters the review: one task per department per candidate who passed, all at once', async () => {
    const advanced = await transition(t, admin, editionId, 'advance');
    expect(advanced.statusCode).toBe(200);
    expect(advanced.json()).toEqual([
      expect.objectContaining({
        stageId: 'departmental-review',
        transition: 'enter',
        summary: { candidates: 2, tasks: 10 },
      }),
    ]);
    const hrss = await inbox(t, desks.hrss.reviewer.token, editionId, 'departmental-review');
    expect(hrss.map((task) => task.taskKey)).toEqual(['hrss', 'hrss']);
    expect(hrss.map((task) => task.nominationId).toSorted()).toEqual(
      eligible.slice(0, 2).toSorted(),
    );
    expect(hrss[0].dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The reviewer declares on conflicts of interest before the dossier opens.
    const undeclared = await t.request({
      url: `/api/review-tasks/${hrss[0].id}/dossier`,
      token: desks.hrss.reviewer.token,
    });
    expect(undeclared.statusCode).toBe(409);
    expect(undeclared.json<{ message: string }>().message).toContain('conflict of interest');
    await declareNoConflict(t, desks.hrss.reviewer.token, hrss[0].id);
    // The reviewer reads the candidate's dossier (read-only); that read of personal data is audited.
    const dossier = await t.request({
      url: `/api/review-tasks/${hrss[0].id}/dossier`,
      token: desks.hrss.reviewer.token,
    });
    expect(dossier.statusCode).toBe(200);
    expect(dossier.json()).toMatchObject({
      dossier: { skillLevel: 'L1', idNumber: expect.stringMatching(/^330102\d{11}[\dX]$/) },
    });
    const [read] = await db.query(
      `SELECT actor_id FROM audit_record WHERE action = 'pii.read' AND subject_id = $1 ORDER BY seq DESC LIMIT 1`,
      [hrss[0].nominationId],
    );
    expect(read).toEqual({ actor_id: desks.hrss.reviewer.userId });
    // Another department can neither read nor decide hrss's task, nor open its dossier.
    const other = desks.discipline.reviewer.token;
    expect(
      (await t.request({ url: `/api/review-tasks/${hrss[0].id}/dossier`, token: other }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ url: `/api/review-tasks/${hrss[0].id}`, token: other })).statusCode,
    ).toBe(404);
    expect((await decide(t, admin, hrss[0].id, 'approve')).statusCode).toBe(404);
  });

  const taskFor = async (department: DepartmentKey, nominationId: string) =>
    (await inbox(t, desks[department].reviewer.token, editionId, 'departmental-review')).find(
      (task) => task.nominationId === nominationId,
    )!;

  it('a reviewer who declares a conflict is recused; the department’s other reviewer takes the task; the secretariat sees every declaration', async () => {
    const task = await taskFor('hrss', eligible[0]);
    const related = await createStaff(t, desks.hrss.organisationId, ['departmentReviewer']);
    const vague = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${task.id}/declaration`,
      token: related.token,
      payload: { conflict: true },
    });
    expect(vague.statusCode).toBe(400);
    expect(vague.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'kind',
      'reason',
    ]);
    const declared = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${task.id}/declaration`,
      token: related.token,
      payload: { conflict: true, kind: 'relative', reason: '候选人是本人亲属' },
    });
    expect(declared.statusCode).toBe(201);
    // The recusal hands the task to the department's other reviewer: it is no longer theirs.
    const [{ assignee_user_id }] = await db.query(
      `SELECT assignee_user_id FROM review_task WHERE id = $1`,
      [task.id],
    );
    expect(assignee_user_id).toBe(desks.hrss.reviewer.userId);
    const again = await t.request({
      method: 'POST',
      url: `/api/review-tasks/${task.id}/declaration`,
      token: related.token,
      payload: { conflict: false },
    });
    expect(again.statusCode).toBe(404);
    expect(
      (await t.request({ url: `/api/review-tasks/${task.id}/dossier`, token: related.token }))
        .statusCode,
    ).toBe(404);
    expect((await decide(t, related.token, task.id, 'approve')).statusCode).toBe(404);
    const conflicts = (
      await t.request({ url: `/api/editions/${editionId}/workflow/conflicts`, token: admin })
    ).json<{ userId: string; conflict: boolean; kind: string | null; taskKey: string }[]>();
    expect(conflicts[0]).toMatchObject({
      userId: related.userId,
      conflict: true,
      kind: 'relative',
      taskKey: 'hrss',
    });
    expect(conflicts.some((c) => c.userId === desks.hrss.reviewer.userId && !c.conflict)).toBe(
      true,
    );
    const [event] = await db.query(
      `SELECT payload FROM outbox_event WHERE topic = 'workflow.reviewer-recused'`,
    );
    expect(event.payload).toMatchObject({
      taskId: task.id,
      userId: related.userId,
      kind: 'relative',
    });
  });

  it('any veto: all five approving passes; the explanation counts them', async () => {
    for (const department of DEPARTMENTS) {
      const res = await decide(
        t,
        desks[department].reviewer.token,
        (await taskFor(department, eligible[0])).id,
        'approve',
      );
      expect(res.statusCode).toBe(201);
    }
    const [first] = (await candidates(t, admin, editionId, 'departmental-review')).filter(
      (c) => c.nominationId === eligible[0],
    );
    expect(first).toMatchObject({
      status: 'passed',
      explanation: { zh: '5 个部门中 5 个同意；无否决，通过' },
    });
  });

  it('a request for information pauses the candidate until the unit answers; a veto fails it; an amendment supersedes the veto', async () => {
    const b = eligible[1];
    const discipline = desks.discipline.reviewer.token;
    const task = await taskFor('discipline', b);
    const asked = await decide(t, discipline, task.id, 'requestInfo', {
      reason: '请补充近三年廉洁情况说明',
      checklist: [],
    });
    expect(asked.json()).toMatchObject({ candidateStatus: 'paused' });
    expect((await decide(t, discipline, task.id, 'reject')).statusCode).toBe(409);

    const requests = (await t.request({ url: '/api/information-requests', token: unitOf(b) })).json<
      { id: string; question: string; dueOn: string }[]
    >();
    expect(requests).toEqual([expect.objectContaining({ question: '请补充近三年廉洁情况说明' })]);
    // Another unit cannot answer it.
    const stranger = await t.request({
      method: 'POST',
      url: `/api/information-requests/${requests[0].id}/answer`,
      token: cast.staff.otherNominator.token,
      payload: { answer: '无关单位' },
    });
    expect(stranger.statusCode).toBe(404);
    // New evidence goes with the answer, checked as the dossier's own evidence is.
    const send = (token: string, kind: string, bytes: Buffer, fileName = 'file.pdf') =>
      t.request({
        method: 'POST',
        url: `/api/information-requests/${requests[0].id}/evidence?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
        payload: bytes,
        headers: { 'content-type': 'application/octet-stream' },
        token,
      });
    const wrongFormat = await send(unitOf(b), 'approvalForm', FILES.png(), 'form.png');
    expect(wrongFormat.statusCode).toBe(400);
    expect((await send(unitOf(b), 'no-such-kind', FILES.pdf())).statusCode).toBe(400);
    expect(
      (await send(cast.staff.otherNominator.token, 'approvalForm', FILES.pdf())).statusCode,
    ).toBe(404);
    const sent = await send(unitOf(b), 'approvalForm', FILES.pdf(), '廉洁情况说明（盖章）.pdf');
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ kind: 'approvalForm', contentType: 'application/pdf' });
    // The kind's count is per answer: a second sealed form is refused.
    expect((await send(unitOf(b), 'approvalForm', FILES.pdf())).statusCode).toBe(409);
    const answered = await t.request({
      method: 'POST',
      url: `/api/information-requests/${requests[0].id}/answer`,
      token: unitOf(b),
      payload: { answer: '已补充廉洁情况说明，盖章件另附' },
    });
    expect(answered.statusCode).toBe(204);
    expect((await send(unitOf(b), 'certificate', FILES.pdf())).statusCode).toBe(409);
    const withEvidence = (
      await t.request({ url: `/api/review-tasks/${task.id}`, token: discipline })
    ).json<{ informationRequests: { answer: string; evidence: { fileName: string }[] }[] }>();
    expect(withEvidence.informationRequests[0]).toMatchObject({
      answer: '已补充廉洁情况说明，盖章件另附',
      evidence: [{ fileName: '廉洁情况说明（盖章）.pdf' }],
    });
    expect((await taskFor('discipline', b)).status).toBe('open');

    for (const department of DEPARTMENTS.filter((d) => d !== 'discipline')) {
      await decide(
        t,
        desks[department].reviewer.token,
        (await taskFor(department, b)).id,
        'approve',
      );
    }
    const veto = await decide(t, discipline, task.id, 'reject', { reason: '存在违纪记录' });
    expect(veto.json()).toMatchObject({
      candidateStatus: 'failed',
      explanation: { zh: '5 个部门中 4 个同意，市纪委监委否决；一票否决，未通过' },
    });
    const vetoId = veto.json<{ decision: { id: string } }>().decision.id;
    expect((await decide(t, discipline, task.id, 'approve')).statusCode).toBe(409);
    const amended = await decide(t, discipline, task.id, 'approve', {
      amends: vetoId,
      reason: '经复核，记录系误登',
    });
    expect(amended.json()).toMatchObject({ candidateStatus: 'passed' });
    // Amending the superseded veto again is refused.
    expect((await decide(t, discipline, task.id, 'reject', { amends: vetoId })).statusCode).toBe(
      409,
    );

    const detail = (
      await t.request({ url: `/api/review-tasks/${task.id}`, token: discipline })
    ).json<{
      decisions: { id: string; decision: string; supersedesId: string | null }[];
    }>();
    expect(detail.decisions.map((d) => d.decision)).toEqual(['requestInfo', 'reject', 'approve']);
    expect(detail.decisions[2].supersedesId).toBe(vetoId);
    await expect(
      db.query(`UPDATE review_decision SET reason = 'x' WHERE id = $1`, [vetoId]),
    ).rejects.toThrow(/immutable/);
  });

  it('closes when every candidate has an outcome; later decisions are refused; all of it is audited with outbox events', async () => {
    const closed = await transition(t, admin, editionId, 'stages/departmental-review/close');
    expect(closed.json()).toMatchObject({ summary: { passed: 2 } });
    const task = await taskFor('hrss', eligible[0]);
    const late = await decide(t, desks.hrss.reviewer.token, task.id, 'reject', {
      amends: '00000000-0000-4000-8000-000000000000',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ message: string }>().message).toContain('has closed');

    const topics = await db.query(
      `SELECT topic, count(*)::int AS n FROM outbox_event WHERE topic LIKE 'workflow.%' GROUP BY topic ORDER BY topic`,
    );
    expect(topics).toEqual(
      expect.arrayContaining([
        { topic: 'workflow.information-answered', n: 1 },
        { topic: 'workflow.information-requested', n: 1 },
        { topic: 'workflow.stage-closed', n: 2 },
        { topic: 'workflow.stage-entered', n: 2 },
      ]),
    );
    const actions = await db.query(
      `SELECT action FROM audit_record WHERE action LIKE 'workflow.%' GROUP BY action ORDER BY action`,
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'workflow.advanced',
      'workflow.conflict-declared',
      'workflow.decision-amended',
      'workflow.departments-mapped',
      'workflow.information-answered',
      'workflow.stage-closed',
      'workflow.stage-entered',
      'workflow.task-decided',
    ]);
  });
});
