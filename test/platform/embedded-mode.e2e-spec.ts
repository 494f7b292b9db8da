import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  freePort,
  isRunning,
  spawnApp,
  stopApp,
  waitFor,
  waitUntilReady,
} from '@craftcert/testing';

// Every test here starts real servers, one after another; a busy machine needs the time.
jest.setTimeout(300000);

/** The zero-set-up default: no DATABASE_URL and no REDIS_URL. */
describe('embedded default mode (real processes)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'craftcert-embedded-'));
    // The cluster runs as the unprivileged postgres user when the tests run as root.
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const env = async () => ({
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  });
  const postmasterPid = async () =>
    Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const postmasterPort = async () =>
    Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[3]);
  const connect = async (user: string, password: string) => {
    const client = new Client({
      host: '127.0.0.1',
      port: await postmasterPort(),
      user,
      password,
      database: 'craftcert',
    });
    await client.connect();
    return client;
  };
  const secretFile = async (name: string) => {
    const path = join(dataDir, name);
    return { mode: (await stat(path)).mode & 0o777, value: (await readFile(path, 'utf8')).trim() };
  };

  it('starts from nothing, reports embedded kinds, and stops cleanly on SIGTERM', async () => {
    const e = await env();
    const app = spawnApp(e);
    const { body } = await waitUntilReady(Number(e.PORT), app);
    expect(body.details.database.kind).toBe('embedded-postgres');
    expect(body.details.queues.kind).toBe('bullmq-postgres');
    const pgPid = await postmasterPid();

    expect((await stopApp(app)).code).toBe(0);
    expect(isRunning(pgPid)).toBe(false);
  });

  it('keeps the database to itself: generated passwords, and the application is no superuser', async () => {
    const e = await env();
    const app = spawnApp(e);
    await waitUntilReady(Number(e.PORT), app);
    // The password that once was a constant in the source no longer opens the cluster.
    await expect(connect('craftcert', 'craftcert-embedded')).rejects.toThrow(
      /password authentication failed/,
    );
    const superuser = await secretFile('postgres-superuser.password');
    const application = await secretFile('postgres-app.password');
    expect([superuser.mode, application.mode]).toEqual([0o600, 0o600]);
    expect(superuser.value).toMatch(/^[\w-]{43}$/);
    expect(application.value).not.toBe(superuser.value);

    const admin = await connect('craftcert', superuser.value);
    const asApp = await connect('craftcert_app', application.value);
    try {
      // Every connection the application holds is its own role's, which is no superuser.
      const sessions = await admin.query<{ usename: string; rolsuper: boolean }>(
        `SELECT DISTINCT a.usename, r.rolsuper FROM pg_stat_activity a JOIN pg_roles r
          ON r.rolname = a.usename WHERE a.datname = 'craftcert' AND a.pid <> pg_backend_pid()`,
      );
      expect(sessions.rows).toEqual([{ usename: 'craftcert_app', rolsuper: false }]);
      // It reads and writes rows, but cannot switch off the audit trail's guard or drop tables.
      expect((await asApp.query('SELECT count(*) FROM audit_record')).rows).toHaveLength(1);
      await expect(asApp.query('ALTER TABLE audit_record DISABLE TRIGGER ALL')).rejects.toThrow(
        /must be owner/,
      );
      await expect(asApp.query('DROP TABLE system_ping')).rejects.toThrow(/must be owner/);
      // No token signing key in the database: it is a 0600 file beside the cluster.
      const keys = await admin.query(
        `SELECT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name LIKE '%secret%'`,
      );
      expect(keys.rows).toEqual([]);
      expect((await secretFile('jwt.key')).mode).toBe(0o600);
    } finally {
      await admin.end();
      await asApp.end();
    }
    expect((await stopApp(app)).code).toBe(0);
  });

  // How fast it restarts is measured by `npm run bench`, not asserted here.
  it('restarts warm on the same data directory, keeping the cluster', async () => {
    // A cluster initialised again would be new files: the same inode means the same cluster.
    const clusterFile = () => stat(join(dataDir, 'postgres', 'PG_VERSION'));
    const before = await clusterFile();
    const e = await env();
    const app = spawnApp(e);
    await waitUntilReady(Number(e.PORT), app);
    expect((await clusterFile()).ino).toBe(before.ino);
    expect((await stopApp(app, 'SIGINT')).code).toBe(0);
  });

  it('on Ctrl-C (SIGINT to the whole process group) stops PostgreSQL in order and exits 0', async () => {
    const e = await env();
    // A group of its own, as a terminal gives it, so the test can signal the whole group.
    const app = spawnApp(e, { processGroup: true });
    await waitUntilReady(Number(e.PORT), app);
    const pgPid = await postmasterPid();
    process.kill(-app.child.pid!, 'SIGINT');
    expect(await app.exited).toBe(0);
    expect(isRunning(pgPid)).toBe(false);
    // Had the server got the signal too, it would have cut the application's connections.
    expect(app.output()).not.toMatch(/"level":50|terminating connection|Error:/);
  });

  it('recovers after a crash that left the database server running', async () => {
    const first = await env();
    const crashed = spawnApp(first);
    await waitUntilReady(Number(first.PORT), crashed);
    const orphan = await postmasterPid();
    await stopApp(crashed, 'SIGKILL');
    expect(isRunning(orphan)).toBe(true);

    const second = await env();
    const app = spawnApp(second);
    await waitUntilReady(Number(second.PORT), app);
    expect(isRunning(orphan)).toBe(false);
    const current = await postmasterPid();
    expect((await stopApp(app)).code).toBe(0);
    expect(isRunning(current)).toBe(false);
  });
});

