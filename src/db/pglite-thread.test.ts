import { CompiledQuery, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './open-database.ts'
import { createTestDatabase } from './test-database.ts'

// PGlite on its own thread (issue 12.2) must be the same database to every caller as PGlite on this thread:
// the same values back (dates as text, numerics as decimal strings, counts as numbers), errors with their
// PostgreSQL fields (services map code and constraint), transactions that nothing interleaves, COPY from a blob
// and a dump; and while it works this thread's event loop keeps turning.

const setup = `
  create table t (id int primary key, d date, n numeric(12, 2), big bigint, at timestamptz, j jsonb, b bytea,
                  flag boolean, tags text[], note text check (note <> 'bad'));
  insert into t values (1, '2024-02-29', 12.30, 9007199254740991, '2026-12-07 05:00:00+00', '{"a": [1, "二"]}',
                        '\\x00ff', true, '{x,y}', null);`

describe('PGlite on its own thread', () => {
  let thread: DatabaseHandle
  let inline: DatabaseHandle
  beforeAll(async () => {
    thread = await createTestDatabase('pglite', { thread: true })
    inline = await createTestDatabase('pglite', { thread: false })
    for (const h of [thread, inline]) await h.pglite!.exec(setup)
  }, 60_000)
  afterAll(async () => {
    await thread?.close()
    await inline?.close()
  })

  it('answers every type as PGlite on this thread does', async () => {
    const read = (h: DatabaseHandle) =>
      sql`select *, count(*) over () as total from t where id = ${1} and at < ${new Date('2027-01-01T00:00:00Z')}`.execute(
        h.db,
      )
    const [mine, theirs] = [await read(thread), await read(inline)]
    expect(mine.rows).toEqual(theirs.rows)
    expect(mine.rows[0]).toMatchObject({ d: '2024-02-29', n: '12.30', big: 9007199254740991, total: 1 })
  })

  it('passes parameters as PGlite here would: plain objects as JSON, a value with toJSON as that value', async () => {
    const decimal = { toJSON: () => '7.25', toString: () => '7.25' }
    Object.setPrototypeOf(decimal, { kind: 'decimal-like' })
    for (const h of [thread, inline])
      await sql`insert into t (id, n, j, b, tags) values (${2}, ${decimal}::numeric, ${{ k: ['值'] }}, ${new Uint8Array([1, 2])}, ${['p', 'q']})`.execute(
        h.db,
      )
    const read = (h: DatabaseHandle) => sql`select n, j, b, tags from t where id = 2`.execute(h.db)
    expect((await read(thread)).rows).toEqual((await read(inline)).rows)
    expect((await read(thread)).rows[0]).toMatchObject({ n: '7.25', j: { k: ['值'] }, tags: ['p', 'q'] })
  })

  it('reports affected rows to Kysely as PGlite here does', async () => {
    const update = (h: DatabaseHandle, id: number) =>
      h.db.executeQuery(CompiledQuery.raw(`update t set flag = false where id = ${id}`))
    expect((await update(thread, 1)).numAffectedRows).toBe(1n)
    expect((await update(thread, 99)).numAffectedRows).toBe((await update(inline, 99)).numAffectedRows)
  })

  it('hands errors over with their PostgreSQL fields', async () => {
    const fail = (h: DatabaseHandle) =>
      sql`insert into t (id) values (1)`.execute(h.db).then(
        () => undefined,
        (error: Record<string, unknown>) => error,
      )
    const [mine, theirs] = [await fail(thread), await fail(inline)]
    expect(mine).toBeInstanceOf(Error)
    expect(mine).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't', detail: theirs?.detail })
    expect((mine as unknown as Error).message).toBe((theirs as unknown as Error).message)
    const check = await sql`insert into t (id, note) values (3, 'bad')`.execute(thread.db).catch((e) => e)
    expect(check).toMatchObject({ code: '23514', constraint: 't_note_check' })
  })

  it('rolls a failed transaction back and lets no other statement into a transaction', async () => {
    const seen: string[] = []
    const tx = thread.db.transaction().execute(async (trx) => {
      await sql`insert into t (id, note) values (10, 'in')`.execute(trx)
      seen.push('inserted')
      await new Promise((resolve) => setTimeout(resolve, 50))
      throw new Error('give up')
    })
    // Asked while the transaction is open: runs after it, so never sees (or commits) its row.
    const outside = sql<{ n: number }>`select count(*) as n from t where id = 10`
      .execute(thread.db)
      .then((r) => {
        seen.push('outside')
        return r.rows[0]?.n
      })
    await expect(tx).rejects.toThrow('give up')
    expect(await outside).toBe(0)
    expect(seen).toEqual(['inserted', 'outside'])
    const client = thread.pglite!
    const copied = await client.transaction(async (t) => {
      await t.query('create temp table staged (a int, b text) on commit drop')
      const result = await t.query("copy staged from '/dev/blob' with (format csv)", [], {
        blob: new Blob(['1,一\n2,二\n']),
      })
      return { affected: result.affectedRows, rows: (await t.query('select b from staged order by a')).rows }
    })
    expect(copied).toEqual({ affected: 2, rows: [{ b: '一' }, { b: '二' }] })
  })

  it('keeps this thread turning while a long statement runs there', async () => {
    let turns = 0
    const timer = setInterval(() => turns++, 1)
    let done = false
    const long = sql`select count(*) from generate_series(1, 1000000) g, lateral (select md5(g::text)) m`
      .execute(thread.db)
      .then(() => {
        done = true
      })
    await new Promise((resolve) => setTimeout(resolve, 20))
    // On this thread the statement would have held the loop to its end: no timer before it is done.
    expect(done).toBe(false)
    await long
    clearInterval(timer)
    expect(turns).toBeGreaterThan(1)
  }, 60_000)

  it('dumps its data folder, and a thread starts from a dump', async () => {
    const dump = await thread.pglite!.dumpDataDir('none')
    const copy = await openDatabase({ memory: true, thread: true, loadDataDir: dump })
    try {
      const { rows } = await sql<{ n: string }>`select n from t where id = 1`.execute(copy.db)
      expect(rows).toEqual([{ n: '12.30' }])
    } finally {
      await copy.close()
    }
    await expect(copy.db.selectNoFrom((eb) => eb.lit(1).as('x')).execute()).rejects.toThrow()
  }, 60_000)
})
