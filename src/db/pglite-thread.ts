import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { PGliteClient, PGliteResult, PGliteStatements } from './pglite-client.ts'
import type {
  PGliteThreadErrorFields,
  PGliteThreadReply,
  PGliteThreadRequest,
  PGliteThreadStart,
} from './pglite-thread-worker.ts'

// PGlite on a thread of its own (issue 12.2): PGlite runs SQL on the thread that calls it, so on the server's
// thread one statement of a few hundred milliseconds (a duplicate-key check over an import, a cycle's compute)
// held every other request. Here a worker thread owns the instance and the server's thread only waits.
// PGlite is one connection: whoever holds it (a Kysely connection, a transaction, one statement) holds the
// lock below, so a transaction's statements never interleave with another request's.

/** A database error from the PGlite thread, with PostgreSQL's fields (code, detail, constraint, table, column …). */
export class PGliteThreadError extends Error {
  [field: string]: unknown
  constructor(fields: PGliteThreadErrorFields) {
    super(fields.message)
    Object.assign(this, fields)
  }
}

type Request = PGliteThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

/** One holder of the connection at a time, in the order asked. */
function createLock(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve()
  return () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const acquired = tail.then(() => release)
    tail = tail.then(() => held)
    return acquired
  }
}

/**
 * Parameters as PGlite on this thread would serialise them, before they are copied to the other thread (a copy
 * keeps plain data only): a plain object becomes its JSON, a value with toJSON (a Decimal) that value.
 */
function portable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof Uint8Array) return value
  if (Array.isArray(value)) return value.map(portable)
  const prototype = Object.getPrototypeOf(value)
  if (prototype === Object.prototype || prototype === null) return JSON.stringify(value)
  const toJSON = (value as { toJSON?: () => unknown }).toJSON
  return typeof toJSON === 'function' ? portable(toJSON.call(value)) : String(value)
}

export class PGliteThread implements PGliteClient {
  readonly #worker: Worker
  readonly #waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  readonly #lock = createLock()
  #nextId = 1
  #stopped: Error | undefined

  /** The statements on the connection without taking it: for the holder of the lock only. */
  readonly #held: PGliteStatements = {
    query: async <T>(sql: string, params: unknown[] = [], options?: { blob?: Blob }) => {
      const blob = options?.blob ? await options.blob.arrayBuffer() : undefined
      const request: Request = { op: 'query', sql, params: params.map(portable), blob }
      return (await this.#send(request, blob ? [blob] : [])) as PGliteResult<T>
    },
    exec: (sql: string) => this.#send({ op: 'exec', sql }),
  }

  private constructor(worker: Worker) {
    this.#worker = worker
  }

  /** Starts the thread and PGlite in it (a data folder, or memory:// loaded from a dump); resolves when ready. */
  static async open(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGliteThread> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined
    const workerData: PGliteThreadStart = { dataDir: options.dataDir, loadDataDir }
    // Through bin/run-ts.js, as the scoring thread: the worker is TypeScript, loaded by tsx.
    const worker = new Worker(new URL('../../bin/run-ts.js', import.meta.url), {
      argv: [fileURLToPath(new URL('./pglite-thread-worker.ts', import.meta.url))],
      workerData,
      transferList: loadDataDir ? [loadDataDir] : [],
    })
    const thread = new PGliteThread(worker)
    worker.on('message', (reply: PGliteThreadReply) => thread.#answer(reply))
    worker.on('error', (error) => thread.#stop(error))
    worker.on('exit', (code) => thread.#stop(new Error(`the database thread stopped (exit code ${code})`)))
    try {
      await thread.#await(0)
    } catch (error) {
      await worker.terminate()
      throw error
    }
    return thread
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: { blob?: Blob }) {
    return this.#exclusive(() => this.#held.query<T>(sql, params, options))
  }

  exec(sql: string): Promise<unknown> {
    return this.#exclusive(() => this.#held.exec(sql))
  }

  transaction<T>(fn: (tx: PGliteStatements) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      await this.#held.query('begin')
      let result: T
      try {
        result = await fn(this.#held)
      } catch (error) {
        await this.#held.query('rollback').catch(() => {})
        throw error
      }
      await this.#held.query('commit')
      return result
    })
  }

  /** Takes the connection until `release` (a Kysely connection: its transaction is BEGIN … COMMIT statements). */
  async connect(): Promise<{ statements: PGliteStatements; release(): void }> {
    const release = await this.#lock()
    return { statements: this.#held, release }
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<Blob> {
    const bytes = await this.#exclusive(() => this.#send({ op: 'dump', compression }))
    return new Blob([bytes as ArrayBuffer])
  }

  /** Closes PGlite (it writes its files) once the statements before have run, then ends the thread. */
  async close(): Promise<void> {
    if (this.#stopped) return
    await this.#exclusive(() => this.#send({ op: 'close' }))
    this.#stop(new Error('the database is closed'))
    await this.#worker.terminate()
  }

  async #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.#lock()
    try {
      return await fn()
    } finally {
      release()
    }
  }

  #send(request: Request, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const id = this.#nextId++
    const answer = this.#await(id)
    if (!this.#stopped) this.#worker.postMessage({ ...request, id }, transfer)
    return answer
  }

  /** The answer to request `id`; while any is awaited the thread keeps the process alive (a CLI run waits). */
  #await(id: number): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped)
    return new Promise((resolve, reject) => {
      if (this.#waiting.size === 0) this.#worker.ref()
      this.#waiting.set(id, { resolve, reject })
    })
  }

  #answer(reply: PGliteThreadReply): void {
    const waiter = this.#waiting.get(reply.id)
    if (!waiter) return
    this.#waiting.delete(reply.id)
    if (this.#waiting.size === 0) this.#worker.unref()
    if (reply.ok) waiter.resolve(reply.value)
    else waiter.reject(new PGliteThreadError(reply.error))
  }

  #stop(error: Error): void {
    this.#stopped ??= error
    for (const { reject } of this.#waiting.values()) reject(error)
    this.#waiting.clear()
    this.#worker.unref()
  }
}
