import { DataSource } from 'typeorm';
import {
  hangzhouDossier,
  RequestOptions,
  shippedSource,
  startTestApp,
  TestApp,
  WINDOW,
} from '@craftcert/testing';

interface ErrorBody {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
}

describe('programmes and versioned pipeline definitions', () => {
  let t: TestApp;
  let programmeId: string;
  const base = () => `/api/programmes/${programmeId}/definitions`;
  const evaluate = (payload: unknown, version = 1) =>
    asAdmin({ method: 'POST', url: `${base()}/${version}/evaluate`, payload });

  let adminToken: string;
  const asAdmin = (options: RequestOptions) => t.request({ token: adminToken, ...options });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await t.adminToken();
    const res = await asAdmin({
      method: 'POST',
      url: '/api/programmes',
      payload: {
        code: 'hangzhou-city-craftsman',
        name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
      },
    });
    if (res.statusCode !== 201) throw new Error(`could not create the programme: ${res.body}`);
    programmeId = res.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  it('refuses a second programme with the same code', async () => {
    const res = await asAdmin({
      method: 'POST',
      url: '/api/programmes',
      payload: { code: 'hangzhou-city-craftsman', name: { zh: '重复', en: 'Duplicate' } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().message).toContain('hangzhou-city-craftsman already exists');
  });

  it('names each bad field when creating a programme', async () => {
    const res = await asAdmin({
      method: 'POST',
      url: '/api/programmes',
      payload: { code: 'Bad Code', name: { zh: '' } },
    });
    expect(res.statusCode).toBe(400);
    const paths = new Set(res.json<ErrorBody>().errors!.map((e) => e.path));
    expect([...paths].toSorted()).toEqual(['code', 'name.en', 'name.zh']);
  });

  it('serves the JSON Schema for definition documents', async () => {
    const res = await asAdmin({ url: '/api/schemas/pipeline-definition.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ properties: Record<string, unknown> }>().properties).toHaveProperty(
      'eligibility',
    );
  });

  it('lists every error of a broken definition with its JSON path, storing nothing', async () => {
    const broken = shippedSource('hangzhou-city-craftsman')
      .replace('quota: 30', 'quota: -5')
      .replace('field: skillStartDate, min: 10', 'field: noSuchField, min: 10');
    const res = await asAdmin({ method: 'POST', url: base(), payload: { source: broken } });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('DEFINITION_INVALID');
    expect(body.errors!.map((e) => e.path)).toContain('/tiers/0/quota');
    const list = await asAdmin({ url: base() });
    expect(list.json()).toEqual([]);
  });

  it('refuses a definition written for another programme', async () => {
    const other = shippedSource('district-craftsman-triennial');
    const res = await asAdmin({ method: 'POST', url: base(), payload: { source: other } });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().errors).toEqual([
      {
        path: '/programme/code',
        message: 'must be "hangzhou-city-craftsman", the programme\'s code',
      },
    ]);
  });

  it('requires exactly one of document or source', async () => {
    const res = await asAdmin({ method: 'POST', url: base(), payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().errors![0].path).toBe('document');
  });

  it('walks create → revise → publish, after which the version cannot change', async () => {
    const created = await asAdmin({
      method: 'POST',
      url: base(),
      payload: { source: shippedSource('hangzhou-city-craftsman') },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, status: 'draft', publishedAt: null });

    const second = await asAdmin({
      method: 'POST',
      url: base(),
      payload: { source: shippedSource('hangzhou-city-craftsman') },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorBody>().code).toBe('DRAFT_PENDING');

    const revised = await asAdmin({
      method: 'PUT',
      url: `${base()}/1`,
      payload: {
        source: shippedSource('hangzhou-city-craftsman').replace('quota: 30', 'quota: 29'),
      },
    });
    expect(revised.statusCode).toBe(200);
    expect(
      revised.json<{ document: { tiers: { quota: number }[] } }>().document.tiers[0].quota,
    ).toBe(29);

    const published = await asAdmin({ method: 'POST', url: `${base()}/1/publish` });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      version: 1,
      status: 'published',
      publishedAt: expect.any(String),
    });

    const edit = await asAdmin({
      method: 'PUT',
      url: `${base()}/1`,
      payload: { source: shippedSource('hangzhou-city-craftsman') },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<ErrorBody>().code).toBe('DEFINITION_IMMUTABLE');
    const again = await asAdmin({ method: 'POST', url: `${base()}/1/publish` });
    expect(again.statusCode).toBe(409);
  });

  it('has the database refuse changes to a published version even outside the API', async () => {
    const db = t.app.get(DataSource);
    await expect(
      db.query(
        `UPDATE pipeline_definition SET document = '{}' WHERE programme_id = $1 AND version = 1`,
        [programmeId],
      ),
    ).rejects.toThrow(/published and immutable/);
    await expect(
      db.query(`DELETE FROM pipeline_definition WHERE programme_id = $1 AND version = 1`, [
        programmeId,
      ]),
    ).rejects.toThrow(/published and immutable/);
  });

  it('diffs two versions structurally', async () => {
    const v2 = shippedSource('hangzhou-city-craftsman')
      .replace('field: skillStartDate, min: 10', 'field: skillStartDate, min: 8')
      .replace('quota: 30', 'quota: 29');
    expect(
      (await asAdmin({ method: 'POST', url: base(), payload: { source: v2 } })).statusCode,
    ).toBe(201);
    const res = await asAdmin({ url: `${base()}/diff?from=1&to=2` });
    expect(res.statusCode).toBe(200);
    const { changes } = res.json<{
      changes: { path: string; kind: string; before: unknown; after: unknown }[];
    }>();
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        before: 10,
        after: 8,
        path: expect.stringContaining('years-in-skill'),
      }),
    ]);
  });

  it('lists versions without their documents', async () => {
    const res = await asAdmin({ url: base() });
    expect(res.json()).toEqual([
      expect.objectContaining({ version: 1, status: 'published' }),
      expect.objectContaining({ version: 2, status: 'draft' }),
    ]);
    expect(res.body).not.toContain('eligibility');
  });

  describe('evaluating a dossier without saving', () => {
    it('explains an eligible dossier rule by rule in Chinese and English', async () => {
      const res = await evaluate({ dossier: hangzhouDossier(), referenceDate: '2026-06-01' });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        eligible: boolean;
        definitionVersion: number;
        outcomes: { ruleId: string; outcome: string; reason: { zh: string; en: string } }[];
      }>();
      expect(body.eligible).toBe(true);
      expect(body.definitionVersion).toBe(1);
      const years = body.outcomes.find((o) => o.ruleId === 'years-in-skill')!;
      expect(years.outcome).toBe('pass');
      expect(years.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(years.reason.en).toMatch(/years/);
    });

    it('applies the contest waiver to a short skill history, and says so', async () => {
      const res = await evaluate({
        dossier: hangzhouDossier({ skillStartDate: '2018-06-01' }),
        referenceDate: '2026-06-01',
      });
      const body = res.json<{
        eligible: boolean;
        outcomes: { ruleId: string; outcome: string; reason: { zh: string } }[];
      }>();
      expect(body.eligible).toBe(true);
      const years = body.outcomes.find((o) => o.ruleId === 'years-in-skill')!;
      expect(years.outcome).toBe('waived');
      expect(years.reason.zh).toContain('豁免');
    });

    it('fails a dossier that misses a requirement, and the version matters', async () => {
      const dossier = hangzhouDossier({
        skillStartDate: '2017-01-01',
        contests: [{ name: '市技能大赛', level: 'city', rank: 1, year: 2024 }],
      });
      const v1 = await evaluate({ dossier, referenceDate: '2026-06-01' });
      expect(v1.json<{ eligible: boolean }>().eligible).toBe(false);
      const v2 = await evaluate({ dossier, referenceDate: '2026-06-01' }, 2);
      expect(v2.json<{ eligible: boolean }>().eligible).toBe(true);
    });

    it('answers 400 with dossier field paths for an invalid dossier', async () => {
      const res = await evaluate({
        dossier: hangzhouDossier({
          industrySection: 'Z',
          contests: [{ name: 'x', level: 'galactic', rank: 0, year: 2020 }],
        }),
        referenceDate: '2026-06-01',
      });
      expect(res.statusCode).toBe(400);
      const paths = res.json<ErrorBody>().errors!.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'dossier.industrySection',
          'dossier.contests[0].level',
          'dossier.contests[0].rank',
        ]),
      );
    });

    it('names a malformed version', async () => {
      const res = await asAdmin({
        method: 'POST',
        url: `${base()}/zero/evaluate`,
        payload: { dossier: hangzhouDossier(), referenceDate: '2026-06-01' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors).toEqual([
        { path: 'version', message: 'version must be a positive integer (at most 2147483647)' },
      ]);
    });

    it('names a malformed reference date', async () => {
      const res = await evaluate({ dossier: hangzhouDossier(), referenceDate: '01/06/2026' });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors).toEqual([
        { path: 'referenceDate', message: 'referenceDate must be a date as YYYY-MM-DD' },
      ]);
    });

    it('answers 404 for a version that does not exist', async () => {
      const res = await evaluate({ dossier: hangzhouDossier(), referenceDate: '2026-06-01' }, 9);
      expect(res.statusCode).toBe(404);
    });
  });

  describe('editions', () => {
    it('pins an edition to a published version only', async () => {
      const draft = await asAdmin({
        method: 'POST',
        url: `/api/programmes/${programmeId}/editions`,
        payload: {
          code: '2026',
          title: { zh: '第十届', en: '10th' },
          definitionVersion: 2,
          referenceDate: '2026-06-01',
          nominationWindow: WINDOW,
        },
      });
      expect(draft.statusCode).toBe(422);
      expect(draft.json<ErrorBody>().code).toBe('DEFINITION_NOT_PUBLISHED');

      const opened = await asAdmin({
        method: 'POST',
        url: `/api/programmes/${programmeId}/editions`,
        payload: {
          code: '2026',
          title: { zh: '第十届', en: '10th' },
          definitionVersion: 1,
          referenceDate: '2026-06-01',
          nominationWindow: WINDOW,
        },
      });
      expect(opened.statusCode).toBe(201);
      const edition = opened.json<{ id: string }>();
      expect(edition).toMatchObject({
        code: '2026',
        definitionVersion: 1,
        referenceDate: '2026-06-01',
        nominationWindow: WINDOW,
      });

      const duplicate = await asAdmin({
        method: 'POST',
        url: `/api/programmes/${programmeId}/editions`,
        payload: {
          code: '2026',
          title: { zh: '重复', en: 'dup' },
          definitionVersion: 1,
          referenceDate: '2026-06-01',
          nominationWindow: WINDOW,
        },
      });
      expect(duplicate.statusCode).toBe(409);

      const fetched = await asAdmin({ url: `/api/editions/${edition.id}` });
      expect(fetched.json()).toMatchObject({ id: edition.id, definitionVersion: 1 });
      const listed = await asAdmin({ url: `/api/programmes/${programmeId}/editions` });
      expect(listed.json()).toHaveLength(1);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      expect(
        (await asAdmin({ url: '/api/editions/not-a-uuid' })).json<ErrorBody>().errors![0].path,
      ).toBe('editionId');
      const unknown = await asAdmin({
        url: '/api/editions/00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
