import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { migrateToLatest } from '../src/db/migrate.ts'
import { type DatabaseHandle, openDatabase } from '../src/db/open-database.ts'
import { createTestDatabase, type EngineName } from '../src/db/test-database.ts'

// A throwaway database for a benchmark, on each engine as the product runs it: PGlite in a data folder (what
// `npm start` uses, JIXIAO_DATA_DIR) rather than memory://, whose in-memory files grow by copying and make
// write timings swing; PostgreSQL as a database created and dropped on the local server.

export type BenchDatabase = DatabaseHandle & { close(): Promise<void> }

/**
 * `thread`: PGlite on a thread of its own, as `jixiao serve` runs it (default JIXIAO_BENCH_PGLITE_THREAD=1; without
 * it PGlite runs on the benchmark's thread, as CLI commands run it).
 */
export async function openBenchDatabase(
  engine: EngineName,
  options: { thread?: boolean } = {},
): Promise<BenchDatabase> {
  if (engine === 'postgres') return createTestDatabase('postgres')
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-pglite-'))
  const thread = options.thread ?? process.env.JIXIAO_BENCH_PGLITE_THREAD === '1'
  const handle = await openDatabase({ dataDir: dir, thread })
  await migrateToLatest(handle.db)
  return {
    ...handle,
    close: async () => {
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
