import type { Db } from '../../db/database.ts'

/** What the notification use cases need: the database and the clock (the same shape as the workflow's deps). */
export type NotificationDeps = { db: Db; now: () => Date }
