import { DataSource } from 'typeorm';
import { seedDemo } from '@craftcert/bootstrap';
import { startTestApp, TestApp } from '@craftcert/testing';

/** Rows in every table of the application's schema, by table. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const db = t.app.get(DataSource);
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM "${table_name}"`)) as {
      n: number;
    }[];
    counts[table_name] = row.n;
  }
  return counts;
}

describe('demo seed: a living public site from an empty platform', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await startTestApp();
    first = await seedDemo(t.app, { onlyIfEmpty: true });
  });
  afterAll(() => t.close());

  it('lists the released edition and the edition in public notice on the home page', async () => {
    expect(first.seeded).toBe(true);
    const home = await t.request({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`/editions/${first.pastEditionId}`);
    expect(home.body).toContain(`/editions/${first.currentEditionId}`);
    expect(home.body).toContain('正在公示');
    const notice = await t.request({ url: `/editions/${first.currentEditionId}` });
    expect(notice.body).toContain('公示期：');
    expect(notice.body).toContain('韩雪梅');
  });

  it('issues certificates for the released edition that verify, with no ID or phone numbers shown', async () => {
    const page = await t.request({ url: `/editions/${first.pastEditionId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('陈志强');
    const numbers = [...page.body.matchAll(/\/verify\/([0-9A-Z*~$=]+)/g)].map((m) => m[1]);
    expect(new Set(numbers).size).toBe(8);
    const verified = await t.request({ url: `/api/public/certificates/${numbers[0]}` });
    expect(verified.json()).toMatchObject({ status: 'valid', signatureValid: true });
    for (const url of [
      '/',
      `/editions/${first.pastEditionId}`,
      `/editions/${first.currentEditionId}`,
    ]) {
      const body = (await t.request({ url })).body;
      expect(body).not.toMatch(/\b\d{17}[\dXx]\b/);
      expect(body).not.toMatch(/\b1[3-9]\d{9}\b/);
    }
  });

  it('lets the demo staff sign in with the printed password', async () => {
    expect(first.logins.map((l) => l.role)).toEqual(
      expect.arrayContaining(['unitNominator', 'unitApprover', 'departmentReviewer', 'expert']),
    );
    await expect(t.login(first.logins[0].email, 'craftcert-demo')).resolves.toEqual(
      expect.any(String),
    );
  });

  it('changes nothing when run again, and never seeds a platform that has schemes of its own', async () => {
    const before = await rowCounts(t);
    await expect(seedDemo(t.app)).resolves.toMatchObject({ seeded: false });
    await expect(seedDemo(t.app, { onlyIfEmpty: true })).resolves.toMatchObject({ seeded: false });
    expect(await rowCounts(t)).toEqual(before);
  });
});
