// Schemes as configuration over the real routes: a team as the candidate, a three-level union
// chain in which every hop acts, a unit ranking its own nominees, a definition naming an unknown
// organisation kind, and endorsements that hold a nomination back until the notice has ended.
import {
  attachRequiredEvidence,
  Cast,
  createCast,
  createOrganisation,
  createStaff,
  FILES,
  hangzhouDossier,
  openEdition,
  recordEndorsements,
  shippedSource,
  type Staff,
  startTestApp,
  TestApp,
} from '@craftcert/testing';

interface Nomination {
  id: string;
  status: string;
  candidate: string;
  routingHop: number;
  unitRank: number | null;
  dossier: Record<string, unknown>;
  flags: { possibleDuplicate?: true; duplicateOf?: string[] };
}

const teamDossier = (overrides: Record<string, unknown> = {}) => ({
  teamName: '叶片装配班',
  enterprise: '杭州汽轮机股份有限公司',
  district: '拱墅区',
  industrySection: 'C',
  leaderName: '张卫东',
  leaderPhone: '13900000000',
  memberCount: 12,
  foundedOn: '2018-03-01',
  members: [{ name: '李小红', idNumber: '11010519491231002X', post: '装配钳工' }],
  majorAccident: false,
  honours: [{ title: '杭州市模范班组', level: 'city', awardedOn: '2025-05-01' }],
  narrative: '攻克叶片装配难题，三年零事故。',
  ...overrides,
});

const studioDossier = (studioName: string) => ({
  studioName,
  hostEnterprise: '杭州汽轮机股份有限公司',
  industrySection: 'C',
  leadName: '王建国',
  leadIdNumber: '33010219800101123X',
  leadTitle: 'craftsman',
  establishedOn: '2019-05-01',
  memberCount: 8,
  innovations: [
    { title: '叶片激光校形', year: 2025 },
    { title: '装配工装改进', year: 2024 },
  ],
  patents: 2,
  narrative: '以师带徒，攻关创新。',
});

