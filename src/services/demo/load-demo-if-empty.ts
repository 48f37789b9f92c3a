import { countCompanies } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import { demoExtensions } from './demo-extensions.ts'
import { type DemoLoadResult, loadDemoCompany } from './load-demo-company.ts'

/** First start: an empty database gets the demo company; a database with any company is left alone. */
export async function loadDemoIfEmpty(db: Db): Promise<DemoLoadResult | undefined> {
  if ((await countCompanies(db)) > 0) return undefined
  return loadDemoCompany(db, demoExtensions)
}
