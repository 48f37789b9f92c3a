import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// Issue 12: PGlite has no locking of its own, so a second server or a writing command on a served data folder
// used to open it beside the server. Now the data folder has one process at a time, and the others are told which.
describe('one process per PGlite data folder', { timeout: 300_000 }, () => {
  let dataDir: string
  let server: ChildProcess | undefined
  const jixiao = (args: string[]) => runJixiao(dataDir, args)

  beforeAll(async () => {
    dataDir = await createDataDir('lock')
  })
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM')
      await once(server, 'exit')
    }
    await rm(dataDir, { recursive: true, force: true })
  })

  it('refuses a second server and writing commands while `jixiao serve` runs, naming its pid', async () => {
    server = spawn(process.execPath, ['bin/jixiao.js', 'serve', '--no-demo', '--port', '0'], {
      env: { ...process.env, JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await waitForOutput(server, /is running at/)
    const pid = server.pid!
    const orders = join(dataDir, 'orders.csv')
    await writeFile(orders, '订单编号,下单时间,实付金额\nA1,2011-07-01 10:00:00,10\n')
    for (const args of [['migrate'], ['import', 'auto', orders], ['serve', '--no-demo', '--port', '0']]) {
      const refused = await jixiao(args)
      expect(refused.code, args.join(' ')).toBe(6)
      expect(refused.stderr).toContain(`in use by process ${pid} (jixiao serve`)
      expect(refused.stderr).toContain(`正被进程 ${pid}`)
    }
    const lock = JSON.parse(await readFile(join(dataDir, 'jixiao.lock'), 'utf8'))
    expect(lock).toMatchObject({ pid, command: 'jixiao serve --no-demo --port 0' })

    server.kill('SIGTERM')
    await once(server, 'exit')
    expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(false)
    expect((await jixiao(['migrate'])).code).toBe(0)
  })

  it('takes over the lock of a process that is gone (kill -9)', async () => {
    const gone = spawn(process.execPath, ['-e', ''])
    await once(gone, 'exit')
    await writeFile(
      join(dataDir, 'jixiao.lock'),
      JSON.stringify({ pid: gone.pid, host: hostname(), command: 'jixiao serve' }),
    )
    const result = await jixiao(['migrate', '--json'])
    expect(result.code).toBe(0)
    expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(false)
  })
})

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      if (pattern.test(seen)) resolve()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`jixiao serve exited with ${code}: ${seen}`)))
  })
}
