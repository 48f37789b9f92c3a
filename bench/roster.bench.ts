// Benchmark: a roster import (花名册) of 10,000 people through the product (read the file, plan against the
// company, write all or nothing with the audit rows) against inserting the same rows with one INSERT … SELECT
// from a staging table, on PGlite and PostgreSQL; and the time from upload to preview. Each side runs `rounds`
// times (ROSTER_BENCH_ROUNDS, default 3), each round into a fresh company; the fastest of each side is reported.
// Run: node bin/run-ts.js bench/roster.bench.ts [--pglite-only|--postgres-only]   (prints JSON)
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import type { Db } from '../src/db/database.ts'
import { isPostgresReachable } from '../src/db/test-database.ts'
import { applyRosterImport } from '../src/services/roster/apply-roster-import.ts'
import { prepareRosterImport } from '../src/services/roster/preview-roster-import.ts'
import { openBenchDatabase } from './bench-database.ts'

const people = 10_000
const departments = Array.from({ length: 20 }, (_, i) => `部门${i + 1}`)
const positions = Array.from({ length: 40 }, (_, i) => `岗位${i + 1}`)

type Person = {
  employeeNo: string
  name: string
  department: string
  position: string
  managerNo: string | null
  hireDate: string
  phone: string
  email: string
}

// Ten levels of reporting lines: person i reports to person floor(i / 10).
const rows: Person[] = Array.from({ length: people }, (_, i) => ({
  employeeNo: `P${String(i + 1).padStart(5, '0')}`,
  name: `员工${i + 1}`,
  department: departments[i % departments.length]!,
  position: positions[i % positions.length]!,
  managerNo: i === 0 ? null : `P${String(Math.floor(i / 10) + 1).padStart(5, '0')}`,
  hireDate: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
  phone: `138${String(i).padStart(8, '0')}`,
  email: `p${i + 1}@example.com`,
}))

const file = path.join(tmpdir(), `jixiao-bench-roster-${process.pid}.csv`)
writeFileSync(
  file,
  [
    '工号,姓名,部门,上级部门,岗位,直接上级工号,入职日期,离职日期,手机,邮箱',
    ...rows.map((r) =>
      [
        r.employeeNo,
        r.name,
        r.department,
        '',
        r.position,
        r.managerNo ?? '',
        r.hireDate,
        '',
        r.phone,
        r.email,
      ].join(','),
    ),
  ].join('\n'),
)

/** Wall time, and this process's CPU time: all of the work on PGlite, which runs inside the process. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  global.gc?.()
  const t = performance.now()
  const cpu = process.cpuUsage()
  const result = await fn()
  const used = process.cpuUsage(cpu)
  return {
    ms: Math.round(performance.now() - t),
    cpuMs: Math.round((used.user + used.system) / 1000),
    result,
  }
}

/** A company with the departments and positions the file names. */
async function company(db: Db, name: string): Promise<number> {
  const id = (await db.insertInto('companies').values({ name }).returning('id').executeTakeFirstOrThrow()).id
  await db
    .insertInto('departments')
    .values(departments.map((d) => ({ company_id: id, name: d })))
    .execute()
  await db
    .insertInto('positions')
    .values(positions.map((p) => ({ company_id: id, name: p, job_description: '{"duties":[]}' })))
    .execute()
  return id
}

/**
 * The floor: the same rows loaded into a staging table (each given its id from the employees sequence), then one
 * INSERT … SELECT writing them with departments, positions and managers resolved in SQL.
 */
async function baseline(db: Db, companyId: number) {
  await sql`create temp table roster_staging (id int default nextval(pg_get_serial_sequence('employees', 'id')),
    employee_no text, name text, department text, position text, manager_no text, hire_date date, phone text,
    email text)`.execute(db)
  const json = JSON.stringify(
    rows.map((r) => ({
      employee_no: r.employeeNo,
      name: r.name,
      department: r.department,
      position: r.position,
      manager_no: r.managerNo,
      hire_date: r.hireDate,
      phone: r.phone,
      email: r.email,
    })),
  )
  const staging = await timed(() =>
    sql`insert into roster_staging (employee_no, name, department, position, manager_no, hire_date, phone, email)
      select * from jsonb_to_recordset(${json}::jsonb) as r(employee_no text, name text, department text,
      position text, manager_no text, hire_date date, phone text, email text)`.execute(db),
  )
  const insert = await timed(() =>
    sql`insert into employees (id, company_id, employee_no, name, department_id, position_id, manager_id, hire_date,
        status, phone, email)
      overriding system value
      select s.id, ${companyId}, s.employee_no, s.name, d.id, p.id, m.id, s.hire_date, 'active', s.phone, s.email
      from roster_staging s
      left join roster_staging m on m.employee_no = s.manager_no
      left join departments d on d.company_id = ${companyId} and d.name = s.department
      left join positions p on p.company_id = ${companyId} and p.name = s.position`.execute(db),
  )
  await sql`drop table roster_staging`.execute(db)
  return { stagingMs: staging.ms, insertSelectMs: insert.ms, cpuMs: staging.cpuMs + insert.cpuMs }
}

