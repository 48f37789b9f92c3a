import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataFolderBusyError, lockDataFolder, lockFileName } from './data-folder-lock.ts'

// The lock of a PGlite data folder (jixiao.lock), as openDatabase takes it; serve.test.ts runs real processes.
describe('the data folder lock', () => {
  let dataDir: string
  const lockFile = () => join(dataDir, lockFileName)
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jixiao-lock-'))
  })
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('lets one process open its own folder twice and removes the lock when the last handle closes', async () => {
    const first = await lockDataFolder(dataDir)
    const lock = JSON.parse(await readFile(lockFile(), 'utf8'))
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() })
    const release = await lockDataFolder(dataDir)
    release()
    release()
    expect(existsSync(lockFile())).toBe(true)
    first()
    expect(existsSync(lockFile())).toBe(false)
  })

  it('refuses a folder held by a running process, naming it', async () => {
    // The parent of this test process is alive and is not this process.
    const holder = {
      pid: process.ppid,
      host: hostname(),
      command: 'jixiao serve',
      startedAt: '2026-12-06T08:00:00Z',
    }
    await writeFile(lockFile(), JSON.stringify(holder))
    const refused = lockDataFolder(dataDir)
    await expect(refused).rejects.toBeInstanceOf(DataFolderBusyError)
    await expect(refused).rejects.toThrow(
      `in use by process ${process.ppid} (jixiao serve, started 2026-12-06T08:00:00Z)`,
    )
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual(holder)
  })

  it('takes over a lock file that is garbage (a crash while writing it)', async () => {
    await writeFile(lockFile(), '')
    const release = await lockDataFolder(dataDir)
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid)
    release()
    expect(existsSync(lockFile())).toBe(false)
  })
})
