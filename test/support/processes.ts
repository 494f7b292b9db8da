import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isRunning, waitForExit } from '@craftcert/platform';

export { isRunning } from '@craftcert/platform';

const ROOT = resolve(__dirname, '../..');

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Starts the built server (dist/) as a real process, as `npm start` would. `processGroup`
 * gives it a process group of its own, as a terminal does, so a test can signal the group.
 */
export function spawnApp(
  env: Record<string, string | undefined>,
  options: { processGroup?: boolean } = {},
): AppProcess {
  const cleanEnv: Record<string, string> = {};
  // Any free port for a worker's health checks, so several workers can run side by side; no demo
  // data unless a test asks for it.
  for (const [key, value] of Object.entries({
    HEALTH_PORT: '0',
    SEED_DEMO: 'false',
    ...process.env,
    ...env,
  })) {
    if (value !== undefined) cleanEnv[key] = value;
  }
  // Never the checkout's ./.data: a worker signs audit checkpoints into its data directory.
  const ownDataDir = cleanEnv.DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'craftcert-app-'));
  if (ownDataDir) cleanEnv.DATA_DIR = ownDataDir;
  const child = spawn(process.execPath, ['dist/apps/server/src/main.js'], {
    cwd: ROOT,
    env: cleanEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(code ?? signal ?? 'unknown')),
  );
  const app = { child, output: () => output, exited };
  const stray: Stray = { app };
  // An app that dies without stopping its embedded PostgreSQL (a crash, SIGKILL) leaves the
  // server running; note its pid now, while the data directory is surely still there.
  const dataDir = cleanEnv.DATABASE_URL ? undefined : cleanEnv.DATA_DIR;
  if (dataDir) child.once('exit', () => (stray.postmaster = postmasterOf(dataDir)));
  if (ownDataDir) child.once('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
  strays.push(stray);
  return app;
}

interface Stray {
  app: AppProcess;
  postmaster?: { pid: number; dataDir: string };
}
/** Every process this test file started, and an embedded server one of them left behind. */
const strays: Stray[] = [];

/**
 * Run after each test file (see jest's setupFilesAfterEnv): stops whatever a failed or
 * interrupted test left running — the app (SIGTERM, then SIGKILL) and an embedded PostgreSQL
 * it left behind, which would otherwise outlive the suite and keep jest from exiting.
 */
export async function stopStrayProcesses(): Promise<void> {
  for (const stray of strays.splice(0)) {
    const { child, exited } = stray.app;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
      await exited;
      clearTimeout(timer);
    }
    const { pid, dataDir } = stray.postmaster ?? { pid: 0, dataDir: '' };
    // The pid may have been reused since: only a process serving that data directory is ours.
    if (isRunning(pid) && readCmdline(pid).includes(dataDir)) {
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 30000))) process.kill(pid, 'SIGKILL');
    }
  }
}

function postmasterOf(dataDir: string): Stray['postmaster'] {
  try {
    const file = join(dataDir, 'postgres', 'postmaster.pid');
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? { pid, dataDir } : undefined;
  } catch {
    return undefined;
  }
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls GET /health/ready until it answers 200 (a generous limit: the machine may be busy). */
export async function waitUntilReady(
  port: number,
  app: AppProcess,
  timeoutMs = 120000,
): Promise<{ body: { details: Record<string, { kind: string }> } }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (app.child.exitCode !== null) {
      throw new Error(`app exited with ${app.child.exitCode} before ready:\n${app.output()}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) {
        return { body: (await res.json()) as { details: Record<string, { kind: string }> } };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`app not ready after ${timeoutMs} ms:\n${app.output()}`);
}

/** Sends a signal and waits for the exit; returns the exit code (or the signal's name). */
export async function stopApp(
  app: AppProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<{ code: number | string }> {
  app.child.kill(signal);
  return { code: await app.exited };
}
