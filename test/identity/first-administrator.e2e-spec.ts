import { startTestApp, TestApp } from '@craftcert/testing';

/** The first start with no ADMIN_PASSWORD: a generated password, printed once. */
describe('the first administrator with a generated password', () => {
  let t: TestApp;
  let printed = '';
  const email = 'first-admin@craftcert.test';
  beforeAll(async () => {
    // Read what the start prints (and let it through to the terminal as usual).
    const write = process.stdout.write.bind(process.stdout);
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      printed += String(chunk);
      return write(chunk as string, ...(rest as []));
    });
    try {
      t = await startTestApp({ extra: { ADMIN_PASSWORD: '', ADMIN_EMAIL: email } });
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(() => t.close());

  const signIn = async (password: string) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: '10.9.8.7',
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ accessToken: string; refreshToken: string }>();
  };

  it('must be changed at first sign-in before anything else is allowed', async () => {
    const generated = /One-time password: (\S+)/.exec(printed)?.[1];
    expect(generated).toBeDefined();
    expect(printed.split('One-time password:')).toHaveLength(2);

    const first = await signIn(generated!);
    const refused = await t.request({ url: '/api/organisations', token: first.accessToken });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.request({ url: '/api/me', token: first.accessToken })).statusCode).toBe(200);

    const changed = await t.request({
      method: 'POST',
      url: '/api/me/password',
      token: first.accessToken,
      payload: { currentPassword: generated, newPassword: 'a-password-of-my-own' },
    });
    expect(changed.statusCode).toBe(204);

    // The session's next token no longer carries the requirement.
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken },
      remoteAddress: '10.9.8.7',
    });
    expect(refreshed.statusCode).toBe(200);
    const token = refreshed.json<{ accessToken: string }>().accessToken;
    expect((await t.request({ url: '/api/organisations', token })).statusCode).toBe(200);
    const again = await signIn('a-password-of-my-own');
    expect(
      (await t.request({ url: '/api/organisations', token: again.accessToken })).statusCode,
    ).toBe(200);
  });

  it('is not required of an administrator whose password was configured', async () => {
    const configured = await startTestApp();
    try {
      const token = await configured.adminToken();
      expect((await configured.request({ url: '/api/organisations', token })).statusCode).toBe(200);
    } finally {
      await configured.close();
    }
  });
});
