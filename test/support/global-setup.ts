import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

declare global {
  var craftcertTestDatabaseHost: ChildProcess | undefined;
}

const ROOT = resolve(__dirname, '../..');
// Must match test-database-host.ts (not imported: that module loads ESM-only packages).
const READY_MARKER = 'craftcert-test-database:';

/**
 * Before the integration suite: builds dist/ (the process tests start real servers from it),
 * then starts the test database host and exports its settings to the test workers.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['swc', 'test/support', '-d', 'dist', '--config-file', '.swcrc', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const host = spawn(process.execPath, ['dist/test/support/test-database-host.js'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  globalThis.craftcertTestDatabaseHost = host;
  const firstLine = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: host.stdout! }).on('line', (line) => {
      if (line.startsWith(READY_MARKER)) resolveLine(line.slice(READY_MARKER.length));
    });
    host.once('exit', (code) => reject(new Error(`test database host exited with ${code}`)));
  });
  Object.assign(process.env, JSON.parse(firstLine) as Record<string, string>);
}