describe('schemes as configuration', () => {
  let t: TestApp;
  let cast: Cast;
  let streetUnionId: string;
  let streetEnterpriseId: string;
  let streetApprover: Staff;
  let teamNominator: Staff;
  let otherTeamNominator: Staff;
  let hostApprover: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    // City federation → district union → street union → two enterprises.
    streetUnionId = await createOrganisation(t, {
      kind: 'streetUnion',
      name: '米市巷街道总工会',
      parentId: cast.districtUnionId,
    });
    streetEnterpriseId = await createOrganisation(t, {
      kind: 'enterprise',
      name: '杭州汽轮机股份有限公司',
      parentId: streetUnionId,
      industrySection: 'C',
    });
    const otherStreetEnterpriseId = await createOrganisation(t, {
      kind: 'enterprise',
      name: '杭州汽轮动力集团',
      parentId: streetUnionId,
      industrySection: 'C',
    });
    [streetApprover, teamNominator, otherTeamNominator, hostApprover] = await Promise.all([
      createStaff(t, streetUnionId, ['unitApprover']),
      createStaff(t, streetEnterpriseId, ['unitNominator']),
      createStaff(t, otherStreetEnterpriseId, ['unitNominator']),
      createStaff(t, streetEnterpriseId, ['unitApprover']),
    ]);
  });
  afterAll(() => t.close());

  const call = async (
    token: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
  ) => t.request({ method, url, payload, token });

  async function draft(
    token: string,
    editionId: string,
    dossier: Record<string, unknown>,
  ): Promise<string> {
    const res = await call(token, 'POST', `/api/editions/${editionId}/nominations`, {
      channelId: 'unit-nomination',
      dossier,
    });
    expect(res.statusCode).toBe(201);
    return res.json<Nomination>().id;
  }

  const act = (
    token: string,
    id: string,
    what: 'submit' | 'forward' | 'return',
    payload?: unknown,
  ) => call(token, 'POST', `/api/nominations/${id}/${what}`, payload);

  describe('a team honour through street union, district union and federation', () => {
    let editionId: string;
    let teamId: string;

    beforeAll(async () => {
      ({ editionId } = await openEdition(t, {
        code: 'hangzhou-team-vanguard',
        source: shippedSource('team-vanguard'),
      }));
    });

    it('nominates a team, listed by its name with no personal data', async () => {
      teamId = await draft(teamNominator.token, editionId, teamDossier());
      await attachRequiredEvidence(t, teamNominator.token, teamId);
      const submitted = await act(teamNominator.token, teamId, 'submit');
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json<Nomination>()).toMatchObject({
        status: 'submitted',
        routingHop: 0,
        candidate: '叶片装配班',
      });

      const list = await call(
        as('secretariatAdmin'),
        'GET',
        `/api/editions/${editionId}/nominations`,
      );
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('叶片装配班');
      for (const personal of ['张卫东', '13900000000', '李小红', '11010519491231002X'])
        expect(list.body).not.toContain(personal);
    });

    it('flags the same team nominated again, however its name is spaced, by its identity', async () => {
      const again = await draft(
        otherTeamNominator.token,
        editionId,
        teamDossier({ teamName: '叶片 装配班 ', enterprise: ' 杭州汽轮机股份有限公司' }),
      );
      await attachRequiredEvidence(t, otherTeamNominator.token, again);
      const submitted = await act(otherTeamNominator.token, again, 'submit');
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json<Nomination>().flags.possibleDuplicate).toBe(true);
      const first = await call(as('secretariatAdmin'), 'GET', `/api/nominations/${teamId}`);
      expect(first.json<Nomination>().flags.duplicateOf).toEqual([again]);
    });

    it('lets every hop act: the street union returns and forwards, the district ranks and forwards', async () => {
      // Not yet the district's turn: the street union holds it.
      expect((await act(as('unitApprover'), teamId, 'forward')).statusCode).toBe(403);

      const returned = await act(streetApprover.token, teamId, 'return', {
        reason: '请补充班组成员名单',
      });
      expect(returned.statusCode).toBe(200);
      expect(returned.json<Nomination>().status).toBe('returned');
      expect((await act(teamNominator.token, teamId, 'submit')).statusCode).toBe(200);

      const passed = await act(streetApprover.token, teamId, 'forward');
      expect(passed.statusCode).toBe(200);
      expect(passed.json<Nomination>()).toMatchObject({ status: 'submitted', routingHop: 1 });
      // The street union acted; acting again is no longer its turn.
      expect((await act(streetApprover.token, teamId, 'forward')).statusCode).toBe(403);

      const unranked = await act(as('unitApprover'), teamId, 'forward');
      expect(unranked.statusCode).toBe(409);
      expect(unranked.body).toContain('district-union');

      const ranked = await call(as('unitApprover'), 'PUT', `/api/editions/${editionId}/rankings`, {
        channelId: 'unit-nomination',
        order: [teamId],
      });
      expect(ranked.statusCode).toBe(204);
      const forwarded = await act(as('unitApprover'), teamId, 'forward');
      expect(forwarded.statusCode).toBe(200);
      expect(forwarded.json<Nomination>()).toMatchObject({ status: 'forwarded', unitRank: 1 });

      const timeline = await call(
        teamNominator.token,
        'GET',
        `/api/nominations/${teamId}/timeline`,
      );
      const kinds = timeline.json<{ kind: string }[]>().map((e) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['submitted', 'returned', 'passedOn', 'forwarded']),
      );
    });

    it('does not pass an ineligible team on as if eligible: the channel does not allow it', async () => {
      const unitId = await createOrganisation(t, {
        kind: 'enterprise',
        name: '杭州锅炉集团',
        parentId: streetUnionId,
        industrySection: 'C',
      });
      const nominator = await createStaff(t, unitId, ['unitNominator']);
      const id = await draft(
        nominator.token,
        editionId,
        teamDossier({ teamName: '两人小组', enterprise: '杭州锅炉集团', memberCount: 2 }),
      );
      await attachRequiredEvidence(t, nominator.token, id);
      const submitted = await act(nominator.token, id, 'submit');
      expect(submitted.json<{ eligible: boolean }>().eligible).toBe(false);
      const refused = await act(streetApprover.token, id, 'forward');
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ message: string }>().message).toContain('not eligible');
      expect(
        (await act(streetApprover.token, id, 'return', { reason: '成员人数不足' })).statusCode,
      ).toBe(200);
    });

    it('refuses a unit whose chain lacks a hop kind instead of skipping the hop', async () => {
      // cast.enterpriseId sits directly under the district union: no street union above it.
      const id = await draft(as('unitNominator'), editionId, teamDossier({ teamName: '汽轮机班' }));
      await attachRequiredEvidence(t, as('unitNominator'), id);
      const refused = await act(as('unitNominator'), id, 'submit');
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('street-union');
    });
  });

  it('lets the host enterprise rank its own studios before they go up', async () => {
    const { editionId } = await openEdition(t, {
      code: 'innovation-studio',
      source: shippedSource('innovation-studio'),
    });
    const ids: string[] = [];
    for (const name of ['王建国技能大师工作室', '叶片创新工作室']) {
      const id = await draft(teamNominator.token, editionId, studioDossier(name));
      const minutes = await t.request({
        method: 'POST',
        url: `/api/nominations/${id}/evidence?kind=minutes&fileName=minutes.pdf`,
        payload: FILES.pdf(),
        headers: { 'content-type': 'application/octet-stream' },
        token: teamNominator.token,
      });
      expect(minutes.statusCode).toBe(201);
      await attachRequiredEvidence(t, teamNominator.token, id);
      const submitted = await act(teamNominator.token, id, 'submit');
      expect(submitted.json<Nomination>()).toMatchObject({ status: 'submitted', routingHop: 0 });
      ids.push(id);
    }
    expect((await act(hostApprover.token, ids[0], 'forward')).statusCode).toBe(409);
    const ranked = await call(hostApprover.token, 'PUT', `/api/editions/${editionId}/rankings`, {
      channelId: 'unit-nomination',
      order: [ids[1], ids[0]],
    });
    expect(ranked.statusCode).toBe(204);
    const passed = await act(hostApprover.token, ids[0], 'forward');
    expect(passed.json<Nomination>()).toMatchObject({
      status: 'submitted',
      routingHop: 1,
      unitRank: 2,
    });
    // The street union is not a hop of this channel; the district union screens next.
    expect((await act(streetApprover.token, ids[0], 'forward')).statusCode).toBe(403);
    const forwarded = await act(as('unitApprover'), ids[0], 'forward');
    expect(forwarded.json<Nomination>().status).toBe('forwarded');
  });

  it('refuses a definition whose routing names an organisation kind that does not exist, with its path', async () => {
    const token = as('secretariatAdmin');
    const programme = await call(token, 'POST', '/api/programmes', {
      code: 'township-scheme',
      name: { zh: '乡镇工匠', en: 'Township Craftsman' },
    });
    expect(programme.statusCode).toBe(201);
    const source = shippedSource('hangzhou-city-craftsman')
      .replace('code: hangzhou-city-craftsman', 'code: township-scheme')
      .replace('roles: [districtUnion, industryUnion]', 'roles: [districtUnion, townshipUnion]');
    const res = await call(
      token,
      'POST',
      `/api/programmes/${programme.json<{ id: string }>().id}/definitions`,
      {
        source,
      },
    );
    expect(res.statusCode).toBe(400);
    const edition = await call(
      token,
      'POST',
      `/api/programmes/${programme.json<{ id: string }>().id}/editions`,
      {
        code: 'e-2026',
        title: { zh: '第一届', en: 'First' },
        definitionVersion: 1,
        referenceDate: '2026-02-30',
        nominationWindow: { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' },
      },
    );
    expect(edition.statusCode).toBe(400);
    expect(edition.body).toContain('referenceDate must be a date as YYYY-MM-DD');
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
      {
        path: '/channels/0/routing/0/roles/1',
        message: expect.stringContaining('unknown organisation kind "townshipUnion"'),
      },
    ]);
  });

  it('holds a nomination back until its endorsements are recorded and the notice has ended, across a public holiday', async () => {
    const { editionId } = await openEdition(t, { code: 'endorsed-craftsman' });
    const token = as('unitNominator');
    const id = await draft(token, editionId, hangzhouDossier({ idNumber: '330102199001011234' }));
    await attachRequiredEvidence(t, token, id, { endorse: false });

    const missing = await act(token, id, 'submit');
    expect(missing.statusCode).toBe(409);
    expect(missing.json<{ message: string }>().message).toContain('"unit-notice" (单位内部公示');

    // A notice starting today ends after 5 working days; make its last day a public holiday.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const put = (payload: unknown) =>
      call(token, 'PUT', `/api/nominations/${id}/endorsements/unit-notice`, payload);
    // Fields sent as null are fields not given: a clear 400, never a 500.
    const nulls = await put({ startsOn: null, evidenceId: null });
    expect(nulls.statusCode).toBe(400);
    expect(nulls.body).toContain('startsOn is required for a notice');
    const first = await put({ startsOn: today });
    expect(first.statusCode).toBe(200);
    const end = first.json<{ endsOn: string }>().endsOn;
    const holiday = await call(as('secretariatAdmin'), 'PUT', `/api/calendar/overrides/${end}`, {
      kind: 'dayOff',
      reason: '市政府决定本市放假一天',
    });
    expect(holiday.statusCode).toBeLessThan(300);
    const moved = (await put({ startsOn: today })).json<{ endsOn: string }>().endsOn;
    expect(moved > end).toBe(true);
    await recordEndorsements(t, token, id, { startsOn: today });

    const early = await act(token, id, 'submit');
    expect(early.statusCode).toBe(409);
    const next = new Date(`${moved}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(early.body).toContain(`can proceed from ${next.toISOString().slice(0, 10)}`);
    const listed = await call(token, 'GET', `/api/nominations/${id}/endorsements`);
    expect(listed.json<{ blockedBy: string }>().blockedBy).toContain(moved);

    // The unit's notice that ran from Fri 26 Sep 2025 ended Thu 9 Oct, across National Day.
    const held = await put({ startsOn: '2025-09-26' });
    expect(held.json<{ endsOn: string }>().endsOn).toBe('2025-10-09');
    const submitted = await act(token, id, 'submit');
    expect(submitted.statusCode).toBe(200);

    const wrong = await put({ startsOn: '2026-02-30' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('startsOn');
  });

  function as(who: keyof Cast['staff']): string {
    return cast.staff[who].token;
  }
});
