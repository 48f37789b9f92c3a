import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

/** What every organisation use case receives: the database, the clock and who is acting. */
export type OrganisationDeps = { db: Db; now: () => Date; actor: Actor }
