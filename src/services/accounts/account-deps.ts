import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

/** What an account use case needs: the database, the clock and who acts (admin or hr). */
export type AccountDeps = { db: Db; now: () => Date; actor: Actor }
