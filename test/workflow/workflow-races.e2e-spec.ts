import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  openEdition,
  shippedSource,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import { CloseStageUseCase, EnterStageUseCase } from '@craftcert/workflow';
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

// Real concurrency against PostgreSQL: requests are started together and every interleaving the
// database allows must leave one consistent state. Nothing here depends on timing.
describe('workflow races', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let admin: string;
  let desks: Record<DepartmentKey, DepartmentDesk>;
  let editionId: string;
  let eligible: string[];

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    admin = cast.staff.secretariatAdmin.token;
    await coverNextYear(t, admin);
    desks = await createDepartments(t, cast);
    ({ editionId } = await openEdition(t, {
      source: reviewFirstSource(shippedSource('hangzhou-city-craftsman'), '{ policy: all }'),
    }));
    ({ eligible } = await forwardNominations(t, cast, editionId, 4));
    await mapDepartments(t, admin, editionId, desks);
  });
  afterAll(() => t.close());

  const taskOf = async (department: DepartmentKey, nominationId: string) =>
    (await inbox(t, desks[department].reviewer.token, editionId, STAGE)).find(
      (x) => x.nominationId === nominationId,
    )!.id;
  const statusOf = async (nominationId: string) =>
    (await candidates(t, admin, editionId, STAGE)).find((c) => c.nominationId === nominationId)!;

  it('two entries of the same stage at once create its candidates and tasks once', async () => {
    const enter = t.app.get(EnterStageUseCase);
    const results = await Promise.all([
      enter.execute({ editionId, stageId: STAGE, actorId: null, scheduled: true }),
      transition(t, admin, editionId, `stages/${STAGE}/enter`).then((r) =>
        r.json<{ replayed: boolean }>(),
      ),
      enter.execute({ editionId, stageId: STAGE, actorId: null, scheduled: true }),
    ]);
    expect(results.map((r) => r.replayed).toSorted()).toEqual([false, true, true]);
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM review_task WHERE edition_id = $1',
      [editionId],
    );
    expect(n).toBe(4 * 5);
  });

  it('five departments deciding the same candidate at once all count', async () => {
    const ids = await Promise.all(DEPARTMENTS.map((d) => taskOf(d, eligible[0])));
    const results = await Promise.all(
      DEPARTMENTS.map((d, i) => decide(t, desks[d].reviewer.token, ids[i], 'approve')),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(await statusOf(eligible[0])).toMatchObject({
      status: 'passed',
      explanation: { zh: '5 个部门中 5 个同意；全部同意，通过' },
    });
  });

  it('the same task decided twice at once keeps one decision; two amendments of it keep one', async () => {
    const task = await taskOf('hrss', eligible[1]);
    const token = desks.hrss.reviewer.token;
    const first = await Promise.all([
      decide(t, token, task, 'approve'),
      decide(t, token, task, 'reject'),
    ]);
    expect(first.map((r) => r.statusCode).toSorted()).toEqual([201, 409]);
    const current = first.find((r) => r.statusCode === 201)!.json<{ decision: { id: string } }>()
      .decision.id;
    const amendments = await Promise.all([
      decide(t, token, task, 'approve', { amends: current, reason: '复核一' }),
      decide(t, token, task, 'reject', { amends: current, reason: '复核二' }),
    ]);
    expect(amendments.map((r) => r.statusCode).toSorted()).toEqual([201, 409]);
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM review_decision WHERE task_id = $1',
      [task],
    );
    expect(n).toBe(2);
  });

  it('a decision racing a forced close: either it counts and the stage closes after it, or it is refused', async () => {
    const last = eligible[2];
    for (const d of DEPARTMENTS.filter((x) => x !== 'discipline')) {
      await decide(t, desks[d].reviewer.token, await taskOf(d, last), 'approve');
    }
    const disciplineTask = await taskOf('discipline', last);
    const [decision, close] = await Promise.all([
      decide(t, desks.discipline.reviewer.token, disciplineTask, 'approve'),
      transition(t, admin, editionId, `stages/${STAGE}/close`, {
        force: true,
        reason: '截止时间已到',
      }),
    ]);
    expect(close.statusCode).toBe(200);
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM review_decision WHERE task_id = $1',
      [disciplineTask],
    );
    const outcome = await statusOf(last);
    // Consistent either way: the decision is stored exactly when it was accepted, and the
    // candidate's final status is what the decisions stored say.
    expect(n).toBe(decision.statusCode === 201 ? 1 : 0);
    expect(outcome.status).toBe(decision.statusCode === 201 ? 'passed' : 'failed');
    expect([201, 409]).toContain(decision.statusCode);
    const [{ phase }] = await db.query(
      'SELECT phase FROM workflow_stage WHERE edition_id = $1 AND stage_id = $2',
      [editionId, STAGE],
    );
    expect(phase).toBe('closed');
  });

  it('duplicate scheduled ends arriving together after the close change nothing', async () => {
    const close = t.app.get(CloseStageUseCase);
    const results = await Promise.all([
      close.execute({ editionId, stageId: STAGE, actorId: null, scheduled: true }),
      close.execute({ editionId, stageId: STAGE, actorId: null, scheduled: true }),
    ]);
    expect(results.every((r) => r.replayed)).toBe(true);
    const [{ transitions }] = await db.query(
      `SELECT count(*)::int AS transitions FROM stage_transition WHERE edition_id = $1 AND transition = 'close'`,
      [editionId],
    );
    const [{ events }] = await db.query(
      `SELECT count(*)::int AS events FROM outbox_event WHERE topic = 'workflow.stage-closed' AND payload->>'editionId' = $1`,
      [editionId],
    );
    expect({ transitions, events }).toEqual({ transitions: 1, events: 1 });
  });
});
