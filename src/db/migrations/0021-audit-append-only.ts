import { type Kysely, sql } from 'kysely'

// The audit log (审计日志) is append-only in the database itself, on both engines: a trigger refuses UPDATE,
// DELETE and TRUNCATE of audit_log, whoever asks. The one delete let through is that of the rows of a company
// deleted as a whole, in a transaction that says so (jixiao.audit_removal = 'deleted_company', set by
// allowAuditRemovalOfDeletedCompanies; only `jixiao demo --reset` does). The owner of the table can still
// drop the trigger: the signed audit head (`jixiao audit head`, kept elsewhere) catches what it lets through,
// and on PostgreSQL the application's role has no UPDATE/DELETE on the table at all (README, two roles).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function jixiao_audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('jixiao.audit_removal', true) = 'deleted_company'
        and not exists (select 1 from companies where id = old.company_id) then
        return old;
      end if;
      raise exception 'audit_log is append-only: % refused (审计日志只能追加，不能修改或删除)', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
  await sql`
    create function jixiao_audit_log_refuse_truncate() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: TRUNCATE refused (审计日志只能追加，不能清空)'
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function jixiao_audit_log_refuse_change()`.execute(db)
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function jixiao_audit_log_refuse_truncate()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db)
  await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db)
  await sql`drop function if exists jixiao_audit_log_refuse_truncate()`.execute(db)
  await sql`drop function if exists jixiao_audit_log_refuse_change()`.execute(db)
}
