// The layers of docs/architecture.md, checked by `npm run lint` (depcruise src).
// Arrows point toward core: web → contracts → core; api/cli → services → db → contracts/core.
const { existsSync, readFileSync } = require('node:fs')

// Tests and their helpers are not cruised: they may reach across layers to set up a real app and database.
const tests = ['\\.test\\.tsx?$', '/testing/', '/test-support/']

// Composition roots wire a database handle into the app and so may open one.
const apiRoots = ['^src/api/(start-server|create-app)\\.ts$']
// The CLI's entry (main.ts: reports a busy data folder) and `migrate` open or migrate the database too.
const cliRoots = [
  '^src/cli/commands/(serve|openapi|migrate)\\.ts$',
  '^src/cli/(main|open-cli-database)\\.ts$',
]

// The one table type and the open handle may be named (`import type { Db }`, `DatabaseHandle`) by adapters that
// pass a handle on unopened.
const databaseType = '^src/db/(database|open-database)\\.ts$'

// Violations still being removed are listed in the baseline (`npm run lint:baseline`) and ignored by
// `--ignore-known`. depcruise does not soften folder-level violations, so the known folder loops
// are read from the same file and left out of the folder rule here, pair by pair.
const baselineFile = `${__dirname}/.dependency-cruiser-known-violations.json`
const folderLoopRule = 'services-no-folder-loops'
const knownFolderLoops =
  process.env.DEPCRUISE_BASELINE === 'write' || !existsSync(baselineFile)
    ? []
    : JSON.parse(readFileSync(baselineFile, 'utf8')).filter((known) => known.rule.name === folderLoopRule)
const exactly = (folder) => `^${folder}$`
const knownLoopsFrom = [...new Set(knownFolderLoops.map((known) => known.from))]
const folderLoopRules = [
  {
    name: folderLoopRule,
    comment:
      'No loops between service folders (e.g. services/sheets ↔ services/cycles): one of them owns the shared fact.',
    severity: 'error',
    scope: 'folder',
    from: knownLoopsFrom.length
      ? { path: '^src/services/', pathNot: knownLoopsFrom.map(exactly) }
      : { path: '^src/services/' },
    to: { path: '^src/services/', circular: true },
  },
  ...knownLoopsFrom.map((from) => ({
    name: folderLoopRule,
    comment: `Known loops from ${from} (baseline); any other loop from it fails.`,
    severity: 'error',
    scope: 'folder',
    from: { path: exactly(from) },
    to: {
      path: '^src/services/',
      pathNot: knownFolderLoops.filter((known) => known.from === from).map((known) => exactly(known.to)),
      circular: true,
    },
  })),
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing else of the project.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'contracts-only-core',
      comment: 'src/contracts (zod schemas shared by api, web and cli) may import core only.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/', pathNot: ['^src/contracts/', '^src/core/'] },
    },
    {
      name: 'web-only-contracts',
      comment: 'src/web imports its own files and src/contracts only: types come from the contract schemas.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: ['^src/web/', '^src/contracts/'] },
    },
    {
      name: 'db-below-services',
      comment:
        'src/db answers queries for services; it imports core and contracts, never the layers above it.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(services|api|cli|web)/' },
    },
    {
      name: 'api-not-db',
      comment:
        'src/api calls services, not db; it may name the Db type (import type from db/database.ts). Composition roots excepted.',
      severity: 'error',
      from: { path: '^src/api/', pathNot: apiRoots },
      to: { path: '^src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-not-db-types',
      comment: 'src/api may name only the Db type of db (db/database.ts); other db types have a contract.',
      severity: 'error',
      from: { path: '^src/api/', pathNot: apiRoots },
      to: { path: '^src/db/', pathNot: databaseType, dependencyTypes: ['type-only'] },
    },
    {
      name: 'cli-not-db',
      comment: 'src/cli calls services, not db; only serve, openapi and open-cli-database open the database.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: cliRoots },
      to: { path: '^src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cli-not-db-types',
      comment: 'src/cli may name only the Db type of db (db/database.ts).',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: cliRoots },
      to: { path: '^src/db/', pathNot: databaseType, dependencyTypes: ['type-only'] },
    },
    {
      name: 'services-not-adapters',
      comment:
        'src/services are called by api and cli, never the other way round, and know nothing of the web.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(api|cli|web)/' },
    },
    ...folderLoopRules,
    {
      name: 'kysely-values-only-in-db',
      comment: 'SQL lives in src/db: only db imports kysely values (sql, the query builder).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '^node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'kysely-types-only-in-db-and-services',
      comment:
        'Services may name kysely types (Transaction, Kysely) of the handles they pass on; nothing else above db.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/db/', '^src/services/'] },
      to: { path: '^node_modules/kysely/', dependencyTypes: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: tests },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
