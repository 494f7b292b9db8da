import { randomBytes } from 'node:crypto';
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
import { coverNextYear, forwardNominations, transition } from './workflow-world';

/**
 * The shipped city definition as expert scoring (one expert per dossier, plain mean) → a shortlist
 * of four → the selection of three (two craftsmen, one nomination award) → the rest.
 */
function shortlistThenSelectionSource(): string {
  let out = shippedSource('hangzhou-city-craftsman').replace(
    / {2}- id: qualification-check\n[\s\S]*?(?= {2}- id: expert-scoring)/,
    '',
  );
  out = out.replace('    blind: false', '    blind: false\n    expertsPerDossier: 1');
  out = out.replace(
    'aggregation: { method: trimmedMean, trim: 1 }',
    'aggregation: { method: mean }',
  );
  out = out.replace(
    '  - id: leading-group-approval\n',
    [
      '  - id: shortlist',
      '    kind: shortlist',
      '    label: { zh: 专家初选, en: shortlist }',
      '    owner: secretariat',
      '    total: 4',
      '  - id: selection',
      '    kind: selection',
      '    label: { zh: 择优遴选, en: selection }',
      '    owner: secretariat',
      '  - id: leading-group-approval\n',
    ].join('\n'),
  );
  out = out.replace(/(id: craftsman\n[\s\S]*?quota: )30/, '$12');
  out = out.replace(/(id: nominationAward\n[\s\S]*?quota: )10/, '$11');
  out = out.replace('  scoreFloor: 70', '  scoreFloor: 1');
  if (
    !out.includes('kind: shortlist') ||
    !out.includes('quota: 2') ||
    !out.includes('scoreFloor: 1')
  )
    throw new Error('the definition did not change as expected');
  return out;
}

/** Setting the scene: a step that fails stops the suite with what the server said. */
function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

interface Reason {
  code: string;
  text: { zh: string; en: string };
}
interface Outcome {
  status: 'selected' | 'infeasible';
  selected?: { id: string; tier: string; position: number; reason: Reason }[];
  leftOut?: { id: string; reason: Reason }[];
  constraints?: { id: string; bound: number; achieved: number }[];
  conflicting?: { id: string; detail: { zh: string; en: string } }[];
  reason?: { zh: string; en: string };
}
interface SelectionView {
  kind: string;
  state: 'proposed' | 'run';
  phase: string;
  outcome: Outcome;
  results: { tierId: string; filled: number; approvedBy: string | null; nominationIds: string[] }[];
}

