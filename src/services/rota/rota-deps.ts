import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

/**
 * What the rota use cases receive: the database (or a transaction), for the audit log who acts, and the signed-in
 * caller whose reach (下属) limits whose rota they may read or change; without one (CLI, system) the whole company.
 */
export type RotaDeps = { db: Db; actorUserId?: number | null; actor?: Actor }
