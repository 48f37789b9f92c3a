import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

// One process per PGlite data folder: the embedded engine has no locking of its own, and two processes writing
// one folder corrupt it. The holder is written into `jixiao.lock` in the folder (pid, command, start time);
// a lock whose process is gone (killed, crashed) is taken over.

export const lockFileName = 'jixiao.lock'

export type LockHolder = { pid: number; host: string; command: string; startedAt: string }

/** Another process holds the data folder; the message names it and how to go on. */
export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const lockFile = join(dataDir, lockFileName)
    super(
      `数据目录 ${dataDir} 正被进程 ${holder.pid}（${holder.command}，${holder.startedAt} 启动）使用，请先停止该进程 / ` +
        `the data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}` +
        `${holder.host === hostname() ? '' : ` on ${holder.host}`}); stop it first, or use the running server. ` +
        `If no such process is running, delete ${lockFile}.`,
    )
    this.name = 'DataFolderBusyError'
  }
}

// Handles opened by this process on one folder share its lock (a test may open a folder it already has open).
const heldByThisProcess = new Map<string, number>()

/** Takes the data folder's lock for this process, or throws DataFolderBusyError; the result releases it. */
export async function lockDataFolder(dataDir: string): Promise<() => void> {
  const lockFile = join(dataDir, lockFileName)
  const held = heldByThisProcess.get(lockFile)
  if (held !== undefined) {
    heldByThisProcess.set(lockFile, held + 1)
    return once(() => release(lockFile))
  }
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: describeCommand(process.argv),
    startedAt: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockFile, me)) {
      heldByThisProcess.set(lockFile, 1)
      return once(() => release(lockFile))
    }
    let holder = readHolder(lockFile)
    // Empty or half written: its writer may be between creating and writing the file; look once more.
    if (holder === 'unreadable') {
      await sleep(100)
      holder = readHolder(lockFile)
    }
    if (holder === 'missing') continue
    if (holder !== 'unreadable' && isRunning(holder)) throw new DataFolderBusyError(dataDir, holder)
    // The holder is gone (or the file is garbage): take the lock over.
    rmSync(lockFile, { force: true })
  }
  throw new Error(`cannot take the lock ${lockFile}: other processes keep taking it`)
}

function tryCreate(lockFile: string, holder: LockHolder): boolean {
  try {
    writeFileSync(lockFile, `${JSON.stringify(holder, null, 2)}\n`, { flag: 'wx', mode: 0o600 })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function readHolder(lockFile: string): LockHolder | 'missing' | 'unreadable' {
  let text: string
  try {
    text = readFileSync(lockFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>
    if (!Number.isInteger(parsed.pid) || (parsed.pid ?? 0) <= 0) return 'unreadable'
    return {
      pid: parsed.pid!,
      host: String(parsed.host ?? hostname()),
      command: String(parsed.command ?? 'jixiao'),
      startedAt: String(parsed.startedAt ?? '?'),
    }
  } catch {
    return 'unreadable'
  }
}

// A process on another machine (a shared folder) cannot be checked from here, so it counts as running.
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true
  if (holder.pid === process.pid) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function release(lockFile: string): void {
  const held = heldByThisProcess.get(lockFile) ?? 0
  if (held > 1) {
    heldByThisProcess.set(lockFile, held - 1)
    return
  }
  heldByThisProcess.delete(lockFile)
  const holder = readHolder(lockFile)
  if (typeof holder === 'object' && holder.pid === process.pid) rmSync(lockFile, { force: true })
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}

// `jixiao serve --port 3000` rather than the full paths of node and the script.
function describeCommand(argv: string[]): string {
  const script = argv[1] ? basename(argv[1]).replace(/\.(c|m)?js$|\.ts$/, '') : 'node'
  return [script, ...argv.slice(2)].join(' ')
}

// A process that exits without closing its handles (process.exit after an error) leaves no lock behind.
process.once('exit', () => {
  for (const lockFile of heldByThisProcess.keys()) {
    const holder = readHolder(lockFile)
    if (typeof holder === 'object' && holder.pid === process.pid) rmSync(lockFile, { force: true })
  }
})
