import type { Db } from '../../db/database.ts'

/** What the rota use cases receive: the database (or a transaction) and, for the audit log, who acts. */
export type RotaDeps = { db: Db; actorUserId?: number | null }
