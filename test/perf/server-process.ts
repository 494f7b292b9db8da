import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { benchTempDir, removeDir } from './leftovers';

export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * The built API server as its own process, so the load generator does not share its event
 * loop. It logs as in production (LOG_LEVEL=info, a JSON line per request) into a file, which
 * is printed if it fails to start. Rate limits are at their highest: a benchmark sends far more
 * than any one address would, but every request still passes the limiter.
 */
export async function startApiServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dir = await benchTempDir();
  const logFile = join(dir, 'server.log');
  const out = openSync(logFile, 'w');
  // BENCH_PROFILE_DIR=dir: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const main = resolve(__dirname, '../../apps/server/src/main.js');
  const child = spawn(process.execPath, [...profile, main], {
    env: {
      ...process.env,
      REDIS_URL: '',
      ROLE: 'api',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  try {
    const server = await running(child, port, '/health/ready');
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await removeDir(dir);
      },
    };
  } catch (error) {
    process.stderr.write(readFileSync(logFile, 'utf8').slice(-4000));
    await removeDir(dir);
    throw error;
  }
}

/**
 * The floor every HTTP figure is compared with: Node's own `http` server answering every
 * request with the given bytes and nothing else.
 */
export async function startRawServer(body: string, contentType: string): Promise<ServerProcess> {
  const port = await freePort();
  const script = `
    const body = Buffer.from(${JSON.stringify(body)});
    require('node:http')
      .createServer((req, res) => {
        res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-length': body.length });
        res.end(body);
      })
      .listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
  return running(child, port, '/');
}

async function running(child: ChildProcess, port: number, probe: string): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntil(url + probe, exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, port, url, stop };
}

async function waitUntil(url: string, exited: Promise<void>): Promise<void> {
  const state = { gone: false };
  void exited.then(() => (state.gone = true));
  for (let i = 0; i < 600 && !state.gone; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer${state.gone ? ': the process exited' : ''}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** POSTs JSON and returns the parsed answer; throws on anything but 2xx. */
export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
