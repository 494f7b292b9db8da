import ExcelJS from 'exceljs';
import { readdir } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import {
  attachRequiredEvidence,
  Cast,
  createCast,
  createStaff,
  FILES,
  hangzhouDossier,
  residentIdNumber,
  openEdition,
  shippedSource,
  startTestApp,
  TestApp,
  mailedToken,
} from '@craftcert/testing';

interface Nomination {
  id: string;
  status: string;
  eligible: boolean | null;
  flags: { possibleDuplicate?: true; duplicateOf?: string[]; priorAwards?: unknown[] };
  dossier: Record<string, unknown>;
}
interface ErrorBody {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
}

const idNumber = (i: number) => residentIdNumber(i);

describe('nomination rules', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;
  let editionId: string;
  let nominator: string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
    nominator = cast.staff.unitNominator.token;
    // Three places per unit in this edition (the shipped scheme allows two).
    const source = shippedSource('hangzhou-city-craftsman').replace(
      'perUnitCap: 2',
      'perUnitCap: 3',
    );
    ({ editionId } = await openEdition(t, { source }));
  });
  afterAll(() => t.close());

  const draft = async (
    dossier: Record<string, unknown>,
    token = nominator,
    edition = editionId,
  ) => {
    const res = await t.request({
      method: 'POST',
      url: `/api/editions/${edition}/nominations`,
      token,
      payload: { channelId: 'unit-nomination', dossier },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json<Nomination>().id;
  };
  const submit = (id: string, token = nominator) =>
    t.request({ method: 'POST', url: `/api/nominations/${id}/submit`, token });

  it("lets exactly three of twenty concurrent submissions take the unit's three places", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = await draft(hangzhouDossier({ idNumber: idNumber(i), name: `候选人${i}` }));
      await attachRequiredEvidence(t, nominator, id);
      ids.push(id);
    }
    const results = await Promise.all(ids.map((id) => submit(id)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(17);
    expect(results.find((r) => r.statusCode === 409)!.json<ErrorBody>().code).toBe(
      'QUOTA_EXCEEDED',
    );
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM nomination WHERE edition_id = $1 AND status = 'submitted'`,
      [editionId],
    );
    expect(n).toBe(3);
    // The refused ones are untouched drafts: nothing half-written.
    const [{ drafts }] = await db.query(
      `SELECT count(*)::int AS drafts FROM nomination WHERE edition_id = $1 AND status = 'draft' AND eligibility IS NULL`,
      [editionId],
    );
    expect(drafts).toBe(17);
  });

  it('refuses submission outside the window until an admin extends it, with a recorded reason', async () => {
    const closed = await openEdition(t, {
      code: 'closed-edition',
      window: { opensAt: '2025-01-01T00:00:00Z', closesAt: '2025-02-01T00:00:00Z' },
    });
    const id = await draft(
      hangzhouDossier({ idNumber: idNumber(90) }),
      nominator,
      closed.editionId,
    );
    await attachRequiredEvidence(t, nominator, id);
    const refused = await submit(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>()).toMatchObject({ code: 'NOMINATION_WINDOW_CLOSED' });
    expect(refused.json<ErrorBody>().message).toContain('2025-02-01T00:00:00.000Z');

    const admin = await t.adminToken();
    const noReason = await t.request({
      method: 'PUT',
      url: `/api/editions/${closed.editionId}/nomination-window`,
      token: admin,
      payload: { closesAt: '2099-01-01T00:00:00Z' },
    });
    expect(noReason.json<ErrorBody>().errors![0].path).toBe('reason');
    const extended = await t.request({
      method: 'PUT',
      url: `/api/editions/${closed.editionId}/nomination-window`,
      token: admin,
      payload: { closesAt: '2099-01-01T00:00:00Z', reason: '受台风影响延长推荐期限' },
    });
    expect(extended.statusCode).toBe(200);
    expect((await submit(id)).statusCode).toBe(200);
    const [change] = await db.query(
      'SELECT reason FROM edition_window_change WHERE edition_id = $1',
      [closed.editionId],
    );
    expect(change.reason).toBe('受台风影响延长推荐期限');
  });

  it('flags the same ID number nominated by two units, on both nominations', async () => {
    const other = await createStaff(t, cast.otherEnterpriseId, ['unitNominator']);
    const first = await draft(hangzhouDossier({ idNumber: idNumber(50) }), other.token);
    await attachRequiredEvidence(t, other.token, first);
    expect((await submit(first, other.token)).statusCode).toBe(200);
    const far = cast.staff.otherNominator.token;
    const second = await draft(hangzhouDossier({ idNumber: idNumber(50) }), far);
    await attachRequiredEvidence(t, far, second);
    const res = await submit(second, far);
    // The units learn that the secretariat will check a possible duplicate, never each other's ids.
    expect(res.json<Nomination>().flags).toEqual({ possibleDuplicate: true });
    expect(res.body).not.toContain(first);
    const firstForItsUnit = await t.request({
      url: `/api/nominations/${first}`,
      token: other.token,
    });
    expect(firstForItsUnit.json<Nomination>().flags).toEqual({ possibleDuplicate: true });
    expect(firstForItsUnit.body).not.toContain(second);
    const listed = await t.request({
      url: `/api/editions/${editionId}/nominations`,
      token: cast.staff.unitApprover.token,
    });
    expect(listed.body).toContain(first);
    expect(listed.body).not.toContain(second);
    const admin = await t.adminToken();
    const firstNow = await t.request({ url: `/api/nominations/${first}`, token: admin });
    expect(firstNow.json<Nomination>().flags).toEqual({
      possibleDuplicate: true,
      duplicateOf: [second],
    });
  });

  it('flags and excludes a previous winner under the repeat ban', async () => {
    const admin = await t.adminToken();
    const award = await t.request({
      method: 'POST',
      url: '/api/awards',
      token: admin,
      payload: {
        idNumber: idNumber(60),
        programmeCode: 'hangzhou-city-craftsman',
        year: 2021,
        tier: 'craftsman',
      },
    });
    expect(award.statusCode).toBe(201);
    const other = await createStaff(t, cast.otherEnterpriseId, ['unitNominator']);
    const id = await draft(hangzhouDossier({ idNumber: idNumber(60) }), other.token);
    await attachRequiredEvidence(t, other.token, id);
    const res = await submit(id, other.token);
    expect(res.json<Nomination>()).toMatchObject({
      eligible: false,
      flags: { priorAwards: [expect.objectContaining({ year: 2021 })] },
    });
  });

  describe('hostile and malformed input', () => {
    it('names unknown dossier fields and wrong types, and saves nothing', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations`,
        token: nominator,
        payload: {
          channelId: 'unit-nomination',
          dossier: { name: 42, skillLevel: 'grandmaster', isAdmin: true },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json<ErrorBody>()
          .errors!.map((e) => e.path)
          .toSorted(),
      ).toEqual(['dossier.isAdmin', 'dossier.name', 'dossier.skillLevel']);
      const unknownTop = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations`,
        token: nominator,
        payload: { channelId: 'unit-nomination', dossier: {}, status: 'forwarded' },
      });
      expect(unknownTop.json<ErrorBody>().errors).toEqual([
        { path: 'status', message: 'status should not exist' },
      ]);
    });

    it('refuses NUL characters anywhere in a request with the field path', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations`,
        token: nominator,
        payload: { channelId: 'unit-nomination', dossier: { narrative: 'a\u0000b' } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors).toEqual([
        { path: 'dossier.narrative', message: 'must not contain NUL characters' },
      ]);
    });

    it('stores scripts in text fields as text and returns them verbatim as JSON', async () => {
      const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const id = await draft(hangzhouDossier({ narrative: script, name: '阿卜杜拉·买买提' }));
      const res = await t.request({ url: `/api/nominations/${id}`, token: nominator });
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json<Nomination>().dossier.narrative).toBe(script);
      expect(res.json<{ candidate: string }>().candidate).toBe('阿***提');
    });

    it('refuses oversized and mislabelled files by their content, leaving nothing behind', async () => {
      const id = await draft(hangzhouDossier({ idNumber: idNumber(70) }));
      const upload = (kind: string, bytes: Buffer, contentType: string) =>
        t.request({
          method: 'POST',
          url: `/api/nominations/${id}/evidence?kind=${kind}&fileName=photo.png`,
          payload: bytes,
          headers: { 'content-type': contentType },
          token: nominator,
        });
      const script = await upload('photo', Buffer.from('#!/bin/sh\nrm -rf /'), 'image/png');
      expect(script.statusCode).toBe(400);
      expect(script.json<ErrorBody>().errors![0]).toMatchObject({
        path: 'file',
        message: expect.stringContaining('not a recognised format'),
      });
      const pdfAsPhoto = await upload('photo', FILES.pdf(), 'image/jpeg');
      expect(pdfAsPhoto.json<ErrorBody>().errors![0].message).toContain('application/pdf');
      const huge = await upload(
        'photo',
        Buffer.concat([FILES.png(), Buffer.alloc(1_100_000)]),
        'image/png',
      );
      expect(huge.json<ErrorBody>().errors![0].message).toContain('at most 1048576 bytes');
      const unknownKind = await upload('selfie', FILES.png(), 'image/png');
      expect(unknownKind.json<ErrorBody>().errors![0].path).toBe('kind');
      const [{ n }] = await db.query(
        'SELECT count(*)::int AS n FROM evidence_file WHERE nomination_id = $1',
        [id],
      );
      expect(n).toBe(0);

      const ok = await upload('photo', FILES.jpeg(), 'application/octet-stream');
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ contentType: 'image/jpeg', fileName: 'photo.png' });
      const second = await upload('photo', FILES.png(), 'image/png');
      expect(second.statusCode).toBe(409);
      const dir = t.runtime.config.EVIDENCE_DIR!;
      const stored = (await readdir(dir, { recursive: true })).filter(
        (f) => !f.endsWith('.tmp') && f.length > 30,
      );
      expect(stored).toHaveLength((await db.query('SELECT id FROM evidence_file')).length);
    });

    it('serves evidence back only within scope, with the detected type', async () => {
      const id = await draft(hangzhouDossier({ idNumber: idNumber(71) }));
      await attachRequiredEvidence(t, nominator, id);
      const files = (
        await t.request({ url: `/api/nominations/${id}/evidence`, token: nominator })
      ).json<{ id: string; kind: string }[]>();
      const photo = files.find((f) => f.kind === 'photo')!;
      const res = await t.request({
        url: `/api/nominations/${id}/evidence/${photo.id}`,
        token: nominator,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toContain('attachment');
      const outsider = await t.request({
        url: `/api/nominations/${id}/evidence/${photo.id}`,
        token: cast.staff.otherNominator.token,
      });
      expect(outsider.statusCode).toBe(404);
    });
  });

  describe('spreadsheets', () => {
    it('round-trips export → edit → import, reporting refused rows and importing nothing from them', async () => {
      const template = await t.request({
        url: `/api/editions/${editionId}/nominations/template.xlsx`,
        token: nominator,
      });
      expect(template.headers['content-type']).toContain('spreadsheetml');

      const exported = await t.request({
        url: `/api/editions/${editionId}/nominations.xlsx?status=submitted&revealPersonalData=true`,
        token: await t.adminToken(),
      });
      expect(exported.statusCode).toBe(200);
      const masked = await t.request({
        url: `/api/editions/${editionId}/nominations.xlsx?revealPersonalData=true`,
        token: nominator,
      });
      expect(masked.statusCode).toBe(403);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).map(String);
      const col = (id: string) => header.indexOf(id);
      const dataRows = sheet.rowCount - 2;
      expect(dataRows).toBeGreaterThanOrEqual(3);
      // Row 3: a new candidate (new ID number); row 4: broken level; others unchanged.
      sheet.getRow(3).getCell(col('idNumber')).value = idNumber(80);
      sheet.getRow(3).getCell(col('name')).value = "O'Brien 欧布莱恩";
      sheet.getRow(4).getCell(col('skillLevel')).value = '宗师';
      const edited = Buffer.from(await workbook.xlsx.writeBuffer());

      const before = (await db.query('SELECT count(*)::int AS n FROM nomination')).at(0).n;
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations/import?channelId=unit-nomination`,
        payload: edited,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        token: nominator,
      });
      expect(res.statusCode).toBe(200);
      const report = res.json<{
        accepted: { row: number; nominationId: string }[];
        refused: { row: number; errors: { path: string }[] }[];
      }>();
      expect(report.refused).toEqual([
        { row: 4, errors: [expect.objectContaining({ path: 'skillLevel' })] },
      ]);
      expect(report.accepted).toHaveLength(dataRows - 1);
      const after = (await db.query('SELECT count(*)::int AS n FROM nomination')).at(0).n;
      expect(after - before).toBe(dataRows - 1);
      const imported = await t.request({
        url: `/api/nominations/${report.accepted[0].nominationId}/personal-data`,
        token: nominator,
      });
      expect(imported.json()).toMatchObject({ name: "O'Brien 欧布莱恩", idNumber: idNumber(80) });
    });

    it('answers a file that is not a workbook with a 400 naming the problem', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/nominations/import?channelId=unit-nomination`,
        payload: FILES.png(),
        headers: { 'content-type': 'application/octet-stream' },
        token: nominator,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors![0].path).toBe('file');
    });
  });

  describe('public channels', () => {
    it('a self-nomination reaches the secretariat once both referees confirm, each link once', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/public-nominations`,
        payload: {
          channelId: 'self-nomination',
          dossier: hangzhouDossier({ idNumber: idNumber(95) }),
          referees: [
            { name: '张工', email: 'zhang@example.test' },
            { name: '李工', email: 'li@example.test' },
          ],
        },
      });
      expect(res.statusCode).toBe(201);
      const { status } = res.json<{ status: string }>();
      expect(status).toBe('awaitingReferees');
      const tokens = [
        await mailedToken(t, 'zhang@example.test', 'referee'),
        await mailedToken(t, 'li@example.test', 'referee'),
      ];
      const confirm = (token: string) =>
        t.request({ method: 'POST', url: '/api/referee-confirmations', payload: { token } });
      expect((await confirm(tokens[0])).json()).toMatchObject({ status: 'awaitingReferees' });
      expect((await confirm(tokens[0])).statusCode).toBe(400);
      expect((await confirm(tokens[1])).json()).toMatchObject({ status: 'forwarded' });
    });

    it("applies the repeat ban to public nominations too, without telling the public about the person's award", async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/public-nominations`,
        payload: {
          channelId: 'self-nomination',
          dossier: hangzhouDossier({ idNumber: idNumber(60) }),
          referees: [
            { name: '张工', email: 'zhang2@example.test' },
            { name: '李工', email: 'li2@example.test' },
          ],
        },
      });
      expect(res.statusCode).toBe(201);
      // Anyone can type anyone's ID number: the answer is judged on the dossier alone.
      const answer = res.json<{ id: string; eligible: boolean }>();
      expect(answer.eligible).toBe(true);
      expect(res.body).not.toContain('2021');
      expect(res.body).not.toMatch(/已于|awarded/);
      const secretariat = await t.request({
        url: `/api/nominations/${answer.id}`,
        token: await t.adminToken(),
      });
      expect(secretariat.json<Nomination>()).toMatchObject({
        eligible: false,
        flags: { priorAwards: [expect.objectContaining({ year: 2021 })] },
      });
    });

    it('refuses a self-nomination without the configured referees, and unit channels for the public', async () => {
      const noReferees = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/public-nominations`,
        payload: { channelId: 'self-nomination', dossier: hangzhouDossier(), referees: [] },
      });
      expect(noReferees.json<ErrorBody>().errors![0]).toEqual({
        path: 'referees',
        message: 'referees must name exactly 2 people',
      });
      const unit = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/public-nominations`,
        payload: { channelId: 'unit-nomination', dossier: hangzhouDossier(), referees: [] },
      });
      expect(unit.statusCode).toBe(403);
    });

    it('records a public tip-off', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/editions/${editionId}/tip-offs`,
        payload: {
          candidateName: '赵师傅',
          employer: '杭州某机械厂',
          reason: '三十年如一日坚守一线，带出十余名技师。',
          contact: { name: '钱女士', phone: '13900000000' },
        },
      });
      expect(res.statusCode).toBe(201);
      const [row] = await db.query('SELECT contact_ciphertext FROM tip_off WHERE id = $1', [
        res.json<{ id: string }>().id,
      ]);
      expect(row.contact_ciphertext).not.toContain('13900000000');
      const list = await t.request({
        url: `/api/editions/${editionId}/tip-offs`,
        token: await t.adminToken(),
      });
      expect(list.json()).toEqual([
        expect.objectContaining({
          candidateName: '赵师傅',
          contact: { name: '钱女士', phone: '13900000000' },
        }),
      ]);
      const [audit] = await db.query(
        `SELECT count(*)::int AS n FROM audit_record WHERE action = 'pii.read' AND subject_id = $1`,
        [editionId],
      );
      expect(audit.n).toBe(1);
    });
  });
});
