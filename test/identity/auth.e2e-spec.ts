import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import {
  createCast,
  createStaff,
  Staff,
  startTestApp,
  TEST_ADMIN,
  TestApp,
  mailedToken,
} from '@craftcert/testing';

const accountHash = (email: string) =>
  createHash('sha256').update(email.toLowerCase()).digest('hex');

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('authentication', () => {
  let t: TestApp;
  let db: DataSource;
  let nominator: Staff;
  let enterpriseId: string;
  let address = 0;
  // Each sign-in comes from its own address so the per-address credential limit stays out of the way.
  const from = () => `10.20.${Math.floor(address / 250)}.${address++ % 250}`;
  const login = (email: string, password: string, remoteAddress = from(), cookie?: string) =>
    t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress,
      // A browser sending its cookies also sends its page's origin (PUBLIC_URL's, in tests).
      headers: cookie ? { cookie, origin: 'http://localhost:3000' } : {},
    });
  const deviceCookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `craftcert_device=${res.cookies.find((c) => c.name === 'craftcert_device')!.value}`;
  const codeOf = (res: { json<T>(): T }) => res.json<{ code: string }>().code;

  beforeAll(async () => {
    t = await startTestApp({
      extra: {
        LOGIN_MAX_FAILURES: '3',
        LOGIN_ACCOUNT_MAX_FAILURES: '6',
        LOGIN_ADDRESS_MAX_FAILURES: '5',
      },
    });
    db = t.app.get(DataSource);
    const cast = await createCast(t);
    nominator = cast.staff.unitNominator;
    enterpriseId = cast.enterpriseId;
  });
  afterAll(() => t.close());

  it('stores passwords only as argon2id hashes', async () => {
    const [row] = await db.query('SELECT password_hash FROM app_user WHERE email = $1', [
      nominator.email,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(nominator.password);
  });

  it('signs in with tokens and httpOnly, Secure, SameSite cookies that both authenticate', async () => {
    const res = await login(nominator.email.toUpperCase(), nominator.password);
    expect(res.statusCode).toBe(200);
    const body = res.json<Tokens & { tokenType: string; expiresIn: number }>();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const access = res.cookies.find((c) => c.name === 'craftcert_access')!;
    expect(access).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(res.cookies.find((c) => c.name === 'craftcert_refresh')).toMatchObject({
      httpOnly: true,
      path: '/api/auth',
    });
    const byBearer = await t.request({ url: '/api/me', token: body.accessToken });
    expect(byBearer.json()).toMatchObject({ email: nominator.email, roles: ['unitNominator'] });
    const byCookie = await t.request({
      url: '/api/me',
      headers: { cookie: `craftcert_access=${access.value}` },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(byBearer.body).not.toContain('password');
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await login(TEST_ADMIN.email, 'not-the-password');
    const unknown = await login('nobody@craftcert.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ message: string }>().message).toBe(
      unknown.json<{ message: string }>().message,
    );
  });

  it('refuses expired, forged and garbage access tokens', async () => {
    const secret = t.runtime.config.JWT_SECRET!;
    const claims = { sub: nominator.userId, org: enterpriseId, roles: ['unitNominator'], sid: 'x' };
    const jwt = new JwtService();
    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 10 },
      { secret, issuer: 'craftcert' },
    );
    const forged = jwt.sign(
      { ...claims, roles: ['secretariatAdmin'] },
      { secret: 'another-secret-another-secret-12', issuer: 'craftcert', expiresIn: 600 },
    );
    for (const token of [expired, forged, 'garbage']) {
      expect((await t.request({ url: '/api/me', token })).statusCode).toBe(401);
    }
    const fresh = jwt.sign(claims, { secret, issuer: 'craftcert', expiresIn: 600 });
    expect((await t.request({ url: '/api/me', token: fresh })).statusCode).toBe(200);
  });

  describe('throttling', () => {
    it('delays the address that keeps failing on an account, never the owner elsewhere', async () => {
      const victim = await createStaff(t, enterpriseId, ['unitNominator']);
      const attacker = from();
      for (const attempt of ['wrong-1', 'wrong-2', 'wrong-3']) {
        expect((await login(victim.email, attempt, attacker)).statusCode).toBe(401);
      }
      const delayed = await login(victim.email, victim.password, attacker);
      expect(delayed.statusCode).toBe(429);
      expect(codeOf(delayed)).toBe('SIGN_IN_THROTTLED');
      expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
      // The owner, from anywhere else, is not locked out by someone else's failures.
      expect((await login(victim.email, victim.password)).statusCode).toBe(200);
      const audited = await db.query(
        `SELECT action FROM audit_record WHERE subject_id = $1 AND action LIKE 'auth.sign-in-%' ORDER BY seq`,
        [victim.userId],
      );
      expect(audited.map((r: { action: string }) => r.action)).toEqual([
        'auth.sign-in-failed',
        'auth.sign-in-failed',
        'auth.sign-in-failed',
        'auth.sign-in-throttled',
      ]);
    });

    it('makes each further failure wait longer', async () => {
      const victim = await createStaff(t, enterpriseId, ['unitNominator']);
      const attacker = from();
      for (let i = 0; i < 3; i++) await login(victim.email, `wrong-${i}`, attacker);
      const first = Number((await login(victim.email, 'again', attacker)).headers['retry-after']);
      // The delay has passed (moved into the past here rather than waited for).
      await db.query(
        `UPDATE sign_in_attempt SET blocked_until = now() - interval '1 second' WHERE key = $1`,
        [`pair:${accountHash(victim.email)}:${attacker}`],
      );
      expect((await login(victim.email, 'wrong-4', attacker)).statusCode).toBe(401);
      const second = Number((await login(victim.email, 'again', attacker)).headers['retry-after']);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(30);
      expect(second).toBeGreaterThan(30);
      expect(second).toBeLessThanOrEqual(60);
    });

    it("keeps guessing spread over many addresses from locking the owner's own browser", async () => {
      const owner = await createStaff(t, enterpriseId, ['unitNominator']);
      const device = deviceCookieOf(await login(owner.email, owner.password));
      // Six addresses, one guess each: no address passes its own allowance, the account does.
      for (let i = 0; i < 6; i++) {
        expect((await login(owner.email, `guess-${i}`)).statusCode).toBe(401);
      }
      const stranger = await login(owner.email, owner.password);
      expect(stranger.statusCode).toBe(429);
      expect(codeOf(stranger)).toBe('SIGN_IN_THROTTLED');
      // The browser that signed in before carries the account's device cookie and gets in.
      expect((await login(owner.email, owner.password, from(), device)).statusCode).toBe(200);
      // A device cookie is bound to its account: it does not help on another one.
      const other = await createStaff(t, enterpriseId, ['unitNominator']);
      for (let i = 0; i < 6; i++) await login(other.email, `guess-${i}`);
      expect((await login(other.email, other.password, from(), device)).statusCode).toBe(429);
      const forged = `craftcert_device=${device.split('=')[1].split('.')[0]}.AAAA`;
      expect((await login(owner.email, owner.password, from(), forged)).statusCode).toBe(429);
    });

    it('delays an address that tries many accounts', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      const stuffer = from();
      for (let i = 0; i < 5; i++) {
        expect((await login(`someone-${i}@craftcert.test`, 'Passw0rd!', stuffer)).statusCode).toBe(
          401,
        );
      }
      const res = await login(user.email, user.password, stuffer);
      expect(res.statusCode).toBe(429);
      expect((await login(user.email, user.password)).statusCode).toBe(200);
    });

    it('answers unknown and existing accounts alike, before and after the delay begins', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      const run = async (email: string) => {
        const caller = from();
        const answers: string[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await login(email, `wrong-${i}`, caller);
          const { requestId: _, ...body } = res.json<Record<string, unknown>>();
          // The wait in the message counts down (30 s, then 29 s on a slow run): compare its shape.
          const shape = JSON.stringify(body).replace(/\d+/g, 'N');
          answers.push(`${res.statusCode} ${res.headers['retry-after'] ? 'retry' : '-'} ${shape}`);
        }
        return answers;
      };
      const known = await run(user.email);
      const unknown = await run('no-such-user@craftcert.test');
      expect(unknown).toEqual(known);
      expect(known.map((a) => a.slice(0, 3))).toEqual(['401', '401', '401', '429', '429']);
    });

    it('counts wrong passwords arriving all at once', async () => {
      const victim = await createStaff(t, enterpriseId, ['unitNominator']);
      const attacker = from();
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => login(victim.email, `wrong-${i}`, attacker)),
      );
      const [row] = await db.query(`SELECT failures FROM sign_in_attempt WHERE key = $1`, [
        `pair:${accountHash(victim.email)}:${attacker}`,
      ]);
      // Concurrent failures each counted until the delay began; later ones were refused unjudged.
      expect(row.failures).toBe(3);
      expect((await login(victim.email, victim.password, attacker)).statusCode).toBe(429);
    });

    it('delays wrong current passwords on a password change like failed sign-ins', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      const token = (await login(user.email, user.password)).json<Tokens>().accessToken;
      const guesser = from();
      const change = (currentPassword: string) =>
        t.request({
          method: 'POST',
          url: '/api/me/password',
          token,
          remoteAddress: guesser,
          payload: { currentPassword, newPassword: 'changed-password-123' },
        });
      for (const guess of ['guess-1', 'guess-2', 'guess-3']) {
        const wrong = await change(guess);
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json<{ errors: { path: string }[] }>().errors[0].path).toBe('currentPassword');
      }
      // Past the allowance even the right password waits, and nothing changes.
      const delayed = await change(user.password);
      expect(delayed.statusCode).toBe(429);
      expect(codeOf(delayed)).toBe('SIGN_IN_THROTTLED');
      expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
      // The guesses count on the sign-in counters too: that address is delayed there as well.
      expect((await login(user.email, user.password, guesser)).statusCode).toBe(429);
      expect((await login(user.email, user.password)).statusCode).toBe(200);
      const audited = await db.query(
        `SELECT action FROM audit_record WHERE subject_id = $1 AND action LIKE 'user.password-change%' ORDER BY seq`,
        [user.userId],
      );
      expect(audited.map((r: { action: string }) => r.action)).toEqual([
        'user.password-change-failed',
        'user.password-change-failed',
        'user.password-change-failed',
        'user.password-change-throttled',
      ]);
    });

    it("lets an administrator lift an account's delays, audited, and no one else", async () => {
      const owner = await createStaff(t, enterpriseId, ['unitNominator']);
      for (let i = 0; i < 6; i++) await login(owner.email, `guess-${i}`);
      expect((await login(owner.email, owner.password)).statusCode).toBe(429);
      const unlock = (token: string) =>
        t.request({ method: 'POST', url: `/api/users/${owner.userId}/unlock`, token });
      expect((await unlock(nominator.token)).statusCode).toBe(403);
      expect((await unlock(await t.adminToken())).statusCode).toBe(204);
      expect((await login(owner.email, owner.password)).statusCode).toBe(200);
      const [audit] = await db.query(
        `SELECT actor_id, summary FROM audit_record WHERE action = 'user.unlocked' AND subject_id = $1`,
        [owner.userId],
      );
      expect(audit.actor_id).not.toBeNull();
      const missing = await t.request({
        method: 'POST',
        url: '/api/users/00000000-0000-4000-8000-000000000000/unlock',
        token: await t.adminToken(),
      });
      expect(missing.statusCode).toBe(404);
    });
  });

  it('rotates refresh tokens and revokes the session when an old one is replayed', async () => {
    const first = (await login(nominator.email, nominator.password)).json<Tokens>();
    const refresh = (refreshToken: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken },
        remoteAddress: from(),
      });
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.json<Tokens>();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect((await t.request({ url: '/api/me', token: rotated.accessToken })).statusCode).toBe(200);

    // A replay well after the rotation (not a race between tabs) is a stolen token.
    await db.query(`UPDATE auth_session SET rotated_at = now() - interval '1 minute'`);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    // The thief's replay ended the session: the legitimate newer token is dead too.
    expect((await refresh(rotated.refreshToken)).statusCode).toBe(401);
  });

  it('survives two tabs refreshing with the same token at once', async () => {
    const { refreshToken } = (await login(nominator.email, nominator.password)).json<Tokens>();
    const refresh = (token: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: token },
        remoteAddress: from(),
      });
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(results.map((r) => r.statusCode).toSorted()).toEqual([200, 401]);
    const winner = results.find((r) => r.statusCode === 200)!.json<Tokens>();
    expect((await refresh(winner.refreshToken)).statusCode).toBe(200);
  });

  it('accepts the refresh cookie instead of a body token', async () => {
    const res = await login(nominator.email, nominator.password);
    const cookie = res.cookies.find((c) => c.name === 'craftcert_refresh')!;
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: {},
      // A browser's own page: the origin is PUBLIC_URL's (the default in tests).
      headers: { cookie: `craftcert_refresh=${cookie.value}`, origin: 'http://localhost:3000' },
      remoteAddress: from(),
    });
    expect(refreshed.statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const tokens = (await login(nominator.email, nominator.password)).json<Tokens>();
    const out = await t.request({
      method: 'POST',
      url: '/api/auth/logout',
      token: tokens.accessToken,
    });
    expect(out.statusCode).toBe(204);
    const refresh = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: tokens.refreshToken },
      remoteAddress: from(),
    });
    expect(refresh.statusCode).toBe(401);
  });

  describe('invitations', () => {
    const invite = async (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/invitations', payload, token: await t.adminToken() });
    const tokenOf = (acceptUrl: string) => new URL(acceptUrl).searchParams.get('token')!;
    const accept = (token: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/invitations/accept',
        payload: { token, displayName: '新同事', password: 'a-long-password' },
        remoteAddress: from(),
      });

    it('creates the account once; the link cannot be reused', async () => {
      const res = await invite({
        email: 'new.colleague@craftcert.test',
        organisationId: enterpriseId,
        roles: ['unitNominator'],
      });
      expect(res.statusCode).toBe(201);
      const token = tokenOf(res.json<{ acceptUrl: string }>().acceptUrl);
      const [event] = await db.query(
        `SELECT payload FROM outbox_event WHERE topic = 'identity.invitation-created' ORDER BY created_at DESC LIMIT 1`,
      );
      // The outbox names the invitation only: no address, no link.
      expect(event.payload).toEqual({ invitationId: res.json<{ id: string }>().id });
      expect((await accept(token)).statusCode).toBe(200);
      const again = await accept(token);
      expect(again.statusCode).toBe(400);
      expect(again.json<{ code: string }>().code).toBe('TOKEN_INVALID');
    });

    it('refuses an expired link', async () => {
      const res = await invite({
        email: 'late@craftcert.test',
        organisationId: enterpriseId,
        roles: ['unitNominator'],
      });
      await db.query(
        `UPDATE one_time_token SET expires_at = now() - interval '1 minute' WHERE email = 'late@craftcert.test'`,
      );
      expect((await accept(tokenOf(res.json<{ acceptUrl: string }>().acceptUrl))).statusCode).toBe(
        400,
      );
    });

    it('refuses roles that cannot be held in the organisation, and taken e-mails', async () => {
      const wrongRole = await invite({
        email: 'x@craftcert.test',
        organisationId: enterpriseId,
        roles: ['expert'],
      });
      expect(wrongRole.statusCode).toBe(400);
      expect(wrongRole.json<{ errors: { path: string }[] }>().errors[0].path).toBe('roles');
      const taken = await invite({
        email: nominator.email,
        organisationId: enterpriseId,
        roles: ['unitNominator'],
      });
      expect(taken.statusCode).toBe(409);
    });
  });

  describe('password reset', () => {
    const resets: Record<string, number> = {};
    /** The link of the next reset e-mail to this address, from its .eml file. */
    const nextResetToken = (email: string) =>
      mailedToken(t, email, 'reset-password', (resets[email] = (resets[email] ?? 0) + 1));
    const resetLinks = async (email: string): Promise<number> =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM one_time_token WHERE kind = 'passwordReset' AND email = $1`,
          [email],
        )
      )[0].n;
    const requestReset = (email: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email },
        remoteAddress: from(),
      });

    it('answers alike for unknown addresses and sends nothing', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      const known = await requestReset(user.email);
      const res = await requestReset('ghost@craftcert.test');
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe(known.body);
      // Once the known account's link is out, the unknown one's request has long been handled.
      await nextResetToken(user.email);
      expect(await resetLinks('ghost@craftcert.test')).toBe(0);
    });

    it('answers before looking the account up, known or not', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      // While the accounts table is locked, no request that reads it could be answered.
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      let known, unknown;
      try {
        await runner.query('LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE');
        [known, unknown] = await Promise.all([
          requestReset(user.email),
          requestReset('nobody-here@craftcert.test'),
        ]);
        expect(await resetLinks(user.email)).toBe(0);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
      expect(unknown.body).toBe(known.body);
      // The known account's link follows once the look-up can run.
      expect(await nextResetToken(user.email)).toMatch(/\S/);
    });

    it('ends the older links when a new one is issued', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      const requestLink = async () => {
        await requestReset(user.email);
        return nextResetToken(user.email);
      };
      const older = await requestLink();
      const newer = await requestLink();
      expect(newer).not.toBe(older);
      const confirm = (token: string) =>
        t.request({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, password: 'reset-password-123' },
          remoteAddress: from(),
        });
      const stale = await confirm(older);
      expect(stale.statusCode).toBe(400);
      expect(codeOf(stale)).toBe('TOKEN_INVALID');
      expect((await confirm(newer)).statusCode).toBe(204);
    });

    it("clears the account's sign-in delays once the mailbox owner resets the password", async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      for (let i = 0; i < 6; i++) await login(user.email, `guess-${i}`);
      expect((await login(user.email, user.password)).statusCode).toBe(429);
      await requestReset(user.email);
      const token = await nextResetToken(user.email);
      await t.request({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password: 'after-reset-password' },
        remoteAddress: from(),
      });
      expect((await login(user.email, 'after-reset-password')).statusCode).toBe(200);
    });

    it('resets through a single-use link and ends existing sessions', async () => {
      const user = await createStaff(t, enterpriseId, ['unitNominator']);
      const session = (await login(user.email, user.password)).json<Tokens>();
      const res = await requestReset(user.email);
      expect(res.statusCode).toBe(202);
      const token = await nextResetToken(user.email);
      const confirm = (password: string) =>
        t.request({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, password },
          remoteAddress: from(),
        });
      expect((await confirm('brand-new-password')).statusCode).toBe(204);
      expect((await confirm('another-new-password')).statusCode).toBe(400);
      expect((await login(user.email, user.password)).statusCode).toBe(401);
      expect((await login(user.email, 'brand-new-password')).statusCode).toBe(200);
      const refresh = await t.request({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: session.refreshToken },
        remoteAddress: from(),
      });
      expect(refresh.statusCode).toBe(401);
    });
  });

  it('limits sign-in requests per address, whatever their outcome', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await login('nobody@craftcert.test', 'whatever', '10.99.99.99');
      codes.push(codeOf(res));
    }
    // The first ten are judged (or delayed by the sign-in throttle); then the rate limit refuses.
    expect(codes.slice(0, 10)).not.toContain('RATE_LIMITED');
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('first start', () => {
  it('creates the first admin with a one-time password printed once', async () => {
    const printed: string[] = [];
    const write = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      });
    let t: TestApp | undefined;
    try {
      t = await startTestApp({
        extra: { ADMIN_EMAIL: 'first@craftcert.test', ADMIN_PASSWORD: '' },
      });
    } finally {
      write.mockRestore();
    }
    const output = printed.join('');
    const password = /One-time password: (\S+)/.exec(output)?.[1];
    expect(password).toBeDefined();
    expect(await t.login('first@craftcert.test', password!)).toEqual(expect.any(String));
    await t.close();
  });
});
