// Boundaries between the libraries, checked by `npm run lint` (dependency-cruiser). The README's
// layout section explains them; a failing rule names the importing file and what it reached.
const FRAMEWORKS =
  '(^|node_modules/)(@nestjs|@fastify|typeorm|pg|pg-[^/]+|bullmq|ioredis|fastify)(/|$)';
const PUBLIC_ENTRY = '^libs/[^/]+/src/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-deep-import-into-another-library',
      comment:
        'A library reaches another only through its public index (@craftcert/<name>), never its internals.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', PUBLIC_ENTRY] },
    },
    {
      name: 'no-deep-import-from-apps',
      comment:
        'Apps are entry points over the libraries: they use public indexes (the CLI also @craftcert/bootstrap/core).',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: [PUBLIC_ENTRY, '^libs/bootstrap/src/core\\.ts$'] },
    },
    {
      name: 'catalogue-and-tests-use-public-entries',
      comment:
        "A context's TypeORM entities (@craftcert/<context>/entities) are for the migrations catalogue and tests; everything else uses the context's use cases.",
      severity: 'error',
      from: { path: '^(migrations|test)/' },
      to: { path: '^libs/', pathNot: [PUBLIC_ENTRY, '^libs/[^/]+/src/entities\\.ts$'] },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'Shared bootstrapping lives in libs/bootstrap.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libraries-do-not-import-apps',
      severity: 'error',
      from: { path: '^(libs|migrations)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pipeline-is-plain-typescript',
      comment:
        'The rule engine imports no framework or database client, and no other library of ours.',
      severity: 'error',
      from: { path: '^libs/pipeline/' },
      to: { path: [FRAMEWORKS, '^libs/(?!pipeline/)'] },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ (and the pure spreadsheets/ codec) import neither persistence/ nor http/, nor a framework or database client.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/(domain|spreadsheets)/' },
      to: { path: ['^libs/[^/]+/src/(persistence|http|use-cases|jobs)/', FRAMEWORKS] },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order fragile and boundaries meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a boundary holds for types too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.data)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
