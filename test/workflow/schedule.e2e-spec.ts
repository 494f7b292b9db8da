import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '@craftcert/platform';
import {
  createCast,
  openEdition,
  queueBackendsUnderTest,
  shippedSource,
  startTestApp,
  TestApp,
  waitFor,
} from '@craftcert/testing';
import { RunDueTransitionsUseCase } from '@craftcert/workflow';
import { createDepartments, mapDepartments } from './workflow-world';

interface Row {
  id: string;
  action: string;
  stageId: string | null;
  dueAt: string;
  status: string;
  attempts: number;
  lastError: string | null;
  shiftReason: string | null;
}

/** The shipped definition with dated calendars on its first two stages (a 2026 cycle). */
const datedSource = () =>
  shippedSource('hangzhou-city-craftsman')
    .replace(
      'calendar: { duration: { days: 15, dayKind: working } }',
      'calendar: { start: 2026-05-06, due: 2026-05-20 }',
    )
    .replace(
      'calendar: { duration: { days: 10, dayKind: working } }',
      'calendar: { start: 2026-05-21, duration: { days: 10, dayKind: working } }',
    );

// The API alone: no worker runs the schedule on the real clock; each test runs it at its own `now`.
describe('the schedule: stage transitions and editions opening on their day', () => {
  let t: TestApp;
  let admin: string;
  let db: DataSource;
  let runDue: (now: string) => ReturnType<RunDueTransitionsUseCase['execute']>;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    admin = await t.adminToken();
    db = t.app.get(DataSource);
    const runner = t.app.get(RunDueTransitionsUseCase);
    runDue = (now) => runner.execute(new Date(now));
  });
  afterAll(() => t.close());

  const schedule = async (editionId: string): Promise<Row[]> => {
    const res = await t.request({ url: `/api/editions/${editionId}/schedule`, token: admin });
    expect(res.statusCode).toBe(200);
    return res.json<Row[]>();
  };
  const transitions = async (editionId: string) =>
    (
      await db.query<{ stage_id: string; transition: string }[]>(
        'SELECT stage_id, transition FROM stage_transition WHERE edition_id = $1 ORDER BY occurred_at, id',
        [editionId],
      )
    ).map((r) => `${r.transition}:${r.stage_id}`);

  it("plans an edition's transitions from its definition's calendars, in Beijing time, once", async () => {
    const { editionId } = await openEdition(t, { code: 'plan-once', source: datedSource() });
    const planned = await t.request({
      method: 'PUT',
      url: `/api/editions/${editionId}/schedule`,
      token: admin,
    });
    expect(planned.statusCode).toBe(200);
    const rows = planned.json<Row[]>();
    expect(rows.map((r) => [r.action, r.stageId, r.dueAt, r.status])).toEqual([
      ['stageEnter', 'qualification-check', '2026-05-05T16:00:00.000Z', 'pending'],
      ['stageClose', 'qualification-check', '2026-05-20T16:00:00.000Z', 'pending'],
      ['stageEnter', 'departmental-review', '2026-05-20T16:00:00.000Z', 'pending'],
    ]);
    await t.request({ method: 'PUT', url: `/api/editions/${editionId}/schedule`, token: admin });
    expect((await schedule(editionId)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('after a two-day outage runs each missed transition once, in order, holding back a refused one', async () => {
    const cast = await createCast(t);
    const { editionId } = await openEdition(t, { code: 'outage', source: datedSource() });
    await t.request({ method: 'PUT', url: `/api/editions/${editionId}/schedule`, token: admin });
    // The tests share a database: each looks only at its own edition's transitions.
    const mine = (key: string) => key.includes(editionId);

    // Two processes start after the outage at once: one runs the schedule, the other finds it taken.
    const runs = await Promise.all([
      runDue('2026-05-23T02:00:00Z'),
      runDue('2026-05-23T02:00:00Z'),
    ]);
    const ran = runs.flatMap((r) => r.ran).filter(mine);
    expect(ran).toEqual([
      `stageEnter:${editionId}:qualification-check`,
      `stageClose:${editionId}:qualification-check`,
    ]);
    // The review cannot start before its departments are mapped: it waits, with the reason.
    const refused = runs.flatMap((r) => r.refused).filter((r) => mine(r.key));
    expect(refused.map((r) => r.key)).toEqual([`stageEnter:${editionId}:departmental-review`]);
    const waiting = (await schedule(editionId)).find((r) => r.stageId === 'departmental-review')!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.lastError).toMatch(/department/i);

    await mapDepartments(t, admin, editionId, await createDepartments(t, cast));
    expect((await runDue('2026-05-23T02:05:00Z')).ran.filter(mine)).toEqual([
      `stageEnter:${editionId}:departmental-review`,
    ]);
    expect((await runDue('2026-05-23T02:10:00Z')).ran.filter(mine)).toEqual([]);
    expect(await transitions(editionId)).toEqual([
      'enter:qualification-check',
      'close:qualification-check',
      'enter:departmental-review',
    ]);
    expect((await schedule(editionId)).every((r) => r.status === 'done')).toBe(true);
  });

  it('lets the secretariat move a pending transition with a reason, never into the past or after it ran', async () => {
    const { editionId } = await openEdition(t, { code: 'shift', source: datedSource() });
    const [enter] = (
      await t.request({ method: 'PUT', url: `/api/editions/${editionId}/schedule`, token: admin })
    ).json<Row[]>();
    const shift = (body: unknown, id = enter.id) =>
      t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/schedule/${id}/shift`,
        payload: body,
        token: admin,
      });

    const past = await shift({ dueOn: '2020-01-01', reason: '推迟' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('dueOn');
    const noReason = await shift({ dueOn: '2099-01-01' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');

    const moved = await shift({ dueOn: '2099-03-02', reason: '市委统一安排，延后启动' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Row>()).toMatchObject({
      dueAt: '2099-03-01T16:00:00.000Z',
      shiftReason: '市委统一安排，延后启动',
    });
    // Moved past the run's `now`, it does not run; the close due before it waits behind it.
    expect((await runDue('2026-06-01T00:00:00Z')).ran).not.toContain(
      `stageEnter:${editionId}:qualification-check`,
    );

    const { editionId: other } = await openEdition(t, { code: 'shift-ran', source: datedSource() });
    const [otherEnter] = (
      await t.request({ method: 'PUT', url: `/api/editions/${other}/schedule`, token: admin })
    ).json<Row[]>();
    await runDue('2026-05-07T00:00:00Z');
    const ranAlready = await t.request({
      method: 'POST',
      url: `/api/editions/${other}/schedule/${otherEnter.id}/shift`,
      payload: { dueOn: '2099-01-01', reason: 'too late' },
      token: admin,
    });
    expect(ranAlready.statusCode).toBe(409);
    const elsewhere = await shift({ dueOn: '2099-01-01', reason: 'x' }, otherEnter.id);
    expect(elsewhere.statusCode).toBe(404);
  });

  it("opens the programme's next edition on its day from the latest published definition, once", async () => {
    const { programmeId } = await openEdition(t, { code: 'cycle-programme' });
    const cycle = await t.request({
      method: 'PUT',
      url: `/api/programmes/${programmeId}/cycle`,
      payload: { opensOn: '12-20', nominationDays: 30, firstYear: 2025 },
      token: admin,
    });
    expect(cycle.statusCode).toBe(200);
    // 2025's day has passed: the next opening is this year's.
    expect(cycle.json()).toMatchObject({
      everyYears: 1,
      nextOpening: { year: 2026, opensAt: '2026-12-19T16:00:00.000Z' },
    });

    const before = await runDue('2026-12-19T15:59:00Z');
    expect(before.ran.filter((key) => key.includes(programmeId))).toEqual([]);
    const runs = await Promise.all([
      runDue('2026-12-21T00:00:00Z'),
      runDue('2026-12-21T00:00:00Z'),
    ]);
    expect(runs.flatMap((r) => r.ran).filter((key) => key.includes(programmeId))).toEqual([
      `editionOpen:${programmeId}:2026`,
    ]);
    const editions = await db.query<{ code: string; opens: Date; closes: Date; title: string }[]>(
      `SELECT code, nomination_opens_at AS opens, nomination_closes_at AS closes, title_zh AS title
         FROM edition WHERE programme_id = $1 AND code = '2026'`,
      [programmeId],
    );
    expect(editions).toHaveLength(1);
    expect(editions[0].opens.toISOString()).toBe('2026-12-19T16:00:00.000Z');
    expect(editions[0].closes.toISOString()).toBe('2027-01-18T15:59:59.000Z');
    expect(editions[0].title).toBe('2026年度杭州工匠');

    const next = await t.request({ url: `/api/programmes/${programmeId}/cycle`, token: admin });
    expect(next.json()).toMatchObject({ nextOpening: { year: 2027 } });
  });

  it('refuses a cycle with an impossible day or window, naming the field', async () => {
    const { programmeId } = await openEdition(t, { code: 'cycle-bad' });
    for (const [payload, field] of [
      [{ opensOn: '02-30', nominationDays: 30, firstYear: 2026 }, 'opensOn'],
      [{ opensOn: '3-1', nominationDays: 30, firstYear: 2026 }, 'opensOn'],
      [{ opensOn: '03-01', nominationDays: 0, firstYear: 2026 }, 'nominationDays'],
      [{ opensOn: '03-01', nominationDays: 30, firstYear: 1999 }, 'firstYear'],
    ] as const) {
      const res = await t.request({
        method: 'PUT',
        url: `/api/programmes/${programmeId}/cycle`,
        payload,
        token: admin,
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(field);
    }
    const none = await t.request({ url: `/api/programmes/${programmeId}/cycle`, token: admin });
    expect(none.statusCode).toBe(404);
  });
});

describe.each(queueBackendsUnderTest())('the schedule on the %s backend', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ backend });
  });
  afterAll(() => t.close());

  it('is one job scheduler for every worker, and runs once as the worker starts', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Workflow), { strict: false });
    const scheduler = await waitFor(
      async () => (await queue.getJobScheduler(JobName.WorkflowScheduleTick)) ?? undefined,
      { what: 'the schedule tick scheduler', timeoutMs: 60000 },
    );
    expect(scheduler.every).toBe(60000);
    await waitFor(
      async () => {
        const done = await queue.getCompleted();
        return done.some((job) => job.name === JobName.WorkflowScheduleTick) ? true : undefined;
      },
      { what: 'the first run of the schedule', timeoutMs: 60000 },
    );
  });
});