/** Rounds of each side; the fastest of each is reported, so a shared machine's load spikes do not pick the ratio. */
const rounds = Number(process.env.ROSTER_BENCH_ROUNDS ?? 3)

async function bench(engine: 'pglite' | 'postgres') {
  const handle = await openBenchDatabase(engine)
  try {
    const db = handle.db
    const now = () => new Date()
    // Warm-up: one small import, so both sides run with the statements and caches of a running server.
    const warm = await company(db, 'warm-up')
    await baseline(db, warm)
    const best = {
      stagingMs: Infinity,
      insertSelectMs: Infinity,
      floorMs: Infinity,
      previewMs: Infinity,
      importMs: Infinity,
      floorCpuMs: Infinity,
      importCpuMs: Infinity,
    }
    for (let round = 1; round <= rounds; round++) {
      const productCompany = await company(db, `product ${round}`)
      const floorCompany = await company(db, `floor ${round}`)
      const floor = await baseline(db, floorCompany)
      // As the API does it: the preview keeps the read file and its plan with the upload, and apply is given it.
      const preview = await timed(() =>
        prepareRosterImport(
          { db, now },
          { companyId: productCompany, filePath: file, fileName: 'roster.csv', createMissing: false },
        ),
      )
      if (preview.result.preview.counts.create !== people)
        throw new Error(`preview: ${JSON.stringify(preview.result.preview.counts)}`)
      const product = await timed(() =>
        applyRosterImport(
          { db, now, actor: { userId: 1, companyId: productCompany, role: 'admin', employeeId: null } },
          { filePath: file, fileName: 'roster.csv', createMissing: false, prepared: preview.result.prepared },
        ),
      )
      best.stagingMs = Math.min(best.stagingMs, floor.stagingMs)
      best.insertSelectMs = Math.min(best.insertSelectMs, floor.insertSelectMs)
      best.floorMs = Math.min(best.floorMs, floor.stagingMs + floor.insertSelectMs)
      best.previewMs = Math.min(best.previewMs, preview.ms)
      best.importMs = Math.min(best.importMs, product.ms)
      best.floorCpuMs = Math.min(best.floorCpuMs, floor.cpuMs)
      best.importCpuMs = Math.min(best.importCpuMs, product.cpuMs)
    }
    return {
      engine,
      people,
      rounds,
      uploadToPreviewMs: best.previewMs,
      importMs: best.importMs,
      stagingLoadMs: best.stagingMs,
      insertSelectMs: best.insertSelectMs,
      ratioVsStagingAndInsertSelect: +(best.importMs / best.floorMs).toFixed(2),
      ratioVsInsertSelectAlone: +(best.importMs / best.insertSelectMs).toFixed(2),
      // On PGlite the database works inside this process, so CPU time is the whole cost and stays put when a
      // shared machine is busy; on PostgreSQL it is only the client's share.
      ...(engine === 'pglite'
        ? {
            importCpuMs: best.importCpuMs,
            floorCpuMs: best.floorCpuMs,
            cpuRatio: +(best.importCpuMs / best.floorCpuMs).toFixed(2),
          }
        : {}),
    }
  } finally {
    await handle.close()
  }
}

const results: unknown[] = []
try {
  if (!process.argv.includes('--postgres-only')) results.push(await bench('pglite'))
  if (!process.argv.includes('--pglite-only')) {
    if (await isPostgresReachable()) results.push(await bench('postgres'))
    else results.push({ engine: 'postgres', skipped: 'PostgreSQL is not reachable' })
  }
} finally {
  rmSync(file, { force: true })
}
console.log(JSON.stringify(results, null, 2))
