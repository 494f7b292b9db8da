import { DataSource } from 'typeorm';
import {
  attachRequiredEvidence,
  Cast,
  createCast,
  createStaff,
  hangzhouDossier,
  residentIdNumber,
  openEdition,
  shippedSource,
  startTestApp,
  TestApp,
} from '@craftcert/testing';

interface Nomination {
  id: string;
  status: string;
  candidate: string;
  eligible: boolean | null;
  unitRank: number | null;
  dossier: Record<string, unknown>;
  flags: { possibleDuplicate?: true; duplicateOf?: string[]; priorAwards?: unknown[] };
  eligibility?: {
    eligible: boolean;
    outcomes: { ruleId: string; outcome: string; reason: { zh: string; en: string } }[];
  };
}

describe('nominating: from draft to the secretariat', () => {
  let t: TestApp;
  let cast: Cast;
  let editionId: string;
  let db: DataSource;
  let nominationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    ({ editionId } = await openEdition(t));
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const as = (who: keyof Cast['staff']) => cast.staff[who].token;

  it('an enterprise drafts, saves repeatedly, and is told what is missing at submission', async () => {
    const draft = await t.request({
      method: 'POST',
      url: `/api/editions/${editionId}/nominations`,
      token: as('unitNominator'),
      payload: {
        channelId: 'unit-nomination',
        dossier: { name: '王建国', employer: '杭州汽轮机股份有限公司' },
      },
    });
    expect(draft.statusCode).toBe(201);
    nominationId = draft.json<Nomination>().id;
    expect(draft.json<Nomination>()).toMatchObject({ status: 'draft', candidate: '王*国' });

    const saved = await t.request({
      method: 'PUT',
      url: `/api/nominations/${nominationId}/dossier`,
      token: as('unitNominator'),
      payload: { dossier: hangzhouDossier({ skillStartDate: '2018-06-01' }) },
    });
    expect(saved.statusCode).toBe(200);

    const early = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/submit`,
      token: as('unitNominator'),
    });
    expect(early.statusCode).toBe(400);
    expect(
      early
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .toSorted(),
    ).toEqual(['evidence.approvalForm', 'evidence.photo']);
    expect(
      (
        await t.request({ url: `/api/nominations/${nominationId}`, token: as('unitNominator') })
      ).json<Nomination>().status,
    ).toBe('draft');
  });

  it('keeps a draft within its unit until it is submitted', async () => {
    await attachRequiredEvidence(t, as('unitNominator'), nominationId);
    const read = (who: keyof Cast['staff'], path = '/personal-data') =>
      t.request({ url: `/api/nominations/${nominationId}${path}`, token: as(who) });
    const own = await read('unitNominator');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ name: '王建国' });
    expect((await read('unitNominator', '/evidence')).json<unknown[]>()).toHaveLength(2);
    for (const outsider of ['unitApprover', 'secretariatAdmin', 'auditor'] as const) {
      for (const path of ['', '/personal-data', '/evidence', '/timeline']) {
        const res = await read(outsider, path);
        expect(res.statusCode).toBe(
          outsider === 'auditor' && path === '/personal-data' ? 403 : 404,
        );
        expect(res.body).not.toContain('王建国');
        expect(res.body).not.toContain('33010219800101123X');
      }
      const listed = await t.request({
        url: `/api/editions/${editionId}/nominations`,
        token: as(outsider),
      });
      expect(listed.json<Nomination[]>().map((n) => n.id)).not.toContain(nominationId);
    }
    const [audit] = await db.query(
      `SELECT count(*)::int AS n FROM audit_record WHERE action = 'pii.read' AND subject_id = $1`,
      [nominationId],
    );
    expect(audit.n).toBe(1);
  });

  it('submits and shows the explained eligibility at once', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/submit`,
      token: as('unitNominator'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<Nomination>();
    expect(body.status).toBe('submitted');
    expect(body.eligible).toBe(true);
    const years = body.eligibility!.outcomes.find((o) => o.ruleId === 'years-in-skill')!;
    expect(years.outcome).toBe('waived');
    expect(years.reason.zh).toContain('豁免');
    const events = await db.query(
      `SELECT topic FROM outbox_event WHERE payload->>'nominationId' = $1`,
      [nominationId],
    );
    expect(events.map((e: { topic: string }) => e.topic)).toEqual(['nomination.submitted']);
  });

  it('keeps personal data out of listings, and audits every staff read of it', async () => {
    const list = await t.request({
      url: `/api/editions/${editionId}/nominations`,
      token: as('unitApprover'),
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('33010219800101123X');
    expect(list.body).not.toContain('王建国');
    expect(list.json<Nomination[]>()[0]).toMatchObject({ id: nominationId, candidate: '王*国' });
    expect(list.json<Nomination[]>()[0].dossier).not.toHaveProperty('phone');

    const [row] = await db.query(
      'SELECT pii_ciphertext, dossier::text AS dossier FROM nomination WHERE id = $1',
      [nominationId],
    );
    expect(row.pii_ciphertext).not.toContain('330102');
    expect(row.dossier).not.toContain('330102');

    const personal = await t.request({
      url: `/api/nominations/${nominationId}/personal-data`,
      token: as('unitApprover'),
    });
    expect(personal.json()).toMatchObject({ name: '王建国', idNumber: '33010219800101123X' });
    const readers = await db.query(
      `SELECT actor_id FROM audit_record WHERE action = 'pii.read' AND subject_id = $1 ORDER BY seq`,
      [nominationId],
    );
    expect(readers.map((r: { actor_id: string }) => r.actor_id)).toEqual([
      cast.staff.unitNominator.userId,
      cast.staff.unitApprover.userId,
    ]);
    expect(
      (
        await t.request({
          url: `/api/nominations/${nominationId}/personal-data`,
          token: as('auditor'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("hides other units' nominations completely", async () => {
    const other = cast.staff.otherNominator.token;
    expect(
      (await t.request({ url: `/api/nominations/${nominationId}`, token: other })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ url: `/api/nominations/${nominationId}/personal-data`, token: other }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ url: `/api/editions/${editionId}/nominations`, token: other })).json(),
    ).toEqual([]);
  });

  it('does not let a union user who also nominates act for the enterprises below it', async () => {
    const both = await createStaff(t, cast.districtUnionId, ['unitNominator', 'unitApprover']);
    const edit = await t.request({
      method: 'PUT',
      url: `/api/nominations/${nominationId}/dossier`,
      token: both.token,
      payload: { dossier: hangzhouDossier() },
    });
    expect(edit.statusCode).toBe(404);
    const withdraw = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/withdraw`,
      token: both.token,
      payload: {},
    });
    expect(withdraw.statusCode).toBe(404);
    // Reading within its subtree is still allowed.
    expect(
      (await t.request({ url: `/api/nominations/${nominationId}`, token: both.token })).statusCode,
    ).toBe(200);
  });

  it('the union must rank before forwarding, then forwards', async () => {
    const early = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/forward`,
      token: as('unitApprover'),
    });
    expect(early.statusCode).toBe(409);
    const incomplete = await t.request({
      method: 'PUT',
      url: `/api/editions/${editionId}/rankings`,
      token: as('unitApprover'),
      payload: { channelId: 'unit-nomination', order: [] },
    });
    expect(incomplete.statusCode).toBe(400);
    const ranked = await t.request({
      method: 'PUT',
      url: `/api/editions/${editionId}/rankings`,
      token: as('unitApprover'),
      payload: { channelId: 'unit-nomination', order: [nominationId] },
    });
    expect(ranked.statusCode).toBe(204);
    const forwarded = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/forward`,
      token: as('unitApprover'),
    });
    expect(forwarded.json<Nomination>()).toMatchObject({ status: 'forwarded', unitRank: 1 });
    // The enterprise cannot forward its own nomination, whatever its roles.
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/nominations/${nominationId}/forward`,
          token: as('unitNominator'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('withdraws, corrects and resubmits before the deadline, with the history visible', async () => {
    const withdrawn = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/withdraw`,
      token: as('unitNominator'),
      payload: { reason: '补充材料' },
    });
    expect(withdrawn.json<Nomination>().status).toBe('withdrawn');
    await t.request({
      method: 'PUT',
      url: `/api/nominations/${nominationId}/dossier`,
      token: as('unitNominator'),
      payload: { dossier: hangzhouDossier({ narrative: '修改后的主要事迹。' }) },
    });
    const again = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/submit`,
      token: as('unitNominator'),
    });
    expect(again.json<Nomination>()).toMatchObject({ status: 'submitted', unitRank: null });
    const timeline = await t.request({
      url: `/api/nominations/${nominationId}/timeline`,
      token: as('unitNominator'),
    });
    expect(timeline.json<{ kind: string; to: string }[]>().map((e) => `${e.kind}:${e.to}`)).toEqual(
      [
        'created:draft',
        'submitted:submitted',
        'forwarded:forwarded',
        'withdrawn:withdrawn',
        'submitted:submitted',
      ],
    );
  });

  it('the union returns a nomination for more information', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/nominations/${nominationId}/return`,
      token: as('unitApprover'),
      payload: { reason: '请补充专利证书' },
    });
    expect(res.json<Nomination>().status).toBe('returned');
    const [usage] = await db.query(
      `SELECT used FROM nomination_quota_usage WHERE edition_id = $1 AND organisation_id = $2`,
      [editionId, cast.enterpriseId],
    );
    expect(usage.used).toBe(0);
  });
});

describe('moving a running edition to a new definition version', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('dry-runs the change listing every nomination whose outcome changes, then applies it', async () => {
    const { programmeId, editionId } = await openEdition(t);
    const token = cast.staff.unitNominator.token;
    const admin = await t.adminToken();
    // 8 years in the skill and only a city contest: fails the 10-year rule, passes an 8-year one.
    const candidates = [
      hangzhouDossier({
        idNumber: residentIdNumber(1),
        skillStartDate: '2018-01-01',
        contests: [{ name: '市赛', level: 'city', rank: 1, year: 2024 }],
      }),
      hangzhouDossier({ idNumber: residentIdNumber(2) }),
    ];
    const ids: string[] = [];
    for (const dossier of candidates) {
      const created = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations`,
        token,
        payload: { channelId: 'unit-nomination', dossier },
      });
      const id = created.json<{ id: string }>().id;
      await attachRequiredEvidence(t, token, id);
      expect(
        (await t.request({ method: 'POST', url: `/api/nominations/${id}/submit`, token }))
          .statusCode,
      ).toBe(200);
      ids.push(id);
    }
    const v2 = shippedSource('hangzhou-city-craftsman').replace(
      'field: skillStartDate, min: 10',
      'field: skillStartDate, min: 8',
    );
    await t.request({
      method: 'POST',
      url: `/api/programmes/${programmeId}/definitions`,
      token: admin,
      payload: { source: v2 },
    });
    await t.request({
      method: 'POST',
      url: `/api/programmes/${programmeId}/definitions/2/publish`,
      token: admin,
    });

    const migrate = (dryRun: boolean) =>
      t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/definition-migration`,
        token: admin,
        payload: { toVersion: 2, dryRun },
      });
    const dry = await migrate(true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      evaluated: 2,
      invalid: [],
      changes: [
        {
          nominationId: ids[0],
          before: { eligible: false },
          after: { eligible: true },
          changedRules: expect.arrayContaining(['years-in-skill']),
        },
      ],
    });
    const untouched = await t.request({ url: `/api/nominations/${ids[0]}`, token: admin });
    expect(untouched.json<{ eligible: boolean }>().eligible).toBe(false);
    expect(
      (await t.request({ url: `/api/editions/${editionId}`, token: admin })).json(),
    ).toMatchObject({ definitionVersion: 1 });

    expect((await migrate(false)).statusCode).toBe(200);
    expect(
      (await t.request({ url: `/api/editions/${editionId}`, token: admin })).json(),
    ).toMatchObject({ definitionVersion: 2 });
    const after = await t.request({ url: `/api/nominations/${ids[0]}`, token: admin });
    expect(after.json()).toMatchObject({ eligible: true, eligibility: { definitionVersion: 2 } });
    expect((await migrate(true)).statusCode).toBe(409);
  });
});
