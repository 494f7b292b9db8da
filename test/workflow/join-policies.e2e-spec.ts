import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  openEdition,
  queueBackendsUnderTest,
  shippedSource,
  startTestApp,
  TestApp,
  waitFor,
} from '@craftcert/testing';
import {
  candidates,
  coverNextYear,
  createDepartments,
  decide,
  DepartmentDesk,
  DepartmentKey,
  DEPARTMENTS,
  forwardNominations,
  inbox,
  mapDepartments,
  reviewFirstSource,
  transition,
} from './workflow-world';

const STAGE = 'departmental-review';

describe.each(queueBackendsUnderTest())(
  'join policies over five departments (%s queue backend)',
  (backend) => {
    let t: TestApp;
    let cast: Cast;
    let db: DataSource;
    let admin: string;
    let desks: Record<DepartmentKey, DepartmentDesk>;
    let serial = 0;

    beforeAll(async () => {
      t = await startTestApp({ backend });
      cast = await createCast(t);
      db = t.app.get(DataSource);
      admin = cast.staff.secretariatAdmin.token;
      await coverNextYear(t, admin);
      desks = await createDepartments(t, cast);
    });
    afterAll(() => t.close());

    /** An edition whose first stage is the review under `join`, entered with `count` candidates. */
    async function reviewing(join: string, count: number, options: { overdue?: boolean } = {}) {
      serial += 1;
      const { editionId } = await openEdition(t, {
        code: `join-${serial}-${Math.random().toString(36).slice(2, 6)}`,
        source: reviewFirstSource(shippedSource('hangzhou-city-craftsman'), join, options),
      });
      const { eligible, nominatorOf } = await forwardNominations(t, cast, editionId, count);
      await mapDepartments(t, admin, editionId, desks);
      const entered = await transition(t, admin, editionId, `stages/${STAGE}/enter`);
      expect(entered.json()).toMatchObject({ summary: { candidates: count, tasks: count * 5 } });
      const taskOf = async (department: DepartmentKey, nominationId: string) =>
        (await inbox(t, desks[department].reviewer.token, editionId, STAGE)).find(
          (x) => x.nominationId === nominationId,
        )!.id;
      const vote = async (
        nominationId: string,
        votes: Partial<Record<DepartmentKey, 'approve' | 'reject'>>,
      ) => {
        let last: { candidateStatus: string; explanation: { zh: string; en: string } } | undefined;
        for (const [department, decision] of Object.entries(votes) as [
          DepartmentKey,
          'approve' | 'reject',
        ][]) {
          const res = await decide(
            t,
            desks[department].reviewer.token,
            await taskOf(department, nominationId),
            decision,
          );
          expect(res.statusCode).toBe(201);
          last = res.json();
        }
        return last!;
      };
      const statusOf = async (nominationId: string) =>
        (await candidates(t, admin, editionId, STAGE)).find(
          (c) => c.nominationId === nominationId,
        )!;
      return {
        editionId,
        eligible,
        vote,
        statusOf,
        taskOf,
        unitOf: (id: string) => nominatorOf.get(id)!,
      };
    }

    const approveAllBut = (...except: DepartmentKey[]) =>
      Object.fromEntries(
        DEPARTMENTS.filter((d) => !except.includes(d)).map((d) => [d, 'approve']),
      ) as Partial<Record<DepartmentKey, 'approve'>>;

    it('all: open until the fifth approval; one rejection fails the candidate at once', async () => {
      const { editionId, eligible, vote, statusOf } = await reviewing('{ policy: all }', 2);
      expect((await vote(eligible[0], approveAllBut('hrss'))).candidateStatus).toBe('inProgress');
      expect(await vote(eligible[0], { hrss: 'approve' })).toMatchObject({
        candidateStatus: 'passed',
        explanation: { zh: '5 个部门中 5 个同意；全部同意，通过' },
      });
      expect(await vote(eligible[1], { hrss: 'reject' })).toMatchObject({
        candidateStatus: 'failed',
        explanation: {
          en: expect.stringContaining('human resources and social security bureau rejected'),
        },
      });
      // Settled outcomes let the stage close although four departments never decided on the second.
      const closed = await transition(t, admin, editionId, `stages/${STAGE}/close`);
      expect(closed.json()).toMatchObject({ summary: { passed: 1, failed: 1 } });
      expect((await statusOf(eligible[1])).status).toBe('failed');
    });

    it('at least 3 of 5: the third approval passes; three rejections fail', async () => {
      const { eligible, vote } = await reviewing('{ policy: atLeast, k: 3 }', 2);
      expect(
        (await vote(eligible[0], { organisation: 'approve', publicity: 'reject' })).candidateStatus,
      ).toBe('inProgress');
      expect(await vote(eligible[0], { hrss: 'approve', discipline: 'approve' })).toMatchObject({
        candidateStatus: 'passed',
        explanation: { zh: expect.stringContaining('5 个部门中 3 个同意，市委宣传部不同意') },
      });
      expect(
        await vote(eligible[1], { organisation: 'reject', publicity: 'reject', hrss: 'reject' }),
      ).toMatchObject({
        candidateStatus: 'failed',
        explanation: { en: expect.stringContaining('3 approvals can no longer be reached') },
      });
    });

    it('at least 3 of 5 with a request for information the unit answers and an amendment that reopens the outcome', async () => {
      const { eligible, vote, statusOf, taskOf, unitOf } = await reviewing(
        '{ policy: atLeast, k: 3 }',
        1,
      );
      const [b] = eligible;
      const economy = desks['economy-it'].reviewer.token;
      const economyTask = await taskOf('economy-it', b);
      const asked = await decide(t, economy, economyTask, 'requestInfo', {
        reason: '请补充企业近三年经营情况',
        checklist: [],
      });
      expect(asked.json()).toMatchObject({ candidateStatus: 'paused' });
      const hrssVote = await vote(b, {
        organisation: 'approve',
        hrss: 'approve',
        publicity: 'reject',
      });
      expect(hrssVote.candidateStatus).toBe('paused');
      const [request] = (
        await t.request({ url: '/api/information-requests', token: unitOf(b).token })
      ).json<{ id: string }[]>();
      const answered = await t.request({
        method: 'POST',
        url: `/api/information-requests/${request.id}/answer`,
        token: unitOf(b).token,
        payload: { answer: '已补充近三年经营情况' },
      });
      expect(answered.statusCode).toBe(204);
      expect((await statusOf(b)).status).toBe('inProgress');
      expect((await vote(b, { discipline: 'approve' })).candidateStatus).toBe('passed');
      // The human resources bureau amends its approval: 2 of 3 needed remain, the outcome reopens.
      const hrssTask = await taskOf('hrss', b);
      const current = (
        await t.request({ url: `/api/review-tasks/${hrssTask}`, token: desks.hrss.reviewer.token })
      ).json<{ decisions: { id: string }[] }>().decisions;
      const amended = await decide(t, desks.hrss.reviewer.token, hrssTask, 'reject', {
        amends: current.at(-1)!.id,
        reason: '证书核验未通过',
      });
      expect(amended.json()).toMatchObject({ candidateStatus: 'inProgress' });
      expect((await decide(t, economy, economyTask, 'approve')).json()).toMatchObject({
        candidateStatus: 'passed',
        explanation: { zh: expect.stringContaining('5 个部门中 3 个同意') },
      });
    });

    const closesOf = (editionId: string) =>
      db.query(
        `SELECT scheduled, forced FROM stage_transition WHERE edition_id = $1 AND transition = 'close'`,
        [editionId],
      );

    it('timeout with a default: the scheduled end applies it to the undecided and closes the stage, once', async () => {
      const { editionId, eligible, statusOf } = await reviewing(
        '{ policy: all, onTimeout: { action: default, decision: approve } }',
        2,
        { overdue: true },
      );
      const closes = await waitFor(
        async () => {
          const rows = await closesOf(editionId);
          return rows.length > 0 ? rows : undefined;
        },
        { what: 'the scheduled end to close the stage', timeoutMs: 30_000 },
      );
      expect(closes).toEqual([{ scheduled: true, forced: false }]);
      const first = await statusOf(eligible[0]);
      expect(first.status).toBe('passed');
      expect(first.explanation.zh).toContain(
        '逾期未决定的市委组织部、市委宣传部、市人力社保局、市经信局、市纪委监委按默认处理',
      );
      // The same end scheduled again, or closed by hand, changes nothing.
      const again = await transition(t, admin, editionId, `stages/${STAGE}/close`);
      expect(again.json()).toMatchObject({ replayed: true });
      expect(await closesOf(editionId)).toHaveLength(1);
    });

    it('timeout with escalation: the scheduled end refers open candidates to the secretariat, which settles one and forces the rest', async () => {
      const { editionId, eligible, vote, statusOf } = await reviewing(
        '{ policy: all, onTimeout: { action: escalate, to: secretariat } }',
        3,
        { overdue: true },
      );
      await waitFor(
        async () => {
          const [row] = await db.query(
            `SELECT payload FROM outbox_event WHERE topic = 'workflow.stage-overdue' AND payload->>'editionId' = $1`,
            [editionId],
          );
          return row?.payload;
        },
        { what: 'the scheduled end to report the stage overdue', timeoutMs: 30_000 },
      );
      expect(await statusOf(eligible[0])).toMatchObject({ status: 'inProgress', escalated: true });
      expect(await closesOf(editionId)).toEqual([]);
      // The departments still decide; a settled candidate is no longer escalated.
      expect((await vote(eligible[0], approveAllBut())).candidateStatus).toBe('passed');
      expect((await statusOf(eligible[0])).escalated).toBe(false);
      const settle = (nominationId: string, payload: unknown) =>
        t.request({
          method: 'POST',
          url: `/api/editions/${editionId}/workflow/stages/${STAGE}/candidates/${nominationId}/settlement`,
          token: admin,
          payload,
        });
      // Only an escalated candidate is the secretariat's to settle, with a reason.
      expect((await settle(eligible[0], { status: 'failed', reason: '复核' })).statusCode).toBe(
        409,
      );
      const noReason = await settle(eligible[1], { status: 'passed' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        'reason',
      ]);
      // Two departments had approved the second candidate before the secretariat settles it.
      expect(
        (await vote(eligible[1], { hrss: 'approve', discipline: 'approve' })).candidateStatus,
      ).toBe('inProgress');
      const settled = await settle(eligible[1], {
        status: 'passed',
        reason: '其余部门逾期未复，领导小组研究同意',
      });
      expect(settled.statusCode).toBe(200);
      expect(settled.json()).toMatchObject({
        status: 'passed',
        explanation: {
          zh: expect.stringContaining(
            '逾期提交秘书处裁定：通过（理由：其余部门逾期未复，领导小组研究同意）',
          ),
        },
      });
      expect(await statusOf(eligible[1])).toMatchObject({ status: 'passed', escalated: false });
      // The settlement stands: a late decision and a second settlement are refused.
      const late = await decide(
        t,
        desks.publicity.reviewer.token,
        (await inbox(t, desks.publicity.reviewer.token, editionId, STAGE)).find(
          (x) => x.nominationId === eligible[1],
        )!.id,
        'reject',
      );
      expect(late.statusCode).toBe(409);
      expect((await settle(eligible[1], { status: 'failed', reason: '改判' })).statusCode).toBe(
        409,
      );
      const [event] = await db.query(
        `SELECT payload FROM outbox_event WHERE topic = 'workflow.candidate-settled' AND payload->>'editionId' = $1`,
        [editionId],
      );
      expect(event.payload).toEqual({
        editionId,
        stageId: STAGE,
        nominationId: eligible[1],
        status: 'passed',
      });
      // The secretariat ends it: refused while one is open, then forced with a recorded reason.
      expect((await transition(t, admin, editionId, `stages/${STAGE}/close`)).statusCode).toBe(409);
      const noForceReason = await transition(t, admin, editionId, `stages/${STAGE}/close`, {
        force: true,
      });
      expect(noForceReason.statusCode).toBe(400);
      const forced = await transition(t, admin, editionId, `stages/${STAGE}/close`, {
        force: true,
        reason: '部门逾期未复，领导小组决定',
      });
      expect(forced.json()).toMatchObject({
        forced: true,
        reason: '部门逾期未复，领导小组决定',
        summary: { passed: 2, failed: 1 },
      });
      // Closing keeps the settlement.
      expect((await statusOf(eligible[1])).explanation.zh).toContain('逾期提交秘书处裁定：通过');
      expect((await statusOf(eligible[2])).explanation.zh).toContain(
        '被强制结束：部门逾期未复，领导小组决定',
      );
    });
  },
);
