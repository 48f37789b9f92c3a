import type { Db } from '../../db/database.ts'

/** What the workflow use cases need: the database and the clock. */
export type WorkflowDeps = { db: Db; now: () => Date }
