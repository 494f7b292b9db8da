import { openEdition, shippedSource, startTestApp, TestApp } from '@craftcert/testing';

/** Inputs a hostile review found answered with a 500: each now gets a 400 naming the field. */
describe('inputs that once produced a 500', () => {
  let t: TestApp;
  let token: string;
  let programmeId: string;
  let editionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.adminToken();
    ({ programmeId, editionId } = await openEdition(t));
  });
  afterAll(() => t.close());

  async function expectFieldError(
    request: Parameters<TestApp['request']>[0],
    path: string,
  ): Promise<void> {
    const res = await t.request({ remoteAddress: '10.200.0.1', ...request });
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: 400,
      body: expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: expect.arrayContaining([expect.objectContaining({ path })]),
      }),
    });
  }

  const loneSurrogate = 'a\ud800b@example.com';

  it('refuses a lone surrogate in an e-mail at sign-in, password reset and invitations', async () => {
    await expectFieldError(
      { method: 'POST', url: '/api/auth/login', payload: { email: loneSurrogate, password: 'x' } },
      'email',
    );
    await expectFieldError(
      { method: 'POST', url: '/api/auth/password-reset', payload: { email: loneSurrogate } },
      'email',
    );
    const me = (await t.request({ url: '/api/me', token })).json<{ organisationId: string }>();
    await expectFieldError(
      {
        method: 'POST',
        url: '/api/invitations',
        token,
        payload: { email: loneSurrogate, organisationId: me.organisationId, roles: ['auditor'] },
      },
      'email',
    );
  });

  it('refuses a lone surrogate anywhere in a body, as text the database could not keep', async () => {
    await expectFieldError(
      {
        method: 'POST',
        url: '/api/programmes',
        token,
        payload: { code: 'surrogates', name: { zh: '\udc00', en: 'x' } },
      },
      'name.zh',
    );
  });

  it('refuses an array where a programme name or an edition title object belongs', async () => {
    await expectFieldError(
      { method: 'POST', url: '/api/programmes', token, payload: { code: 'arrays', name: [] } },
      'name',
    );
    await expectFieldError(
      {
        method: 'POST',
        url: `/api/programmes/${programmeId}/editions`,
        token,
        payload: {
          code: 'arrays',
          title: [],
          definitionVersion: 1,
          referenceDate: '2026-06-01',
          nominationWindow: { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-07-01T00:00:00Z' },
        },
      },
      'title',
    );
  });

  it('refuses source: null on a definition instead of treating it as absent', async () => {
    await expectFieldError(
      {
        method: 'POST',
        url: `/api/programmes/${programmeId}/definitions`,
        token,
        payload: { source: null },
      },
      'source',
    );
    await expectFieldError(
      {
        method: 'PUT',
        url: `/api/programmes/${programmeId}/definitions/1`,
        token,
        payload: { document: null, source: shippedSource('hangzhou-city-craftsman') },
      },
      'document',
    );
  });

  it('refuses a tip-off without contact details, naming contact', async () => {
    const tip = {
      candidateName: '张三',
      employer: '某公司',
      reason: '事迹材料与实际不符，请核查。',
    };
    await expectFieldError(
      { method: 'POST', url: `/api/editions/${editionId}/tip-offs`, payload: tip },
      'contact',
    );
    await expectFieldError(
      {
        method: 'POST',
        url: `/api/editions/${editionId}/tip-offs`,
        payload: { ...tip, contact: [] },
      },
      'contact',
    );
    const tips = await t.request({ url: `/api/editions/${editionId}/tip-offs`, token });
    expect(tips.json()).toEqual([]);
  });
});
