import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pgliteParsers } from './pglite-parsers.ts'

// The thread that owns an embedded PGlite instance (pglite-thread.ts starts it): it runs each statement it is
// sent and answers with the rows, or with the error and its PostgreSQL fields (code, constraint, detail …).
// Statements run in the order they arrive; the server's thread decides which connection holder sends them.

export type PGliteThreadStart = { dataDir?: string; loadDataDir?: ArrayBuffer }

export type PGliteThreadRequest = { id: number } & (
  | { op: 'query'; sql: string; params: unknown[]; blob?: ArrayBuffer }
  | { op: 'exec'; sql: string }
  | { op: 'dump'; compression: 'none' | 'gzip' | 'auto' }
  | { op: 'close' }
)

/** The error's message, name and every plain field PGlite gives it (code, detail, constraint, table, column …). */
export type PGliteThreadErrorFields = Record<string, string | number | boolean> & { message: string }

/** `id` 0 answers the start. */
export type PGliteThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: PGliteThreadErrorFields }

const port = parentPort
if (!port) throw new Error('pglite-thread-worker.ts runs only as a worker thread')
const start = workerData as PGliteThreadStart

function fieldsOf(error: unknown): PGliteThreadErrorFields {
  if (!(error instanceof Error)) return { message: String(error) }
  const fields: PGliteThreadErrorFields = { message: error.message, name: error.name }
  for (const [key, value] of Object.entries(error))
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[key] = value
  return fields
}

const plain = (r: { rows: unknown[]; affectedRows?: number; fields: unknown[] }) => ({
  rows: r.rows,
  affectedRows: r.affectedRows,
  fields: r.fields,
})

let pglite: PGlite
try {
  pglite = await PGlite.create(start.dataDir ? `file://${start.dataDir}` : 'memory://', {
    parsers: pgliteParsers,
    loadDataDir: start.loadDataDir ? new Blob([start.loadDataDir]) : undefined,
  })
  port.postMessage({ id: 0, ok: true, value: null } satisfies PGliteThreadReply)
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: fieldsOf(error) } satisfies PGliteThreadReply)
  port.close()
}

async function run(request: PGliteThreadRequest): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  switch (request.op) {
    case 'query': {
      const blob = request.blob ? new Blob([request.blob]) : undefined
      return { value: plain(await pglite.query(request.sql, request.params, blob ? { blob } : undefined)) }
    }
    case 'exec':
      return { value: (await pglite.exec(request.sql)).map(plain) }
    case 'dump': {
      const bytes = await (await pglite.dumpDataDir(request.compression)).arrayBuffer()
      return { value: bytes, transfer: [bytes] }
    }
    case 'close':
      await pglite.close()
      return { value: null }
  }
}

port.on('message', async (request: PGliteThreadRequest) => {
  try {
    const { value, transfer } = await run(request)
    port.postMessage({ id: request.id, ok: true, value } satisfies PGliteThreadReply, transfer ?? [])
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, error: fieldsOf(error) } satisfies PGliteThreadReply)
  }
  if (request.op === 'close') port.close()
})
