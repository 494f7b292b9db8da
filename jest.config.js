// Two projects: fast unit specs beside the code, and integration/e2e specs in test/ that
// talk to real PostgreSQL and Redis. Both transpile with the build's own swc settings
// (.swcrc, including the @craftcert/* path aliases); types are checked once by tsc.
const { existsSync, readdirSync, readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
const swc = [
  '@swc/jest',
  { ...swcrc, swcrc: false, sourceMaps: 'inline', jsc: { ...swcrc.jsc, baseUrl: __dirname } },
];

/**
 * NestJS 12 and several of its dependencies ship ESM only, and jest on Node 20 cannot require()
 * ESM, so those packages (found by their package.json "type") are transpiled to CommonJS too —
 * nested copies included (e.g. `@fastify/static/node_modules/content-disposition`).
 */
/** Package folders directly under a node_modules folder: `name` or `@scope/name`. */
const packagesIn = (dir) =>
  readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    return name.startsWith('@') ? readdirSync(`${dir}/${name}`).map((n) => `${name}/${n}`) : [name];
  });
function esmPackages(dir = `${__dirname}/node_modules`, prefix = '') {
  return packagesIn(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (!existsSync(`${path}/package.json`)) return [];
    const own = prefix + name;
    const nested = existsSync(`${path}/node_modules`)
      ? esmPackages(`${path}/node_modules`, `${own}/node_modules/`)
      : [];
    const isEsm = JSON.parse(readFileSync(`${path}/package.json`, 'utf8')).type === 'module';
    return isEsm ? [own, ...nested] : nested;
  });
}
// CommonJS packages that load an ESM dependency with import(), which jest cannot run either.
const DYNAMIC_IMPORTERS = ['@fastify/cookie'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const transpiled = [...esmPackages(), ...DYNAMIC_IMPORTERS].map(escape).join('|');

const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  // Ignored: anything under node_modules unless its path names a package to transpile.
  transformIgnorePatterns: [`^(?!.*/node_modules/(${transpiled})/).*/node_modules/`],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration specs start real servers and processes; jest reads this option only at the top level.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/after-each-file.ts'],
    },
  ],
};
