import { sql } from 'kysely'
import type { Db } from '../database.ts'

/**
 * Runs `tamper` as an attacker who owns the audit table would: with its append-only trigger (migration 0021)
 * switched off for the transaction. Tests use it to show what the hash chain and the signed head still catch.
 */
export async function tamperWithAuditLog<T>(db: Db, tamper: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
    await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx)
    const result = await tamper(trx)
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx)
    await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx)
    return result
  })
}
