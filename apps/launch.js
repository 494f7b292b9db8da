// `npm start`, `npm run start:worker` and `npm run cli` run through here: the compiled app in
// dist/ is rebuilt only when a source file changed since the last build (a fingerprint of every
// source file's path, size and modification time, kept in dist/.build-stamp), then the app is
// loaded in this same process. Plain JavaScript, because it runs before anything is compiled.
//
//   node apps/launch.js build [--force]     build if sources changed (always with --force)
//   node apps/launch.js server|worker|cli [args…]
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const SOURCES = ['apps', 'libs', 'migrations'];
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const APPS = {
  server: 'apps/server/src/main.js',
  worker: 'apps/worker/src/main.js',
  cli: 'apps/cli/src/main.js',
};

/** Path, size and mtime of every source file (and the compiler settings), hashed. */
function fingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).toSorted((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  for (const dir of SOURCES) walk(join(ROOT, dir));
  const swcrc = statSync(join(ROOT, '.swcrc'));
  hash.update(`.swcrc\0${swcrc.size}\0${swcrc.mtimeMs}\n`);
  return hash.digest('hex');
}

function build(force) {
  const wanted = fingerprint();
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  const swc = join(ROOT, 'node_modules', '.bin', 'swc');
  if (!existsSync(swc)) {
    // An install without dev dependencies (npm ci --omit=dev) cannot compile: keep what was
    // built, or say what is missing.
    if (existsSync(join(DIST, APPS.server))) {
      process.stderr.write(
        'sources changed but @swc/cli is not installed; using the existing dist/\n',
      );
      return;
    }
    process.stderr.write('dist/ is missing and @swc/cli is not installed: run npm install\n');
    // Only npm install's own build (prepare) may go on without one.
    process.exit(force || command !== 'build' ? 1 : 0);
  }
  // Compiled files of deleted sources must not linger, so the compiled trees start empty.
  for (const dir of SOURCES) rmSync(join(DIST, dir), { recursive: true, force: true });
  rmSync(STAMP, { force: true });
  const args = [
    ...SOURCES,
    '-d',
    'dist',
    '--config-file',
    '.swcrc',
    '--quiet',
    '--ignore',
    'apps/launch.js',
  ];
  const result = spawnSync(swc, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build failed (${result.error?.message ?? `exit ${result.status}`})\n`);
    process.exit(1);
  }
  writeFileSync(STAMP, wanted);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'build') {
  build(rest.includes('--force'));
} else if (APPS[command]) {
  build(false);
  const main = join(DIST, APPS[command]);
  // The app reads its own arguments (the CLI its command) as if it had been started directly.
  process.argv = [process.argv[0], main, ...rest];
  require(main);
} else {
  process.stderr.write(
    `usage: node apps/launch.js build [--force] | ${Object.keys(APPS).join('|')} [args…]\n`,
  );
  process.exit(2);
}
