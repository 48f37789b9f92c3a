import { DomainError } from '../core/errors.ts'

// PostgreSQL with two roles: the owner role owns the database and runs `jixiao migrate`; the server runs as the
// application role, which may read and write every table but cannot UPDATE, DELETE or TRUNCATE audit_log, so
// not even a compromised server can cut or rewrite the audit log (the trigger of migration 0021 is the second
// fence, and the signed head the third). Printed by `jixiao audit roles-sql`.

export type TwoRoles = { owner: string; app: string }

const roleName = /^[a-z_][a-z0-9_]{0,62}$/

/** The grants of the application role, run by the owner in the database after every `jixiao migrate`. */
export function appRoleGrantsSql({ owner, app }: TwoRoles): string {
  checkRoleNames({ owner, app })
  return [
    `grant usage on schema public to ${app};`,
    `grant select, insert, update, delete on all tables in schema public to ${app};`,
    `grant usage, select, update on all sequences in schema public to ${app};`,
    `grant execute on all functions in schema public to ${app};`,
    `alter default privileges for role ${owner} in schema public grant select, insert, update, delete on tables to ${app};`,
    `alter default privileges for role ${owner} in schema public grant usage, select, update on sequences to ${app};`,
    '-- the audit log is append-only for the application (审计日志对应用只能追加)',
    `revoke update, delete, truncate on audit_log from ${app};`,
    '-- so is the host log of exports, imports and deletions of whole companies (主机日志)',
    `revoke update, delete, truncate on host_log from ${app};`,
  ].join('\n')
}

/** The whole setup, step by step, as `jixiao audit roles-sql` prints it. */
export function twoRoleSetupSql(roles: TwoRoles): string {
  checkRoleNames(roles)
  const { owner, app } = roles
  return [
    '-- Jixiao on PostgreSQL with two roles (README, "Running on PostgreSQL").',
    '-- 1. As a superuser: the two roles, and the database owned by the owner role.',
    `create role ${owner} login password 'change-me';`,
    `create role ${app} login password 'change-me-too';`,
    `create database jixiao owner ${owner};`,
    `-- 2. As ${owner}: DATABASE_URL=postgres://${owner}:…@host:5432/jixiao npx jixiao migrate`,
    `-- 3. As ${owner}, connected to the database jixiao (again after each upgrade's migrate):`,
    appRoleGrantsSql(roles),
    `-- 4. The server runs as ${app}: DATABASE_URL=postgres://${app}:…@host:5432/jixiao npx jixiao serve`,
    `--    (it migrates on start only when nothing is pending; run step 2 as ${owner} before starting an upgrade)`,
  ].join('\n')
}

function checkRoleNames({ owner, app }: TwoRoles): void {
  for (const [path, name] of [
    ['owner', owner],
    ['app', app],
  ] as const)
    if (!roleName.test(name))
      throw new DomainError(
        'invalid_input',
        `角色名只能由小写字母、数字和下划线组成 / a role name is lower-case letters, digits and _: "${name}"`,
        [{ path, message: 'lower-case letters, digits and _, at most 63' }],
      )
  if (owner === app)
    throw new DomainError('invalid_input', '两个角色必须不同 / the two roles must differ', [
      { path: 'app', message: 'must differ from the owner role' },
    ])
}
