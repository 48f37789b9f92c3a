// What the data layer asks of PGlite beyond Kysely (COPY from a blob, a transaction of plain statements, a dump),
// met alike by an instance on this thread and by one on its own thread (pglite-thread.ts).

export type PGliteResult<T> = {
  rows: T[]
  affectedRows?: number
  fields: { name: string; dataTypeID: number }[]
}

/** Statements on the one connection; `blob` is what `COPY … FROM '/dev/blob'` reads. */
export type PGliteStatements = {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: { blob?: Blob },
  ): Promise<PGliteResult<T>>
  exec(sql: string): Promise<unknown>
}

export type PGliteClient = PGliteStatements & {
  /** BEGIN, `fn`, COMMIT (ROLLBACK on an error); nothing else runs on the connection meanwhile. */
  transaction<T>(fn: (tx: PGliteStatements) => Promise<T>): Promise<T>
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>
  close(): Promise<void>
}
