import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Cast,
  createCast,
  createOrganisation,
  createStaff,
  openEdition,
  shippedSource,
  type Staff,
  startTestApp,
  TestApp,
} from '@craftcert/testing';
import { coverNextYear, forwardNominations, transition } from './workflow-world';

const STAGE = 'expert-scoring';

/**
 * The shipped city definition with expert scoring as its first stage, blind, two experts per
 * dossier, and the candidate's name, ID number, phone and employer marked as identifying.
 */
function blindScoringFirstSource(): string {
  const source = shippedSource('hangzhou-city-craftsman');
  let out = source.replace(
    / {2}- id: qualification-check\n[\s\S]*?(?= {2}- id: expert-scoring)/,
    '',
  );
  out = out.replace('    blind: false', '    blind: true\n    expertsPerDossier: 2');
  out = out.replace(
    'aggregation: { method: trimmedMean, trim: 1 }',
    'aggregation: { method: mean }',
  );
  for (const id of ['name', 'idNumber', 'phone', 'employer']) {
    out = out.replace(
      new RegExp(`(- \\{ id: ${id}, type: (?:text|idNumber), [^\\n]*?) \\}\\n`),
      '$1, identifying: true }\n',
    );
  }
  if (
    (out.match(/identifying: true/g) ?? []).length !== 4 ||
    !out.includes('blind: true') ||
    !out.includes('method: mean }')
  )
    throw new Error('the definition did not change as expected');
  return out;
}

interface Plan {
  ok: boolean;
  assignments?: { candidateId: string; expertId: string; group: string }[];
  loads?: Record<string, number>;
  shortfalls?: { candidateId: string; available: number; explanation: { en: string } }[];
}

