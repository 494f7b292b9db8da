import { Cast, createCast, startTestApp, TestApp } from '@craftcert/testing';

describe('organisation scope', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const organisationIds = async (token: string) =>
    (await t.request({ url: '/api/organisations', token }))
      .json<{ id: string }[]>()
      .map((o) => o.id)
      .toSorted();

  it('lets an enterprise read its own organisation but not another one by id', async () => {
    const { token } = cast.staff.unitNominator;
    expect(
      (await t.request({ url: `/api/organisations/${cast.enterpriseId}`, token })).statusCode,
    ).toBe(200);
    const other = await t.request({ url: `/api/organisations/${cast.otherEnterpriseId}`, token });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('锅炉');
    expect(await organisationIds(token)).toEqual([cast.enterpriseId]);
  });

  it('lets a district union approver see its own union and the enterprises below it, nothing else', async () => {
    const { token } = cast.staff.unitApprover;
    expect(await organisationIds(token)).toEqual(
      [cast.districtUnionId, cast.enterpriseId, cast.otherEnterpriseId].toSorted(),
    );
    expect(
      (await t.request({ url: `/api/organisations/${cast.farEnterpriseId}`, token })).statusCode,
    ).toBe(404);
    const users = (await t.request({ url: '/api/users', token })).json<
      { organisationId: string }[]
    >();
    expect(new Set(users.map((u) => u.organisationId))).toEqual(
      new Set([cast.districtUnionId, cast.enterpriseId]),
    );
  });

  it('lets overseers see every organisation', async () => {
    const all = await organisationIds(cast.staff.auditor.token);
    expect(all).toEqual(
      expect.arrayContaining([cast.farEnterpriseId, cast.departmentId, cast.secretariatId]),
    );
  });

  it('refuses an enterprise placed directly under the secretariat', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/organisations',
      token: cast.staff.secretariatAdmin.token,
      payload: { kind: 'enterprise', name: '无上级单位', parentId: cast.secretariatId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0].path).toBe('parentId');
  });
});
