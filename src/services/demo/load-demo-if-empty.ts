import type { Db } from '../../db/database.ts'
import { demoExtensions } from './demo-extensions.ts'
import { type DemoLoadResult, loadDemoCompany } from './load-demo-company.ts'

/** First start: an empty database gets the demo company; a database with any company is left alone. */
export async function loadDemoIfEmpty(db: Db): Promise<DemoLoadResult | undefined> {
  const any = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst()
  if (any) return undefined
  return loadDemoCompany(db, demoExtensions)
}
