import {
  Cast,
  createCast,
  openEdition,
  shippedSource,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import {
  candidates,
  coverNextYear,
  createDepartments,
  decide,
  DEPARTMENTS,
  inbox,
  forwardNominations,
  mapDepartments,
  reviewFirstSource,
  transition,
} from './workflow-world';

describe('a definition migration of a running edition reports, and refuses, stage plan changes that would strand candidates', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    admin = cast.staff.secretariatAdmin.token;
    await coverNextYear(t, admin);
  });
  afterAll(() => t.close());

  it('removing a department of the entered review is blocking; changing an open stage’s join rule is reported and applies', async () => {
    const code = `migrating-${Math.random().toString(36).slice(2, 8)}`;
    const v1 = reviewFirstSource(
      shippedSource('hangzhou-city-craftsman'),
      '{ policy: all }',
    ).replace('code: hangzhou-city-craftsman', `code: ${code}`);
    const { programmeId, editionId } = await openEdition(t, { code, source: v1 });
    const { eligible } = await forwardNominations(t, cast, editionId, 2);
    const desks = await createDepartments(t, cast);
    await mapDepartments(t, admin, editionId, desks);
    expect(
      (await transition(t, admin, editionId, 'stages/departmental-review/enter')).statusCode,
    ).toBe(200);

    const withoutEconomy = v1.replace(/ {6}- id: economy-it\n(?: {8}.*\n)+/, '');
    const kOfN = v1.replace('join: { policy: all }', 'join: { policy: atLeast, k: 4 }');
    expect(withoutEconomy).not.toBe(v1);
    expect(kOfN).not.toBe(v1);
    for (const [version, source] of [
      [2, withoutEconomy],
      [3, kOfN],
    ] as const) {
      const proposed = await t.request({
        method: 'POST',
        url: `/api/programmes/${programmeId}/definitions`,
        token: admin,
        payload: { source },
      });
      expect(proposed.statusCode).toBe(201);
      const published = await t.request({
        method: 'POST',
        url: `/api/programmes/${programmeId}/definitions/${version}/publish`,
        token: admin,
      });
      expect(published.statusCode).toBeLessThan(300);
    }
    const migrate = (toVersion: number, dryRun: boolean) =>
      t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/definition-migration`,
        token: admin,
        payload: { toVersion, dryRun },
      });
    const pinned = async () =>
      (await t.request({ url: `/api/editions/${editionId}`, token: admin })).json<{
        definitionVersion: number;
      }>().definitionVersion;

    const dry = await migrate(2, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      stageChanges: [
        {
          stageId: 'departmental-review',
          blocking: true,
          explanation: {
            code: 'migration.departmentRemoved',
            en: expect.stringContaining('department economy-it would leave'),
          },
        },
      ],
    });
    const refused = await migrate(2, false);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toContain(
      'would strand candidates in stages already entered',
    );
    expect(await pinned()).toBe(1);

    // Four of five approve the first candidate: still open while all must approve.
    for (const department of DEPARTMENTS.slice(0, 4)) {
      const token = desks[department].reviewer.token;
      const task = (await inbox(t, token, editionId, 'departmental-review')).find(
        (x) => x.nominationId === eligible[0],
      )!;
      expect((await decide(t, token, task.id, 'approve')).statusCode).toBe(201);
    }
    const statusOf = async (nominationId: string) =>
      (await candidates(t, admin, editionId, 'departmental-review')).find(
        (c) => c.nominationId === nominationId,
      )!.status;
    expect(await statusOf(eligible[0])).toBe('inProgress');

    const applied = await migrate(3, false);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({
      stageChanges: [
        {
          stageId: 'departmental-review',
          blocking: false,
          explanation: { code: 'migration.joinChanged' },
        },
      ],
    });
    expect(await pinned()).toBe(3);
    // The new rule (4 of 5) applies at once to the candidates in the open stage.
    expect(await statusOf(eligible[0])).toBe('passed');
    expect(await statusOf(eligible[1])).toBe('pending');
  });
});
