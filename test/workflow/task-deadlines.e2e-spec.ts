import { DataSource } from 'typeorm';
import { JobQueue, QueueName } from '@craftcert/platform';
import { NotifyTaskDeadlineUseCase } from '@craftcert/workflow';
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
  coverNextYear,
  createDepartments,
  forwardNominations,
  mapDepartments,
  reviewFirstSource,
  transition,
} from './workflow-world';

const STAGE = 'departmental-review';

/** The local day (Asia/Shanghai) `days` calendar days from now. */
function localDayIn(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(queueBackendsUnderTest())(
  'task deadlines: reminders before, escalation after, as outbox events (%s queue backend)',
  (backend) => {
    let t: TestApp;
    let cast: Cast;
    let db: DataSource;
    let admin: string;
    let editionId: string;
    let taskIds: string[];

    beforeAll(async () => {
      t = await startTestApp({ backend });
      cast = await createCast(t);
      db = t.app.get(DataSource);
      admin = cast.staff.secretariatAdmin.token;
      await coverNextYear(t, admin);
      ({ editionId } = await openEdition(t, {
        code: `deadlines-${Math.random().toString(36).slice(2, 8)}`,
        source: reviewFirstSource(
          shippedSource('hangzhou-city-craftsman'),
          '{ policy: all, onTimeout: { action: escalate, to: secretariat } }',
          { overdue: true },
        ),
      }));
      await forwardNominations(t, cast, editionId, 1);
      await mapDepartments(t, admin, editionId, await createDepartments(t, cast));
      const entered = await transition(t, admin, editionId, `stages/${STAGE}/enter`);
      if (entered.statusCode !== 200) throw new Error(`entering: ${entered.body}`);
      taskIds = (
        await db.query(`SELECT id FROM review_task WHERE edition_id = $1 ORDER BY task_key`, [
          editionId,
        ])
      ).map((r: { id: string }) => r.id);
    });
    afterAll(() => t.close());

    const events = (topic: string) =>
      db.query(
        `SELECT payload FROM outbox_event WHERE topic = $1 AND payload->>'editionId' = $2 ORDER BY id`,
        [topic, editionId],
      ) as Promise<{ payload: Record<string, string | null> }[]>;

    it('a due date already past escalates each open task once, by ids only; its passed reminders are not sent late', async () => {
      const overdue = await waitFor(
        async () => {
          const rows = await events('workflow.task-overdue');
          return rows.length >= taskIds.length ? rows : undefined;
        },
        { what: 'the escalation job to notice the overdue tasks', timeoutMs: 30_000 },
      );
      expect(overdue.map((e) => e.payload.taskId).toSorted()).toEqual(taskIds.toSorted());
      expect(Object.keys(overdue[0].payload).toSorted()).toEqual(
        [
          'assigneeUserId',
          'dueOn',
          'editionId',
          'nominationId',
          'notice',
          'organisationId',
          'stageId',
          'taskId',
        ].toSorted(),
      );
      expect(overdue[0].payload).toMatchObject({ dueOn: '2025-01-06', notice: 'overdue' });
      expect(await events('workflow.task-due-soon')).toEqual([]);
      // The same job again (a retry, a duplicate) writes nothing more.
      const notify = t.app.get(NotifyTaskDeadlineUseCase);
      expect(
        await notify.execute({ editionId, stageId: STAGE, dueOn: '2025-01-06', notice: 'overdue' }),
      ).toBe(0);
      expect(await events('workflow.task-overdue')).toHaveLength(taskIds.length);
    });

    it('an extension schedules the new date’s reminders and escalation once; the old date no longer notices the task', async () => {
      const [taskId] = taskIds;
      const extend = (dueOn: string, reason = '部门申请延期') =>
        t.request({
          method: 'PUT',
          url: `/api/review-tasks/${taskId}/due-date`,
          token: admin,
          payload: { dueOn, reason },
        });
      const first = localDayIn(20);
      const later = localDayIn(30);
      expect((await extend(first)).json()).toEqual({ taskId, dueOn: first });
      const same = await extend(first);
      expect(same.statusCode).toBe(400);
      expect(same.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        'dueOn',
      ]);
      expect((await extend(later, '')).statusCode).toBe(400);
      expect((await extend(later)).statusCode).toBe(200);

      const queue = t.app.get(JobQueue).queue(QueueName.Workflow);
      for (const dueOn of [first, later]) {
        for (const notice of ['reminder-3', 'reminder-1', 'overdue']) {
          const job = await queue.getJob(`task-deadline.${taskId}.${dueOn}.${notice}`);
          expect(job?.data).toEqual({ editionId, stageId: STAGE, dueOn, taskId, notice });
          expect(await job!.getState()).toBe('delayed');
        }
      }
      const [{ due_on }] = await db.query(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM review_task WHERE id = $1`,
        [taskId],
      );
      expect(due_on).toBe(later);

      // When the first date's reminder fires, the task has moved on: nothing is written for it.
      const notify = t.app.get(NotifyTaskDeadlineUseCase);
      const job = { editionId, stageId: STAGE, taskId, notice: 'reminder-1' as const };
      expect(await notify.execute({ ...job, dueOn: first })).toBe(0);
      expect(await notify.execute({ ...job, dueOn: later })).toBe(1);
      expect(await notify.execute({ ...job, dueOn: later })).toBe(0);
      expect((await events('workflow.task-due-soon')).map((e) => e.payload)).toEqual([
        expect.objectContaining({ taskId, dueOn: later, notice: 'reminder-1' }),
      ]);
      // Not yet overdue on the new date: an early escalation is ignored.
      expect(await notify.execute({ ...job, notice: 'overdue', dueOn: later })).toBe(0);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM audit_record WHERE action = 'workflow.task-extended' AND subject_id = $1`,
        [taskId],
      );
      expect(n).toBe(2);
    });
  },
);
