import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { DataSource } from 'typeorm';
import { AuditLog, verifyAuditChain } from '@craftcert/audit';
import { RequestContext } from '@craftcert/platform';
import { RequestOptions, shippedSource, startTestApp, TestApp, WINDOW } from '@craftcert/testing';

interface AuditItem {
  seq: string;
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: { before?: unknown; after?: unknown };
  requestId: string | null;
  prevHash: string;
  hash: string;
}
interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}
interface ErrorBody {
  code: string;
  errors?: { path: string; message: string }[];
}

describe('audit trail over HTTP', () => {
  let t: TestApp;
  let adminToken: string;
  let adminId: string;
  const asAdmin = (options: RequestOptions) => t.request({ token: adminToken, ...options });
  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await t.adminToken();
    adminId = (await asAdmin({ url: '/api/me' })).json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const page = async (query: string) => {
    const res = await asAdmin({ url: `/api/audit?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json<AuditPage>();
  };

  describe('programme changes are audited with the caller’s request id', () => {
    let programmeId: string;

    it('records programme.created with the actor and request id', async () => {
      const res = await asAdmin({
        method: 'POST',
        url: '/api/programmes',
        headers: { 'x-request-id': 'audit-create-1' },
        payload: {
          code: 'hangzhou-city-craftsman',
          name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
        },
      });
      expect(res.statusCode).toBe(201);
      programmeId = res.json<{ id: string }>().id;
      const { items } = await page(`subjectType=programme&subjectId=${programmeId}`);
      expect(items).toEqual([
        expect.objectContaining({
          action: 'programme.created',
          actorId: adminId,
          requestId: 'audit-create-1',
          summary: { after: { code: 'hangzhou-city-craftsman' } },
        }),
      ]);
    });

    it('records definition.proposed, .revised and .published, without the document', async () => {
      const base = `/api/programmes/${programmeId}/definitions`;
      const source = shippedSource('hangzhou-city-craftsman');
      const steps: [string, RequestOptions][] = [
        ['audit-propose-1', { method: 'POST', url: base, payload: { source } }],
        ['audit-revise-1', { method: 'PUT', url: `${base}/1`, payload: { source } }],
        ['audit-publish-1', { method: 'POST', url: `${base}/1/publish` }],
      ];
      for (const [requestId, request] of steps) {
        const res = await asAdmin({ ...request, headers: { 'x-request-id': requestId } });
        expect(res.statusCode).toBeLessThan(300);
      }
      const { items } = await page('subjectType=pipeline_definition');
      expect(items.map((i) => [i.action, i.requestId])).toEqual([
        ['definition.published', 'audit-publish-1'],
        ['definition.revised', 'audit-revise-1'],
        ['definition.proposed', 'audit-propose-1'],
      ]);
      expect(items[0].summary).toEqual({
        before: { status: 'draft' },
        after: { programmeId, version: 1, status: 'published' },
      });
      expect(JSON.stringify(items)).not.toContain('eligibility');
    });

    it('records edition.opened', async () => {
      const res = await asAdmin({
        method: 'POST',
        url: `/api/programmes/${programmeId}/editions`,
        headers: { 'x-request-id': 'audit-edition-1' },
        payload: {
          code: '2026',
          title: { zh: '第十届', en: '10th' },
          definitionVersion: 1,
          referenceDate: '2026-06-01',
          nominationWindow: WINDOW,
        },
      });
      expect(res.statusCode).toBe(201);
      const { items } = await page('action=edition.opened');
      expect(items).toEqual([
        expect.objectContaining({
          subjectType: 'edition',
          subjectId: res.json<{ id: string }>().id,
          requestId: 'audit-edition-1',
          summary: { after: { programmeId, code: '2026', definitionVersion: 1 } },
        }),
      ]);
    });

    it('writes nothing when the change is refused', async () => {
      const before = (await page('limit=200')).items.length;
      const duplicate = await asAdmin({
        method: 'POST',
        url: '/api/programmes',
        payload: { code: 'hangzhou-city-craftsman', name: { zh: '重复', en: 'Duplicate' } },
      });
      expect(duplicate.statusCode).toBe(409);
      expect((await page('limit=200')).items).toHaveLength(before);
      const verdict = await verifyAuditChain(t.app.get(DataSource));
      expect(verdict).toMatchObject({ ok: true });
      // Linked, or committed a moment ago and about to be.
      expect(verdict.count + verdict.unlinked.count).toBe(before);
    });
  });

  describe('GET /api/audit', () => {
    const actor = {
      userId: '33333333-3333-4333-8333-333333333333',
      organisationId: '44444444-4444-4444-8444-444444444444',
      roles: [],
    };
    let startedAt: string;

    beforeAll(async () => {
      startedAt = new Date().toISOString();
      const audit = t.app.get(AuditLog);
      const dataSource = t.app.get(DataSource);
      for (let i = 1; i <= 7; i++) {
        await RequestContext.run({ requestId: `paged-${i}`, ...(i % 2 ? { actor } : {}) }, () =>
          audit.recordStandalone(dataSource, {
            action: 'test.paged',
            subjectType: 'widget',
            subjectId: `w-${i % 3}`,
            after: { i },
          }),
        );
      }
    });

    it('pages newest first by seq cursor until nextCursor is null', async () => {
      const seen: AuditItem[] = [];
      let query = 'action=test.paged&limit=3';
      const sizes: number[] = [];
      for (;;) {
        const { items, nextCursor } = await page(query);
        sizes.push(items.length);
        seen.push(...items);
        if (!nextCursor) break;
        expect(nextCursor).toBe(items[items.length - 1].seq);
        query = `action=test.paged&limit=3&before=${nextCursor}`;
      }
      expect(sizes).toEqual([3, 3, 1]);
      expect(seen.map((i) => i.summary.after)).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => ({ i })));
      const seqs = seen.map((i) => Number(i.seq));
      expect(seqs).toEqual(seqs.toSorted((a, b) => b - a));
    });

    it('defaults to 50 records a page', async () => {
      expect((await page('')).items.length).toBeLessThanOrEqual(50);
    });

    it('filters by actor, subject and time', async () => {
      const byActor = await page(`actorId=${actor.userId}`);
      expect(byActor.items.map((i) => i.requestId)).toEqual([
        'paged-7',
        'paged-5',
        'paged-3',
        'paged-1',
      ]);
      const bySubject = await page('subjectType=widget&subjectId=w-1');
      expect(bySubject.items.map((i) => i.summary.after)).toEqual([{ i: 7 }, { i: 4 }, { i: 1 }]);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await page(`action=test.paged&from=${future}`)).items).toEqual([]);
      expect((await page(`action=test.paged&to=${startedAt}`)).items).toEqual([]);
      expect((await page(`action=test.paged&from=${startedAt}&to=${future}`)).items).toHaveLength(
        7,
      );
    });

    it('costs the same queries for a page of 1 as for a page of 200', async () => {
      const queries = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      const cost = async (limit: number) => {
        queries.mockClear();
        const { items } = await page(`limit=${limit}`);
        return { items: items.length, queries: queries.mock.calls.length };
      };
      try {
        const one = await cost(1);
        const many = await cost(200);
        expect(many.items).toBeGreaterThan(10);
        expect(many.queries).toBe(one.queries);
      } finally {
        queries.mockRestore();
      }
    });

    it.each([
      ['limit=0', 'limit', 'limit must be an integer from 1 to 200'],
      ['limit=201', 'limit', 'limit must be an integer from 1 to 200'],
      ['limit=ten', 'limit', 'limit must be an integer from 1 to 200'],
      ['from=yesterday', 'from', 'from must be an ISO 8601 timestamp'],
      ['to=2026-13-01', 'to', 'to must be an ISO 8601 timestamp'],
      ['before=-1', 'before', 'before must be a record seq (a positive integer)'],
      ['actorId=someone', 'actorId', 'actorId must be a UUID'],
    ])('answers 400 naming the field for %s', async (query, path, message) => {
      const res = await asAdmin({ url: `/api/audit?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors).toEqual([{ path, message }]);
    });

    it('refuses an unknown filter', async () => {
      const res = await asAdmin({ url: '/api/audit?colour=red' });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors![0].path).toBe('colour');
    });
  });
});
