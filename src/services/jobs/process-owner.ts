import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

/** The process that runs a job: its host, pid and a token naming this start of the process (a pid is reused). */
export type ProcessOwner = { host: string; pid: number; token: string }

/**
 * A token for process `pid` as started now, where the system tells (Linux): the machine's boot id and the
 * process's start time in clock ticks, so any process can compute it for another pid. Elsewhere undefined.
 */
export function processStartToken(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (in parentheses, which may hold spaces); the start time is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    const started = fields[19]
    return started ? `linux:${bootId}:${started}` : undefined
  } catch {
    return undefined
  }
}

let self: ProcessOwner | undefined

/** This process as a job owner (computed once). */
export function currentProcessOwner(): ProcessOwner {
  self ??= {
    host: hostname(),
    pid: process.pid,
    // Without /proc, a random token for this process only: a live pid then counts as the owner.
    token: processStartToken(process.pid) ?? `random:${randomUUID()}`,
  }
  return self
}

/**
 * Whether the process that owns a job still runs: `true` for this process and for a live process on this host
 * with the same start token, `false` when the pid is gone or now belongs to another process (or the job has
 * no owner: it predates owners), `'unknown'` for a process on another host.
 */
export function isOwnerAlive(
  owner: { host: string | null; pid: number | null; token: string | null },
  me: ProcessOwner = currentProcessOwner(),
): boolean | 'unknown' {
  if (owner.host === null || owner.pid === null || owner.token === null) return false
  if (owner.host !== me.host) return 'unknown'
  if (owner.pid === me.pid) return owner.token === me.token
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    // EPERM: the pid exists but belongs to another user; anything else (ESRCH): no such process.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (owner.token.startsWith('linux:')) {
    const now = processStartToken(owner.pid)
    if (now !== undefined) return now === owner.token
  }
  return true
}
