import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { WorkingCalendar } from '@craftcert/calendar';
import { createApp, isHttpApp, shutdown } from '@craftcert/bootstrap';
import { prepareRuntime } from '@craftcert/platform';
import {
  Cast,
  createCast,
  RequestOptions,
  startTestApp,
  TestApp,
  testConfig,
} from '@craftcert/testing';

interface ErrorBody {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
}
interface PeriodBody {
  firstDay: string;
  lastDay: string;
  endsAt: string;
}
interface YearBody {
  year: number;
  dataComplete: boolean;
  source: string | null;
  holidays: { date: string; name: { zh: string; en: string } }[];
  makeUpWorkingDays: { date: string }[];
  overrides: { date: string; kind: string; reason: string; setBy: string | null }[];
  workingDays: string[] | null;
  declaration: { reason: string } | null;
}
interface AuditBody {
  items: { action: string; subjectId: string; actorId: string; summary: unknown }[];
}

const period = (start: string, days = 5, dayKind = 'working') =>
  `/api/calendar/period?start=${start}&days=${days}&dayKind=${dayKind}`;

describe('working-day calendar through the HTTP API', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: string;
  const asAdmin = (options: RequestOptions) => t.request({ token: admin, ...options });
  const lastDay = async (start: string) => {
    const res = await asAdmin({ url: period(start) });
    expect(res.statusCode).toBe(200);
    return res.json<PeriodBody>().lastDay;
  };
  const setOverride = (date: string, kind: string, reason = '本市另行安排') =>
    asAdmin({ method: 'PUT', url: `/api/calendar/overrides/${date}`, payload: { kind, reason } });
  const removeOverride = (date: string) =>
    asAdmin({
      method: 'DELETE',
      url: `/api/calendar/overrides/${date}`,
      payload: { reason: '恢复国家安排' },
    });

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    admin = cast.staff.secretariatAdmin.token;
  });
  afterAll(() => t.close());

  it('ends a 5-working-day notice from Fri 26 Sep 2025 on Thu 9 Oct, across National Day and its make-up Sunday', async () => {
    // Fri 26 Sep (1), Sun 28 Sep worked (2), Mon 29 (3), Tue 30 (4), 1–8 Oct off, Thu 9 Oct (5).
    const res = await t.request({ url: period('2025-09-26'), token: cast.staff.expert.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: '2025-09-26',
      days: 5,
      dayKind: 'working',
      firstDay: '2025-09-26',
      lastDay: '2025-10-09',
      endsAt: '2025-10-09T16:00:00.000Z',
    });
    // Thu 12 Feb 2026 (1), Fri 13 (2), Sat 14 worked (3), 15–23 Feb Spring Festival, Tue 24 (4), Wed 25 (5).
    expect(await lastDay('2026-02-12')).toBe('2026-02-25');
  });

  it("lists a year's holidays, make-up working days and working days", async () => {
    const res = await t.request({
      url: '/api/calendar/years/2025',
      token: cast.staff.auditor.token,
    });
    expect(res.statusCode).toBe(200);
    const year = res.json<YearBody>();
    expect(year).toMatchObject({ year: 2025, dataComplete: true, source: 'package' });
    expect(year.holidays).toContainEqual({
      date: '2025-10-01',
      name: { zh: '国庆节', en: 'National Day' },
    });
    expect(year.makeUpWorkingDays.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2025-09-28', '2025-10-11']),
    );
    expect(year.workingDays).toContain('2025-09-28');
    expect(year.workingDays).not.toContain('2025-10-08');
    // 365 days − 104 weekend days − 18 weekday holidays (元旦 1, 春节 6, 清明 1, 劳动节 3, 端午 1,
    // 国庆中秋 6) + 5 make-up days (26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct) = 248, counted by hand.
    expect(year.workingDays).toHaveLength(248);
  });

  it('refuses a period that reaches a year without data with a 422 naming the year', async () => {
    // Mon 28 Dec 2026 … Thu 31 Dec are days 1–4; the fifth falls in 2027, which the package lacks.
    const res = await asAdmin({ url: period('2026-12-28') });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'CALENDAR_DATA_MISSING' });
    expect(res.json<ErrorBody>().message).toContain('2027');
    const year = await asAdmin({ url: '/api/calendar/years/2027' });
    expect(year.json<YearBody>()).toMatchObject({
      dataComplete: false,
      source: null,
      workingDays: null,
    });
    // Calendar days need no holiday data.
    const calendarDays = await asAdmin({ url: period('2026-12-28', 5, 'calendar') });
    expect(calendarDays.json<PeriodBody>().lastDay).toBe('2027-01-01');
  });

  it('moves the end of a period when an override marks a day off or a weekend day worked, and audits each change', async () => {
    // Mon 2 Nov 2026: an ordinary week, ending Fri 6 Nov.
    expect(await lastDay('2026-11-02')).toBe('2026-11-06');
    expect((await setOverride('2026-11-04', 'dayOff', '杭州市庆典活动放假一天')).statusCode).toBe(
      200,
    );
    expect(await lastDay('2026-11-02')).toBe('2026-11-09');
    const saturday = await setOverride('2026-11-07', 'workingDay', '本市调休上班');
    expect(saturday.statusCode).toBe(200);
    expect(saturday.json()).toMatchObject({
      date: '2026-11-07',
      kind: 'workingDay',
      reason: '本市调休上班',
      setBy: cast.staff.secretariatAdmin.userId,
    });
    expect(await lastDay('2026-11-02')).toBe('2026-11-07');

    const year = (await asAdmin({ url: '/api/calendar/years/2026' })).json<YearBody>();
    expect(year.overrides.map((o) => [o.date, o.kind])).toEqual([
      ['2026-11-04', 'dayOff'],
      ['2026-11-07', 'workingDay'],
    ]);
    expect(year.workingDays).not.toContain('2026-11-04');
    expect(year.workingDays).toContain('2026-11-07');

    expect((await removeOverride('2026-11-04')).statusCode).toBe(204);
    expect((await removeOverride('2026-11-07')).statusCode).toBe(204);
    expect(await lastDay('2026-11-02')).toBe('2026-11-06');
    expect((await removeOverride('2026-11-07')).statusCode).toBe(404);

    const audit = await asAdmin({
      url: '/api/audit?subjectType=calendar-day&subjectId=2026-11-04',
    });
    expect(
      audit
        .json<AuditBody>()
        .items.map((i) => i.action)
        .toSorted(),
    ).toEqual(['calendar.override-removed', 'calendar.override-set']);
    expect(audit.json<AuditBody>().items[0].actorId).toBe(cast.staff.secretariatAdmin.userId);
  });

  it('lets an override correct a day the package has, replacing an earlier override of that day', async () => {
    expect((await setOverride('2025-10-08', 'dayOff')).statusCode).toBe(200);
    expect((await setOverride('2025-10-08', 'workingDay', '更正')).statusCode).toBe(200);
    // Fri 26 Sep (1), Sun 28 (2), Mon 29 (3), Tue 30 (4), Wed 8 Oct now worked (5).
    expect(await lastDay('2025-09-26')).toBe('2025-10-08');
    const audit = await asAdmin({
      url: '/api/audit?subjectType=calendar-day&subjectId=2025-10-08',
    });
    const summaries = audit.json<AuditBody>().items.map((i) => i.summary);
    expect(summaries).toContainEqual({
      before: { kind: 'dayOff', reason: '本市另行安排' },
      after: { kind: 'workingDay', reason: '更正' },
    });
    expect((await removeOverride('2025-10-08')).statusCode).toBe(204);
  });

  it('knows a year the package lacks only once the secretariat declares it complete', async () => {
    const declare = (year: number, reason = '据国务院办公厅2027年部分节假日安排的通知录入') =>
      asAdmin({
        method: 'PUT',
        url: `/api/calendar/years/${year}/declaration`,
        payload: { reason },
      });
    // A year with no overrides cannot be declared complete; nor can one the package covers.
    expect((await declare(2027)).statusCode).toBe(409);
    const covered = await declare(2026);
    expect(covered.statusCode).toBe(409);
    expect(covered.json<ErrorBody>().message).toContain('chinese-days');

    expect((await setOverride('2027-01-01', 'dayOff', '元旦')).statusCode).toBe(200);
    // Entered but not declared: the year is still refused as a whole.
    expect((await asAdmin({ url: period('2026-12-28') })).statusCode).toBe(422);

    const declared = await declare(2027);
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({
      year: 2027,
      declaredBy: cast.staff.secretariatAdmin.userId,
    });
    // Mon 28 … Thu 31 Dec (1–4), Fri 1 Jan off, Mon 4 Jan 2027 (5).
    expect(await lastDay('2026-12-28')).toBe('2027-01-04');
    const coverage = (await asAdmin({ url: '/api/calendar' })).json<{
      packageYears: number[];
      declarations: { year: number }[];
    }>();
    expect(coverage.packageYears).toContain(2026);
    expect(coverage.packageYears).not.toContain(2027);
    expect(coverage.declarations.map((d) => d.year)).toEqual([2027]);

    const withdrawn = await asAdmin({
      method: 'DELETE',
      url: '/api/calendar/years/2027/declaration',
      payload: { reason: '录入有误，撤回' },
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await asAdmin({ url: period('2026-12-28') })).statusCode).toBe(422);
    expect((await removeOverride('2027-01-01')).statusCode).toBe(204);
  });

  it('answers a date that does not exist with a 400 naming the field', async () => {
    const put = await setOverride('2026-02-30', 'dayOff');
    expect(put.statusCode).toBe(400);
    expect(put.json<ErrorBody>().errors).toEqual([
      { path: 'date', message: 'date must be a real date as YYYY-MM-DD' },
    ]);
    const get = await asAdmin({ url: period('2026-02-30') });
    expect(get.statusCode).toBe(400);
    expect(get.json<ErrorBody>().errors!.map((e) => e.path)).toEqual(['start']);
    const bad = await asAdmin({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-03-02',
      payload: { kind: 'holiday', reason: ' ' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .errors!.map((e) => e.path)
        .toSorted(),
    ).toEqual(['kind', 'reason']);
    const query = await asAdmin({
      url: '/api/calendar/period?start=2026-03-02&days=0&dayKind=weeks',
    });
    expect(
      query
        .json<ErrorBody>()
        .errors!.map((e) => e.path)
        .toSorted(),
    ).toEqual(['dayKind', 'days']);
    const noReason = await asAdmin({ method: 'DELETE', url: '/api/calendar/overrides/2026-03-02' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().errors!.map((e) => e.path)).toEqual(['reason']);
    const year = await asAdmin({ url: '/api/calendar/years/20x6' });
    expect(year.statusCode).toBe(400);
    expect(year.json<ErrorBody>().errors!.map((e) => e.path)).toEqual(['year']);
  });

  it('lets only the secretariat change the calendar, and nothing is written for anyone else', async () => {
    for (const caller of ['auditor', 'unitNominator', 'departmentReviewer', 'expert'] as const) {
      const token = cast.staff[caller].token;
      const put = await t.request({
        method: 'PUT',
        url: '/api/calendar/overrides/2026-03-02',
        payload: { kind: 'dayOff', reason: '试图放假' },
        token,
      });
      expect(put.statusCode).toBe(403);
      const declare = await t.request({
        method: 'PUT',
        url: '/api/calendar/years/2027/declaration',
        payload: { reason: '试图声明' },
        token,
      });
      expect(declare.statusCode).toBe(403);
    }
    const anonymous = await t.request({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-03-02',
      payload: { kind: 'dayOff', reason: '试图放假' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.request({ url: period('2026-03-02') })).statusCode).toBe(401);
    const year = (await asAdmin({ url: '/api/calendar/years/2026' })).json<YearBody>();
    expect(year.overrides).toEqual([]);
    expect(year.workingDays).toContain('2026-03-02');
  });

  it('applies concurrent changes to one day one after the other, each audited with what it replaced', async () => {
    const [first, second] = await Promise.all([
      setOverride('2024-03-11', 'dayOff', '并发一'),
      setOverride('2024-03-11', 'workingDay', '并发二'),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const audit = await asAdmin({
      url: '/api/audit?subjectType=calendar-day&subjectId=2024-03-11',
    });
    const [later, earlier] = audit
      .json<AuditBody>()
      .items.map((i) => i.summary as { before: unknown; after: unknown });
    expect(earlier.before).toBeNull();
    expect(later.before).toEqual(earlier.after);
    const year = (await asAdmin({ url: '/api/calendar/years/2024' })).json<YearBody>();
    expect(year.overrides.map((o) => o.kind)).toEqual([(later.after as { kind: string }).kind]);
    expect((await removeOverride('2024-03-11')).statusCode).toBe(204);
  });

  it('gives snapshots inside many concurrent transactions without needing a second connection', async () => {
    const dataSource = t.app.get(DataSource);
    const calendar = t.app.get(WorkingCalendar);
    // More transactions than the pool has connections: each must use its own for the calendar.
    const ends = await Promise.all(
      Array.from({ length: 15 }, () =>
        dataSource.transaction(async (tx) => {
          await tx.query('SELECT pg_sleep(0.05)');
          const snapshot = await calendar.snapshot(tx);
          return snapshot.periodEnd('2025-09-26', { days: 5, dayKind: 'working' });
        }),
      ),
    );
    expect(new Set(ends)).toEqual(new Set(['2025-10-09']));
  });

  it('documents every calendar route in the OpenAPI document', async () => {
    const doc = (await t.request({ url: '/api/docs-json' })).json<{
      paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: object }>>;
    }>();
    const override = doc.paths['/api/calendar/overrides/{date}'];
    expect(override.put.parameters!.map((p) => p.name)).toContain('date');
    expect(override.put.responses).toHaveProperty('200');
    expect(override.delete.responses).toHaveProperty('204');
    expect(doc.paths['/api/calendar/years/{year}/declaration'].put.responses).toHaveProperty('409');
    expect(doc.paths['/api/calendar/period'].get.responses).toHaveProperty('422');
  });
});

describe('working-day calendar across replicas', () => {
  let t: TestApp;
  let replica: { app: NestFastifyApplication; close(): Promise<void> };

  beforeAll(async () => {
    t = await startTestApp();
    // A second API process on the same database, as behind a load balancer.
    const runtime = await prepareRuntime(testConfig(t.database.url, 'postgres', { ROLE: 'api' }));
    const app = await createApp(runtime);
    if (!isHttpApp(app)) throw new Error('expected an HTTP app');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    replica = { app, close: () => shutdown(app, runtime) };
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  it('sees an override made on another replica on its very next call', async () => {
    const token = await t.adminToken();
    const onReplica = async () => {
      const res = await replica.app.inject({
        url: period('2026-11-02'),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json<PeriodBody>().lastDay;
    };
    expect(await onReplica()).toBe('2026-11-06'); // now cached on the replica
    const put = await t.request({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-11-05',
      payload: { kind: 'dayOff', reason: '本市放假一天' },
      token,
    });
    expect(put.statusCode).toBe(200);
    expect(await onReplica()).toBe('2026-11-09');
  });
});
