import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isRunning, spawnApp, stopApp, waitUntilReady } from '@craftcert/testing';

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

describe('configuration errors', () => {
  it('stops before starting, naming each bad variable and what was expected', async () => {
    const app = spawnApp({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'mysql://nope' });
    expect(await app.exited).toBe(1);
    const out = app.output();
    expect(out).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(out).toContain('ROLE must be one of: all, api, worker (got "boss")');
    expect(out).toContain('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
  });
});
