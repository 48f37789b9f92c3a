import { prepareTestTemplates } from '../db/test-database.ts'

// vitest global setup: the migrated templates every test file's database is copied from.
export default async function setup(): Promise<void> {
  await prepareTestTemplates()
}
