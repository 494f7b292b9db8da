import { DataSource } from 'typeorm';
import { QueryCounter } from '@craftcert/platform';
import {
  createOrganisation,
  createStaff,
  RequestOptions,
  shippedSource,
  startTestApp,
  TestApp,
  WINDOW,
} from '@craftcert/testing';

/**
 * No N+1: every list endpoint issues the same number of SQL queries whether it returns a few
 * rows or many.
 */
describe('SQL queries per list request stay constant as data grows', () => {
  let t: TestApp;
  let counter: QueryCounter;
  let token: string;
  let secretariatId: string;
  let programmeId: string;
  let districtId: string;

  let requests = 0;
  const queriesFor = async (url: string) => {
    const requestId = `query-count-${++requests}`;
    const res = await t.request({ url, token, headers: { 'x-request-id': requestId } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return counter.countFor(requestId);
  };
  const admin = (options: RequestOptions) => t.request({ token, ...options });

  /** Adds one more of everything each list endpoint returns. */
  const grow = async (i: number) => {
    const enterpriseId = await createOrganisation(t, {
      kind: 'enterprise',
      name: `企业${i}`,
      parentId: districtId,
    });
    await createStaff(t, enterpriseId, ['unitNominator']);
    const programme = await admin({
      method: 'POST',
      url: '/api/programmes',
      payload: { code: `programme-${i}`, name: { zh: `项目${i}`, en: `Programme ${i}` } },
    });
    if (programme.statusCode !== 201) throw new Error(programme.body);
    const source = shippedSource('hangzhou-city-craftsman');
    const definitions = `/api/programmes/${programmeId}/definitions`;
    await admin({ method: 'POST', url: definitions, payload: { source } });
    const latest = (await admin({ url: definitions }))
      .json<{ version: number }[]>()
      .at(-1)!.version;
    await admin({ method: 'POST', url: `${definitions}/${latest}/publish` });
    await admin({
      method: 'POST',
      url: `/api/programmes/${programmeId}/editions`,
      payload: {
        code: `e${i}`,
        title: { zh: `第${i}届`, en: `#${i}` },
        definitionVersion: latest,
        referenceDate: '2026-06-01',
        nominationWindow: WINDOW,
      },
    });
  };

  const urls = () => [
    '/api/organisations',
    '/api/users',
    '/api/programmes',
    `/api/programmes/${programmeId}/definitions`,
    `/api/programmes/${programmeId}/editions`,
    '/api/audit?limit=200',
  ];

  beforeAll(async () => {
    t = await startTestApp();
    counter = t.app.get(DataSource).logger as QueryCounter;
    counter.countPerRequest();
    token = await t.adminToken();
    secretariatId = (await t.request({ url: '/api/me', token })).json<{ organisationId: string }>()
      .organisationId;
    districtId = await createOrganisation(t, {
      kind: 'districtUnion',
      name: '区总工会',
      parentId: secretariatId,
    });
    const programme = await admin({
      method: 'POST',
      url: '/api/programmes',
      payload: {
        code: 'hangzhou-city-craftsman',
        name: { zh: '杭州工匠', en: 'Hangzhou Craftsman' },
      },
    });
    programmeId = programme.json<{ id: string }>().id;
    await grow(1);
  });
  afterAll(() => t.close());

  it('for every list endpoint', async () => {
    const small: number[] = [];
    for (const url of urls()) small.push(await queriesFor(url));
    // Every request was seen by the counter (a list cannot be served without a query).
    expect(small.filter((n) => n === 0)).toEqual([]);
    for (let i = 2; i <= 6; i++) await grow(i);
    const large: number[] = [];
    for (const url of urls()) large.push(await queriesFor(url));
    expect(Object.fromEntries(urls().map((u, i) => [u, large[i]]))).toEqual(
      Object.fromEntries(urls().map((u, i) => [u, small[i]])),
    );
  });
});
