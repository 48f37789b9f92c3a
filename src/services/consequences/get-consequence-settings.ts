import { type ConsequenceSettings, consequenceSettingsSchema } from '../../contracts/results.ts'
import type { Db } from '../../db/database.ts'
import { findConsequenceSettings } from '../../db/pay-repository.ts'

/** The company's consequence rules, with the seed defaults for anything not set. */
export async function readConsequenceSettings(db: Db, companyId: number): Promise<ConsequenceSettings> {
  const stored = await findConsequenceSettings(db, companyId)
  const parsed = consequenceSettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : consequenceSettingsSchema.parse({})
}
