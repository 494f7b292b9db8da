// Two projects: fast unit specs beside the code, and integration/e2e specs in test/ that
// talk to real PostgreSQL and Redis. Both transpile with the build's own swc settings
// (.swcrc, including the @craftcert/* path aliases); types are checked once by tsc.
const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
const swc = [
  '@swc/jest',
  { ...swcrc, swcrc: false, sourceMaps: 'inline', jsc: { ...swcrc.jsc, baseUrl: __dirname } },
];

/**
 * NestJS 12 and several of its dependencies ship ESM only, and jest on Node 20 cannot require()
 * ESM, so those packages (found by their package.json "type") are transpiled to CommonJS too.
 */
function esmPackages(dir = `${__dirname}/node_modules`, scope = '') {
  const { readdirSync, existsSync } = require('node:fs');
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    if (name.startsWith('@') && !scope) return esmPackages(`${dir}/${name}`, `${name}/`);
    const manifest = `${dir}/${name}/package.json`;
    if (!existsSync(manifest)) return [];
    return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? [scope + name] : [];
  });
}
// CommonJS packages that load an ESM dependency with import(), which jest cannot run either.
const DYNAMIC_IMPORTERS = ['@fastify/cookie'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmPackages(), ...DYNAMIC_IMPORTERS].map(escape).join('|')})/)`],
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