describe('expert scoring: assignment, blind dossiers, marks and the ranked scores', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let admin: string;
  let editionId: string;
  let eligible: string[];
  let panelC: string;
  let experts: Staff[];

  const get = <T>(url: string, token: string) =>
    t
      .request({ url, token })
      .then((r) => ({ status: r.statusCode, body: r.body, json: r.json<T>() }));
  const send = (method: 'PUT' | 'POST', url: string, token: string, payload: unknown) =>
    t.request({ method, url, token, payload });
  const stageUrl = () => `/api/editions/${editionId}/workflow/stages/${STAGE}`;
  const mapPanel = (organisationIds: string[]) =>
    send('PUT', `${stageUrl()}/panels`, admin, {
      panels: organisationIds.map((organisationId) => ({ group: 'C', organisationId })),
    });
  const rows = (table: string) =>
    db
      .query(`SELECT count(*)::int AS n FROM ${table} WHERE edition_id = $1`, [editionId])
      .then((r: { n: number }[]) => r[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    admin = cast.staff.secretariatAdmin.token;
    await coverNextYear(t, admin);
    ({ editionId } = await openEdition(t, {
      code: `scoring-${randomBytes(3).toString('hex')}`,
      source: blindScoringFirstSource(),
    }));
    ({ eligible } = await forwardNominations(t, cast, editionId, 4));
    panelC = await createOrganisation(t, {
      kind: 'expertPanel',
      name: `制造业专家组-${randomBytes(2).toString('hex')}`,
      parentId: cast.secretariatId,
    });
    experts = [];
    for (let i = 0; i < 3; i++) experts.push(await createStaff(t, panelC, ['expert']));
  });
  afterAll(() => t.close());

  it('reports too few experts before the stage opens, and entering then writes nothing', async () => {
    // The cast's own panel holds one expert: each dossier needs two.
    expect((await mapPanel([cast.expertPanelId])).statusCode).toBe(200);
    const plan = await get<Plan>(`${stageUrl()}/assignment-plan`, admin);
    expect(plan.status).toBe(200);
    expect(plan.json.ok).toBe(false);
    expect(plan.json.shortfalls!.map((s) => [s.candidateId, s.available])).toEqual(
      eligible.toSorted().map((id) => [id, 1]),
    );
    expect(plan.json.shortfalls![0].explanation.en).toContain('needs 2 experts; only 1');
    const entered = await transition(t, admin, editionId, `stages/${STAGE}/enter`);
    expect(entered.statusCode).toBe(409);
    expect(entered.json<{ message: string }>().message).toContain('too few experts');
    expect(await rows('candidate_stage')).toBe(0);
    expect(await rows('expert_assignment')).toBe(0);
  });

  it('refuses an organisation that is not an expert panel, naming the field', async () => {
    const res = await send('PUT', `${stageUrl()}/panels`, admin, {
      panels: [{ group: 'C', organisationId: cast.districtUnionId }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'panels[0].organisationId',
    ]);
  });

  it('assigns each dossier two experts of its group, balanced within one, as planned', async () => {
    expect((await mapPanel([panelC])).statusCode).toBe(200);
    const first = await get<Plan>(`${stageUrl()}/assignment-plan`, admin);
    const second = await get<Plan>(`${stageUrl()}/assignment-plan`, admin);
    expect(first.json.ok).toBe(true);
    expect(second.json).toEqual(first.json);
    const entered = await transition(t, admin, editionId, `stages/${STAGE}/enter`);
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({ summary: { candidates: 4, assignments: 8 } });
    const stored: { nomination_id: string; expert_id: string }[] = await db.query(
      `SELECT nomination_id, expert_id FROM expert_assignment WHERE edition_id = $1
        ORDER BY nomination_id, expert_id`,
      [editionId],
    );
    expect(stored.map((r) => `${r.nomination_id}/${r.expert_id}`)).toEqual(
      first.json.assignments!.map((a) => `${a.candidateId}/${a.expertId}`),
    );
    // 4 dossiers × 2 = 8 over 3 experts: loads 3, 3, 2.
    const loads = experts.map((e) => stored.filter((r) => r.expert_id === e.userId).length);
    expect(loads.toSorted()).toEqual([2, 3, 3]);
    for (const id of eligible) {
      expect(
        new Set(stored.filter((r) => r.nomination_id === id).map((r) => r.expert_id)).size,
      ).toBe(2);
    }
  });

  it('never lets an identifying field reach a blind expert', async () => {
    const expert = experts[0];
    const list = await get<{ id: string }[]>(
      `/api/expert-assignments?editionId=${editionId}`,
      expert.token,
    );
    expect(list.status).toBe(200);
    expect(list.json.length).toBeGreaterThan(0);
    for (const a of list.json) {
      const res = await get<{
        blind: boolean;
        candidate: string | null;
        dossier: Record<string, unknown>;
      }>(`/api/expert-assignments/${a.id}/dossier`, expert.token);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ blind: true, candidate: null });
      expect(Object.keys(res.json.dossier)).toEqual(
        expect.not.arrayContaining(['name', 'idNumber', 'phone', 'employer']),
      );
      expect(res.json.dossier).toMatchObject({ industrySection: 'C', skillLevel: 'L1' });
      // Nothing identifying anywhere in the response: names, ID numbers, the phone, the employer.
      for (const text of ['王建', '王*', '330102198001', '13800000000', '杭州汽轮机']) {
        expect(list.body + res.body).not.toContain(text);
      }
    }
    // Another expert's assignment is not there for this one.
    const others = await get<{ id: string }[]>(`/api/expert-assignments`, experts[1].token);
    const foreign = others.json.find((o) => !list.json.some((a) => a.id === o.id))!;
    expect((await get(`/api/expert-assignments/${foreign.id}/dossier`, expert.token)).status).toBe(
      404,
    );
  });

  it('saves drafts, refuses out-of-range marks naming the item, and makes a submission final', async () => {
    const expert = experts[0];
    const [a] = (
      await get<{ id: string }[]>(`/api/expert-assignments?editionId=${editionId}`, expert.token)
    ).json;
    const url = `/api/expert-assignments/${a.id}`;
    const high = await send('PUT', `${url}/marks`, expert.token, { marks: { mastery: 16 } });
    expect(high.statusCode).toBe(400);
    expect(high.json<{ errors: unknown[] }>().errors).toEqual([
      { path: 'marks.mastery', message: 'the mark 16 for "mastery" is outside 0–15' },
    ]);
    const draft = await send('PUT', `${url}/marks`, expert.token, { marks: { mastery: 12 } });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', marks: { mastery: 12 } });
    const incomplete = await send('POST', `${url}/submit`, expert.token, {
      marks: { mastery: 12 },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'marks.contribution',
      'marks.ethics',
    ]);
    const marks = { mastery: 12, contribution: 8, ethics: 9 };
    const submitted = await send('POST', `${url}/submit`, expert.token, { marks });
    expect(submitted.statusCode).toBe(200);
    const result = submitted.json<{
      status: string;
      total: number;
      breakdown: { total: number };
    }>();
    expect(result.status).toBe('submitted');
    expect(result.total).toBe(result.breakdown.total);
    expect((await send('PUT', `${url}/marks`, expert.token, { marks })).statusCode).toBe(409);
    // The secretariat reopens it with a reason; the expert can change it again.
    const reopened = await send('POST', `${url}/reopen`, admin, { reason: '评分录入有误' });
    expect(reopened.statusCode).toBe(200);
    expect((await send('PUT', `${url}/marks`, expert.token, { marks })).statusCode).toBe(200);
  });

  it('swaps an assignment to another panel expert with a reason, never to an outsider', async () => {
    const [a] = (
      await get<{ id: string; nominationId: string }[]>(
        `/api/expert-assignments?editionId=${editionId}`,
        experts[2].token,
      )
    ).json;
    const outsider = await send('POST', `/api/expert-assignments/${a.id}/swap`, admin, {
      expertId: cast.staff.expert.userId,
      reason: '专家临时回避',
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json<{ errors: { path: string }[] }>().errors[0].path).toBe('expertId');
    const stored: { expert_id: string }[] = await db.query(
      'SELECT expert_id FROM expert_assignment WHERE nomination_id = $1 AND edition_id = $2',
      [a.nominationId, editionId],
    );
    const free = experts.find((e) => !stored.some((s) => s.expert_id === e.userId))!;
    const swapped = await send('POST', `/api/expert-assignments/${a.id}/swap`, admin, {
      expertId: free.userId,
      reason: '专家临时回避',
    });
    expect(swapped.statusCode).toBe(200);
    const theirs = await get<{ id: string }[]>(
      `/api/expert-assignments?editionId=${editionId}`,
      free.token,
    );
    expect(theirs.json.map((x) => x.id)).toContain(a.id);
  });

  it('ranks submitted scores per group, flagging a spread above the threshold for arbitration', async () => {
    const id = eligible.toSorted()[0];
    const assigned: { id: string; expert_id: string }[] = await db.query(
      'SELECT id, expert_id FROM expert_assignment WHERE nomination_id = $1 AND edition_id = $2 ORDER BY expert_id',
      [id, editionId],
    );
    const lenient = { mastery: 15, contribution: 10, ethics: 10 };
    const severe = { mastery: 0, contribution: 0, ethics: 0 };
    for (const [i, row] of assigned.entries()) {
      const expert = experts.find((e) => e.userId === row.expert_id)!;
      const url = `/api/expert-assignments/${row.id}`;
      const current = await get<{ status: string }>(`${url}/dossier`, expert.token);
      if (current.json.status === 'submitted')
        await send('POST', `${url}/reopen`, admin, { reason: '重新评分' });
      const res = await send('POST', `${url}/submit`, expert.token, {
        marks: i === 0 ? lenient : severe,
      });
      expect(res.statusCode).toBe(200);
    }
    const scores = await get<{
      groups: {
        group: string;
        rows: {
          id: string;
          rank: number;
          panel: { spread: number; needsArbitration: boolean } | null;
          awaitingArbitration: boolean;
          explanation: { en: string };
        }[];
      }[];
    }>(`${stageUrl()}/scores`, admin);
    expect(scores.status).toBe(200);
    const [group] = scores.json.groups;
    expect(group.group).toBe('C');
    const row = group.rows.find((r) => r.id === id)!;
    // The judged items alone differ by 35 points, above the definition's threshold of 20.
    expect(row.panel).toMatchObject({ spread: 35, needsArbitration: true });
    expect(row.awaitingArbitration).toBe(true);
    expect(row.explanation.en).toContain('spread 35 exceeds 20: arbitration needed');
    expect(group.rows.map((r) => r.rank)).toEqual(group.rows.map((_, i) => i + 1));
  });
  it("opens arbitration for a wide spread and resolves the score with the group's result", async () => {
    const [wide, calm] = eligible.toSorted();
    const url = `${stageUrl()}/arbitrations`;
    const notNeeded = await send('POST', url, admin, {
      nominationId: calm,
      score: 60,
      reason: '仲裁',
    });
    expect(notNeeded.statusCode).toBe(409);
    const tooHigh = await send('POST', url, admin, {
      nominationId: wide,
      score: 101,
      reason: '仲裁',
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'score',
    ]);
    const recorded = await send('POST', url, admin, {
      nominationId: wide,
      score: 60,
      reason: '仲裁组复核后确定',
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ nominationId: wide, score: 60 });
    const again = await send('POST', url, admin, {
      nominationId: wide,
      score: 70,
      reason: '再次仲裁',
    });
    expect(again.statusCode).toBe(409);
    const scores = await get<{
      groups: {
        rows: {
          id: string;
          score: number;
          awaitingArbitration: boolean;
          explanation: { en: string };
        }[];
      }[];
    }>(`${stageUrl()}/scores`, admin);
    const row = scores.json.groups[0].rows.find((r) => r.id === wide)!;
    expect(row).toMatchObject({ score: 60, awaitingArbitration: false });
    expect(row.explanation.en).toMatch(
      /arbitrated 60 replaces the panel's [\d.]+ \(reason: 仲裁组复核后确定\)/,
    );
  });
});
