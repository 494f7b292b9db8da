// Start-up as `npm start` does it (apps/launch.js: no rebuild when nothing changed, then the
// server in the same process), in embedded mode, to the first 200 from /health/ready. A warm
// start reuses an initialised data directory; a first start gets an empty one (initdb,
// migrations, first administrator). The baseline is a bare Node process that starts an `http`
// server, timed the same way, so the figures show what craftcert adds to Node's own start.
// Also reported: the server process's CPU time until ready, which a busy machine does not
// inflate as it does the elapsed time.
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { alternate, Benchmark, compare } from './harness';
import { cpuSeconds } from './http-load';
import { benchTempDir, removeDir } from './leftovers';
import { freePort } from './server-process';

const LAUNCH = resolve(__dirname, '../../../apps/launch.js');
const BARE = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

interface StartSample {
  ms: number;
  cpuMs: number;
}

/** Spawns, polls `path` until it answers 200, stops the process and waits for it to exit. */
async function timeStart(args: string[], env: Record<string, string>, path: string) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    await untilOk(`http://127.0.0.1:${port}${path}`, child);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, cpuMs: cpuSeconds(child.pid!) * 1000 } satisfies StartSample;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

async function untilOk(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer within two minutes`);
}

export const benchmark: Benchmark = {
  name: 'startup',
  async run() {
    const dirs: string[] = [];
    const appEnv = async (dataDir?: string) => {
      const dir = dataDir ?? (await benchTempDir());
      if (!dataDir) dirs.push(dir);
      return {
        DATABASE_URL: '',
        REDIS_URL: '',
        ROLE: 'all',
        LOG_LEVEL: 'info',
        DATA_DIR: join(dir, 'data'),
        ADMIN_PASSWORD: 'bench-password-123',
        // The platform's own start is measured, not the demo seeded after it.
        SEED_DEMO: 'false',
      };
    };
    try {
      const warmEnv = await appEnv();
      // The warm starts' data directory is initialised by a first start of its own.
      await timeStart([LAUNCH, 'server'], warmEnv, '/health/ready');
      const samples: Record<'warm' | 'first' | 'bare', StartSample[]> = {
        warm: [],
        first: [],
        bare: [],
      };
      const sample = (key: keyof typeof samples, run: () => Promise<StartSample>) => async () => {
        const s = await run();
        samples[key].push(s);
        return s.ms;
      };
      const bare = () => timeStart(['-e', BARE], {}, '/');
      const warm = await alternate({
        warm: sample('warm', () => timeStart([LAUNCH, 'server'], warmEnv, '/health/ready')),
        bare: sample('bare', bare),
      });
      const bareCpu = samples.bare.slice(1).map((s) => s.cpuMs);
      const first = await alternate(
        {
          first: async () =>
            (await timeStart([LAUNCH, 'server'], await appEnv(), '/health/ready')).ms,
          bare: async () => (await bare()).ms,
        },
        { rounds: 3, warmup: 0 },
      );
      return [
        compare({
          name: 'startup.warm',
          description:
            'ms from `npm start` (no rebuild) to ready, embedded, data initialised (vs a bare Node http server)',
          unit: 'ms',
          subject: warm.warm,
          baseline: warm.bare,
          goal: { value: { atMost: 3000 } },
        }),
        compare({
          name: 'startup.warm.cpu',
          description:
            'CPU ms of the server process until ready, warm start (vs a bare Node http server)',
          unit: 'cpu-ms',
          // The first sample of each side was the warm-up round.
          subject: samples.warm.slice(1).map((s) => s.cpuMs),
          baseline: bareCpu,
        }),
        compare({
          name: 'startup.first',
          description:
            'ms from `npm start` to ready with an empty data directory: initdb, migrations, administrator (vs a bare Node http server)',
          unit: 'ms',
          subject: first.first,
          baseline: first.bare,
          goal: { value: { atMost: 10000 } },
        }),
      ];
    } finally {
      for (const dir of dirs) await removeDir(dir);
    }
  },
};