describe('the demo on a first start (real processes)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'craftcert-demo-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const start = async () => {
    const port = await freePort();
    const app = spawnApp({
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
    });
    await waitUntilReady(port, app);
    return { app, port };
  };
  const editionsOnHome = async (port: number) => {
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    return [...new Set([...home.matchAll(/\/editions\/([0-9a-f-]{36})/g)].map((m) => m[1]))];
  };

  it('seeds an empty embedded database once, says where to look, and a restart changes nothing', async () => {
    const first = await start();
    await waitFor(
      async () => (first.app.output().includes('Demo data seeded') ? true : undefined),
      {
        timeoutMs: 120000,
        what: 'the demo seeded',
      },
    );
    expect(first.app.output()).toContain('craftcert-demo');
    const editions = await editionsOnHome(first.port);
    expect(editions).toHaveLength(2);
    expect((await stopApp(first.app)).code).toBe(0);

    const second = await start();
    expect(await editionsOnHome(second.port)).toEqual(editions);
    expect((await stopApp(second.app)).code).toBe(0);
    expect(second.app.output()).not.toContain('Demo data seeded');
  });
});

describe('a data directory that is not a cluster', () => {
  it('is refused, naming what was found, and nothing in it is deleted', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'craftcert-foreign-'));
    try {
      await mkdir(join(dataDir, 'postgres'));
      await writeFile(join(dataDir, 'postgres', 'thesis-draft.txt'), 'years of work');
      const app = spawnApp({
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      });
      expect(await app.exited).toBe(1);
      expect(app.output()).toContain('has no PG_VERSION file');
      expect(app.output()).toContain('thesis-draft.txt');
      expect(app.output()).toContain('never deletes a data directory');
      expect(await readdir(join(dataDir, 'postgres'))).toEqual(['thesis-draft.txt']);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('configuration errors', () => {
  it('stops before starting, naming each bad variable and what was expected', async () => {
    const app = spawnApp({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'mysql://nope' });
    expect(await app.exited).toBe(1);
    const out = app.output();
    expect(out).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(out).toContain('ROLE must be one of: all, api, worker (got "boss")');
    expect(out).toContain('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
  });

  it('never echoes a secret value, only what was wrong with it', async () => {
    const secrets = {
      JWT_SECRET: 'short-but-secret-Zq81',
      ADMIN_PASSWORD: 'Pw-93kx',
      PII_ENCRYPTION_KEY: 'not-base64-but-secret-Jk27',
      DATABASE_URL: 'mysql://craftcert:db-password-Vb45@db.internal/craftcert',
      REDIS_URL: 'http://:redis-password-Ux62@cache.internal',
    };
    const app = spawnApp(secrets);
    expect(await app.exited).toBe(1);
    const out = app.output();
    expect(out).toContain('JWT_SECRET must be at least 32 characters (got 21 characters)');
    expect(out).toContain('ADMIN_PASSWORD must be at least 10 characters (got 7 characters)');
    expect(out).toContain('PII_ENCRYPTION_KEY must be 32 bytes');
    expect(out).toContain('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
    expect(out).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    for (const secret of ['Zq81', 'Pw-93kx', 'Jk27', 'Vb45', 'Ux62']) {
      expect(out).not.toContain(secret);
    }
  });
});
