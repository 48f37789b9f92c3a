import { spawn } from 'node:child_process'
import { DomainError } from '../../core/errors.ts'

// pg_dump and pg_restore, run with the connection of DATABASE_URL; the password goes in PGPASSWORD, not on the
// command line where `ps` shows it.

/** Runs a PostgreSQL client tool against `databaseUrl`; a missing tool or a failure becomes one clear message. */
export async function runPostgresTool(
  tool: 'pg_dump' | 'pg_restore',
  databaseUrl: string,
  args: string[],
): Promise<void> {
  const url = new URL(databaseUrl)
  const password = decodeURIComponent(url.password)
  url.password = ''
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }
  const child = spawn(tool, [...args, `--dbname=${url.toString()}`], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString('utf8')
  })
  const outcome = await new Promise<{ code: number | null } | { error: NodeJS.ErrnoException }>((resolve) => {
    child.on('error', (error) => resolve({ error }))
    child.on('close', (code) => resolve({ code }))
  })
  if ('error' in outcome) {
    if (outcome.error.code === 'ENOENT')
      throw new DomainError(
        'invalid_state',
        `${tool} is not on PATH: install the PostgreSQL client tools of the server's major version (Debian: apt install postgresql-client)`,
      )
    throw new DomainError('invalid_state', `${tool} could not start: ${outcome.error.message}`)
  }
  if (outcome.code !== 0)
    throw new DomainError(
      'invalid_state',
      `${tool} failed (exit ${outcome.code}): ${stderr.trim() || 'no message'}`,
    )
}
