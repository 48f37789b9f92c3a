import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type ApiClient, createApiClient } from '../../api/testing/api-client.ts'
import { seedTestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { createDataDir } from '../testing/run-jixiao.ts'

// Issue 15 part 4: a stop (SIGTERM from systemd, a container runtime, a deploy) used to cut every request in
// flight. Now the server stops listening, answers what it is in the middle of, and exits 0 with the data
// folder unlocked. The request here is an upload whose body is still arriving when the signal comes.

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('jixiao serve on SIGTERM', { timeout: 120_000 }, () => {
  let dataDir: string | undefined
  let server: ChildProcess | undefined

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL')
      await once(server, 'exit')
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('finishes the request in flight, logs it as JSON with its request id, and exits 0', async () => {
    dataDir = await createDataDir('serve-shutdown')
    const seeding = await openDatabase({ dataDir })
    await migrateToLatest(seeding.db)
    await seedTestOrganisation(seeding.db)
    await seeding.close()

    const child = spawn(process.execPath, ['bin/jixiao.js', 'serve', '--port', '0', '--no-demo'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        JIXIAO_LOG: 'info',
        JIXIAO_DATA_DIR: dataDir,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server = child
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    while (!/running at http:\/\/\S+/.test(output)) {
      if (child.exitCode !== null) throw new Error(`the server exited before listening:\n${output}`)
      await pause(50)
    }
    const url = new URL(/running at (http:\/\/\S+)/.exec(output)![1]!)
    const api: ApiClient = createApiClient((path, init) => fetch(`${url.origin}${path}`, init))
    expect((await api.login('hr')).status).toBe(200)

    // The upload starts: headers and the CSV header line are sent, the rows are not yet.
    let inFlight: ReturnType<typeof request> | undefined
    const answer = new Promise<{ status: number; body: string; requestId: string | undefined }>(
      (resolve, reject) => {
        const upload = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/api/imports/uploads?fileName=orders.csv',
            headers: {
              cookie: api.cookie!,
              'x-csrf-token': api.csrfToken!,
              'content-type': 'application/octet-stream',
              'x-request-id': 'shutdown-test-1',
            },
          },
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => {
              body += chunk.toString()
            })
            res.on('end', () =>
              resolve({ status: res.statusCode!, body, requestId: res.headers['x-request-id'] as string }),
            )
          },
        )
        upload.on('error', reject)
        upload.write('订单编号,下单时间,数量,实付金额\n')
        inFlight = upload
      },
    )
    // Sequencing, not timing: let the server take the request before the signal.
    await pause(500)
    child.kill('SIGTERM')
    await pause(1000)
    expect(child.exitCode).toBeNull()
    inFlight!.end('A1,2011-07-01 10:00:00,1,10\nA2,2011-07-01 11:00:00,2,20\n')

    const finished = await answer
    expect(finished.status, finished.body.slice(0, 300)).toBe(201)
    expect(JSON.parse(finished.body)).toMatchObject({ fileName: 'orders.csv' })
    expect(finished.requestId).toBe('shutdown-test-1')
    const [code] = await exited
    expect(code, output).toBe(0)
    expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(false)

    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.find((l) => l.reqId === 'shutdown-test-1')).toMatchObject({
      route: '/api/imports/uploads',
      status: 201,
    })
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['listening', 'stopping: finishing requests in flight', 'stopped']),
    )
  })
})