describe('selection and shortlist stages: the engine on the runner, what-if, finalisation and approval', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let admin: Staff;
  let editionId: string;
  /** Nominations from best to worst score. */
  let byScore: string[];

  const url = (stageId: string, path = '') =>
    `/api/editions/${editionId}/workflow/stages/${stageId}/selection${path}`;
  const read = (stageId: string) =>
    t.request({ url: url(stageId), token: admin.token }).then((r) => ({
      status: r.statusCode,
      json: r.json<SelectionView>(),
    }));
  const post = (path: string, token: string, payload: unknown = {}) =>
    t.request({ method: 'POST', url: path, token, payload });
  const outcomes = (stageId: string) =>
    db.query(
      `SELECT nomination_id, status, explanation FROM candidate_stage
        WHERE edition_id = $1 AND stage_id = $2 ORDER BY nomination_id`,
      [editionId, stageId],
    ) as Promise<
      {
        nomination_id: string;
        status: string;
        explanation: { code: string; zh: string; en: string };
      }[]
    >;
  const count = (table: string) =>
    db
      .query(`SELECT count(*)::int AS n FROM ${table} WHERE edition_id = $1`, [editionId])
      .then((r: { n: number }[]) => r[0].n);

  /** An edition of `source` with five candidates scored and its scoring stage closed. */
  async function scoredEdition(source: string): Promise<{ editionId: string; byScore: string[] }> {
    const { editionId: id } = await openEdition(t, {
      code: `selection-${randomBytes(3).toString('hex')}`,
      source,
    });
    const { eligible } = await forwardNominations(t, cast, id, 5);
    const panels = await t.request({
      method: 'PUT',
      url: `/api/editions/${id}/workflow/stages/expert-scoring/panels`,
      token: admin.token,
      payload: { panels: [{ group: 'C', organisationId: cast.expertPanelId }] },
    });
    must(panels.statusCode === 200, `panels: ${panels.body}`);
    const entered = await transition(t, admin.token, id, 'stages/expert-scoring/enter');
    must(entered.statusCode === 200, `enter scoring: ${entered.body}`);
    // Distinct judged marks: the candidate submitted first scores highest.
    const expert = cast.staff.expert;
    const list = await t.request({
      url: `/api/expert-assignments?editionId=${id}`,
      token: expert.token,
    });
    const assignments = list
      .json<{ id: string; nominationId: string }[]>()
      .filter((a) => eligible.includes(a.nominationId));
    must(assignments.length === 5, `assignments: ${list.body}`);
    for (const a of assignments) {
      const i = eligible.indexOf(a.nominationId);
      const res = await post(`/api/expert-assignments/${a.id}/submit`, expert.token, {
        marks: { mastery: 15 - 2 * i, contribution: 10 - i, ethics: 10 - i },
      });
      must(res.statusCode === 200, `marks: ${res.body}`);
    }
    const closed = await transition(t, admin.token, id, 'stages/expert-scoring/close');
    must(closed.statusCode === 200, `close scoring: ${closed.body}`);
    return { editionId: id, byScore: eligible };
  }

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    admin = cast.staff.secretariatAdmin;
    await coverNextYear(t, admin.token);
    ({ editionId, byScore } = await scoredEdition(shortlistThenSelectionSource()));
  });
  afterAll(() => t.close());

  it('proposes a shortlist before the stage opens, and closing it lets only the shortlisted on', async () => {
    const proposed = await read('shortlist');
    expect(proposed.status).toBe(200);
    expect(proposed.json).toMatchObject({
      kind: 'shortlist',
      state: 'proposed',
      phase: 'notEntered',
    });
    expect(proposed.json.outcome.selected!.map((s) => s.id)).toEqual(byScore.slice(0, 4));
    expect(proposed.json.outcome.leftOut!.map((c) => c.id)).toEqual([byScore[4]]);
    expect(await count('selection_run')).toBe(0);

    expect((await transition(t, admin.token, editionId, 'stages/shortlist/enter')).statusCode).toBe(
      200,
    );
    const closed = await transition(t, admin.token, editionId, 'stages/shortlist/close');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ summary: { passed: 4, failed: 1 } });
    const rows = await outcomes('shortlist');
    const out = rows.find((r) => r.nomination_id === byScore[4])!;
    expect(out.status).toBe('failed');
    expect(out.explanation.code).toMatch(/^selection\./);
    expect(out.explanation.zh.length).toBeGreaterThan(0);
    expect(out.explanation.en.length).toBeGreaterThan(0);
    expect(
      rows
        .filter((r) => r.status === 'passed')
        .map((r) => r.nomination_id)
        .toSorted(),
    ).toEqual(byScore.slice(0, 4).toSorted());
    expect((await read('shortlist')).json.state).toBe('run');
  });

  it('enters only the shortlisted into the selection and proposes its list with every reason', async () => {
    const entered = await transition(t, admin.token, editionId, 'stages/selection/enter');
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({ summary: { candidates: 4 } });
    const view = await read('selection');
    expect(view.json).toMatchObject({
      kind: 'selection',
      state: 'proposed',
      phase: 'open',
      results: [],
    });
    const { outcome } = view.json;
    expect(outcome.status).toBe('selected');
    expect(outcome.selected!.map((s) => [s.id, s.tier])).toEqual([
      [byScore[0], 'craftsman'],
      [byScore[1], 'craftsman'],
      [byScore[2], 'nominationAward'],
    ]);
    const [left] = outcome.leftOut!;
    expect(left.id).toBe(byScore[3]);
    expect(left.reason.text.en.length).toBeGreaterThan(0);
    expect(left.reason.text.zh.length).toBeGreaterThan(0);
    expect(outcome.constraints!.map((c) => c.id)).toEqual(
      expect.arrayContaining(['manufacturing-floor', 'per-employer-cap']),
    );
  });

  it('answers a what-if with who enters and leaves, saves nothing, and names bad settings', async () => {
    const runs = await count('selection_run');
    // A third craftsman's place: the fourth candidate shares the employer of the three already in.
    const capped = await post(url('selection', '/what-if'), admin.token, {
      quotas: { craftsman: 3 },
    });
    expect(capped.statusCode).toBe(200);
    const held = capped.json<{ outcome: Outcome; diff: { entering: unknown[] } }>();
    expect(held.diff.entering).toEqual([]);
    expect(held.outcome.leftOut![0]).toMatchObject({
      id: byScore[3],
      reason: { constraintIds: ['per-employer-cap'] },
    });
    const more = await post(url('selection', '/what-if'), admin.token, {
      quotas: { craftsman: 3 },
      constraints: { 'per-employer-cap': null },
    });
    expect(more.statusCode).toBe(200);
    const body = more.json<{
      diff: { entering: { id: string; tier: string; reason: Reason }[]; leaving: unknown[] };
    }>();
    expect(body.diff.entering.map((e) => [e.id, e.tier])).toEqual([
      [byScore[3], 'nominationAward'],
    ]);
    expect(body.diff.entering[0].reason.text.en.length).toBeGreaterThan(0);
    expect(body.diff.leaving).toEqual([]);

    const fewer = await post(url('selection', '/what-if'), admin.token, {
      quotas: { craftsman: 1 },
    });
    expect(fewer.statusCode).toBe(200);
    const cut = fewer.json<{
      diff: {
        leaving: { id: string; reason: Reason | null }[];
        tierChanges: { id: string; from: string; to: string }[];
      };
    }>();
    expect(cut.diff.leaving.map((l) => l.id)).toEqual([byScore[2]]);
    expect(cut.diff.leaving[0].reason!.text.en.length).toBeGreaterThan(0);
    expect(cut.diff.tierChanges).toEqual([
      { id: byScore[1], from: 'craftsman', to: 'nominationAward' },
    ]);

    const impossible = await post(url('selection', '/what-if'), admin.token, {
      constraints: { 'manufacturing-floor': { minShare: null, minCount: 5 } },
    });
    expect(impossible.statusCode).toBe(200);
    const report = impossible.json<{ outcome: Outcome; diff: { after: string } }>();
    expect(report.outcome.status).toBe('infeasible');
    expect(report.outcome.selected).toBeUndefined();
    expect(report.outcome.conflicting!.map((c) => c.id)).toContain('manufacturing-floor');
    expect(report.diff.after).toBe('infeasible');

    // Re-weighting a criterion re-scales each candidate's points on it: the ranking holds here.
    const weighted = await post(url('selection', '/what-if'), admin.token, {
      weights: { character: 20 },
    });
    expect(weighted.statusCode).toBe(200);
    const reweighted = weighted.json<{ outcome: Outcome; diff: { entering: unknown[] } }>();
    expect(reweighted.outcome.selected!.map((x) => x.id)).toEqual(byScore.slice(0, 3));
    expect(reweighted.diff.entering).toEqual([]);
    const noCriterion = await post(url('selection', '/what-if'), admin.token, {
      weights: { nope: 3 },
    });
    expect(noCriterion.statusCode).toBe(400);
    expect(JSON.stringify(noCriterion.json())).toContain('weights.nope');

    const bad = await post(url('selection', '/what-if'), admin.token, { quotas: { nope: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('quotas.nope');
    expect(await count('selection_run')).toBe(runs);
  });

  it("refuses finalising before the stage closes, then records each candidate's verdict on closing", async () => {
    expect((await post(url('selection', '/finalise'), admin.token)).statusCode).toBe(409);
    expect(await count('selection_result')).toBe(0);
    const closed = await transition(t, admin.token, editionId, 'stages/selection/close');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ summary: { passed: 3, failed: 1 } });
    const rows = await outcomes('selection');
    expect(rows.find((r) => r.nomination_id === byScore[3])).toMatchObject({ status: 'failed' });
    expect(rows.find((r) => r.nomination_id === byScore[0])!.explanation.code).toMatch(
      /^selection\./,
    );
  });

  /** The payloads of this edition's outbox events of a topic (the tests share one database). */
  const events = async (topic: string) =>
    (
      await db.query<{ payload: Record<string, unknown> }[]>(
        `SELECT payload FROM outbox_event WHERE topic = $1 AND payload->>'editionId' = $2`,
        [topic, editionId],
      )
    ).map((r) => r.payload);

  it('keeps one result per tier when 50 finalisations race: one succeeds, the rest are told 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(url('selection', '/finalise'), admin.token)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const refused = answers
      .find((a) => a.statusCode === 409)!
      .json<{ code: string; message: string }>();
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('already been finalised');
    expect(await count('selection_result')).toBe(2);
    expect(await count('selection_place')).toBe(3);
    expect(await events('selection.finalised')).toEqual([
      { editionId, stageId: 'selection', filled: { craftsman: 2, nominationAward: 1 } },
    ]);
    const view = await read('selection');
    expect(view.json.results.map((r) => [r.tierId, r.nominationIds])).toEqual([
      ['craftsman', [byScore[0], byScore[1]]],
      ['nominationAward', [byScore[2]]],
    ]);
  });

  it('never holds more places than a quota, whatever writes them', async () => {
    await expect(
      db.query(
        `INSERT INTO selection_place (edition_id, tier_id, position, quota, nomination_id, reason)
         VALUES ($1, 'nominationAward', 2, 1, $2, '{}')`,
        [editionId, byScore[3]],
      ),
    ).rejects.toThrow(/ck_selection_place_position/);
  });

  it('is approved by someone other than who finalised it, with who and when, and then fixed', async () => {
    const same = await post(url('selection', '/approve'), admin.token);
    expect(same.statusCode).toBe(409);
    expect(same.json<{ message: string }>().message).toContain('someone other');
    const approver = await createStaff(t, cast.secretariatId, ['secretariatAdmin']);
    const approved = await post(url('selection', '/approve'), approver.token);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ approvedBy: approver.userId });
    const view = await read('selection');
    expect(view.json.results.every((r) => r.approvedBy === approver.userId)).toBe(true);
    expect((await post(url('selection', '/approve'), approver.token)).statusCode).toBe(409);
    expect((await post(url('selection', '/finalise'), admin.token)).statusCode).toBe(409);
    expect(await events('selection.approved')).toEqual([
      { editionId, stageId: 'selection', tierIds: ['craftsman', 'nominationAward'] },
    ]);
  });

  it('holds an approved result fixed in the database, except for an objection outcome', async () => {
    await expect(
      db.query(`DELETE FROM selection_place WHERE edition_id = $1 AND position = 1`, [editionId]),
    ).rejects.toThrow(/approved and is fixed/);
    await expect(
      db.query(`UPDATE selection_result SET filled = 0 WHERE edition_id = $1`, [editionId]),
    ).rejects.toThrow(/approved and is fixed/);
    expect(await count('selection_place')).toBe(3);
    // An objection outcome may amend it, inside its own transaction (rolled back here).
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query("SELECT set_config('craftcert.selection_amendment', 'objection', true)");
      const removed = await runner.query(
        `DELETE FROM selection_place WHERE edition_id = $1 AND tier_id = 'nominationAward'`,
        [editionId],
      );
      expect(removed[1]).toBe(1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await count('selection_place')).toBe(3);
  });

  it('answers 404 for a stage that is not a selection, and 409 for finalising a shortlist', async () => {
    expect((await read('expert-scoring')).status).toBe(404);
    expect((await post(url('shortlist', '/finalise'), admin.token)).statusCode).toBe(409);
  });
  it('reports rules that cannot be met with no list, and refuses to close the stage on them', async () => {
    const impossible = shortlistThenSelectionSource().replace(
      '    total: 4\n',
      [
        '    total: 4',
        '    constraints:',
        '      - id: services-floor',
        '        kind: floor',
        '        label: { zh: 服务业至少 2 人, en: at least 2 from services }',
        '        minCount: 2',
        '        where: { id: is-services, kind: field, label: { zh: 行业门类, en: industry section }, field: industrySection, equals: M }',
        '',
      ].join('\n'),
    );
    const other = await scoredEdition(impossible);
    const at = (path = '') =>
      `/api/editions/${other.editionId}/workflow/stages/shortlist/selection${path}`;
    const view = await t.request({ url: at(), token: admin.token });
    expect(view.statusCode).toBe(200);
    const { outcome } = view.json<SelectionView>();
    expect(outcome.status).toBe('infeasible');
    expect(outcome.selected).toBeUndefined();
    expect(outcome.conflicting!.map((c) => c.id)).toContain('services-floor');
    expect(outcome.reason!.zh.length).toBeGreaterThan(0);
    expect(outcome.reason!.en).toContain('at least 2 from services');
    expect(
      (await transition(t, admin.token, other.editionId, 'stages/shortlist/enter')).statusCode,
    ).toBe(200);
    const refused = await transition(t, admin.token, other.editionId, 'stages/shortlist/close');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toContain('cannot all be met');
    const rows: { status: string }[] = await db.query(
      `SELECT status FROM candidate_stage WHERE edition_id = $1 AND stage_id = 'shortlist'`,
      [other.editionId],
    );
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill('pending'));
    const runs: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM selection_run WHERE edition_id = $1',
      [other.editionId],
    );
    expect(runs[0].n).toBe(0);
  });
});
