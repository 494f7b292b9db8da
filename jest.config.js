// Two projects: fast unit specs beside the code, and integration/e2e specs in test/ that
// talk to real PostgreSQL and Redis. Both transpile with swc (types are checked once by tsc).
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  },
];

const moduleNameMapper = {
  '^@craftcert/testing$': '<rootDir>/test/support/index.ts',
  '^@craftcert/worker$': '<rootDir>/apps/worker/src/index.ts',
  '^@craftcert/migrations$': '<rootDir>/migrations/index.ts',
  '^@craftcert/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
};

const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
