// The HR dashboard's first render for a 2,000-employee cycle, in headless Chromium on loopback: from navigation
// to every chart drawn (ECharts 'finished' → data-chart-ready), beside a blank page served on loopback in the
// same run (the browser's own floor), the signed-in home page (the app's own start-up) and the dashboard API
// call alone.
//
// PGlite (and PostgreSQL when reachable): the generated company of bench/workflow-company.ts (2,000 employees,
// 5 heads over 50 supervisors), 6 closed monthly cycles of history (12,000 final sheets) whose totals spread
// over 60–99 so the histogram and grades have shape. Each measurement opens a fresh browser context (cold HTTP
// cache, session cookie set through the login API) and navigates to /dashboards/hr?cycleId=<latest>.
// Reported: median and max over 7 runs after 2 warm-ups; ratio = dashboard ÷ blank, ratioToHome = dashboard ÷ home.
// Run: node bin/run-ts.js bench/dashboard-render.bench.ts
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { type Browser, chromium } from 'playwright-core'
import { webBundle } from '../e2e/support/start-app.ts'
import { startServer } from '../src/api/start-server.ts'
import { createTestDatabase, type EngineName, isPostgresReachable } from '../src/db/test-database.ts'
import { addPastCycles, generateBenchCompany } from './workflow-company.ts'

const size = { employees: 2000, supervisors: 50, managers: 5 }
const pastCycles = 6
const warmups = 2
const runs = 7
const charts = 5

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
const round = (n: number) => Number(n.toFixed(1))

async function measure(engine: EngineName, browser: Browser, blankUrl: string) {
  const handle = await createTestDatabase(engine)
  try {
    const company = await generateBenchCompany(handle.db, size)
    await addPastCycles(handle.db, company, pastCycles)
    // Spread the totals (60–99.75) and grades so the charts draw real distributions, as set-based SQL.
    await sql`
      update appraisal_sheets set total = 60 + ((id * 37) % 160) / 4.0,
        grade = case when 60 + ((id * 37) % 160) / 4.0 >= 90 then 'excellent'
                     when 60 + ((id * 37) % 160) / 4.0 >= 80 then 'good' else 'pass' end
      where company_id = ${company.companyId}`.execute(handle.db)
    const latest = await handle.db
      .selectFrom('cycles')
      .select('id')
      .where('company_id', '=', company.companyId)
      .orderBy('period_end', 'desc')
      .executeTakeFirstOrThrow()
    const server = await startServer({
      db: handle.db,
      engine,
      port: 0,
      host: '127.0.0.1',
      webRoot: await webBundle(),
    })
    const base = server.url.replace(/\/$/, '')
    try {
      const path = `/dashboards/hr?cycleId=${latest.id}`
      const dashboard = async () => {
        const context = await browser.newContext({
          baseURL: base,
          locale: 'zh-CN',
          viewport: { width: 1440, height: 1000 },
        })
        try {
          const login = await context.request.post('/api/auth/login', {
            data: { username: company.users.admin, password: 'jixiao123' },
          })
          if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`)
          const page = await context.newPage()
          const started = performance.now()
          await page.goto(path)
          await page.waitForFunction(
            (n) => document.querySelectorAll('.jixiao-chart[data-chart-ready="true"]').length >= n,
            charts,
            { timeout: 60_000 },
          )
          const ms = performance.now() - started
          const api = await page.evaluate(async (id) => {
            const t = performance.now()
            await (await fetch(`/api/dashboards/hr?cycleId=${id}`)).json()
            return performance.now() - t
          }, latest.id)
          return { ms, api }
        } finally {
          await context.close()
        }
      }
      // The signed-in app's first screen (工作台), to tell the app's own start-up from the dashboard's share.
      const home = async () => {
        const context = await browser.newContext({
          baseURL: base,
          locale: 'zh-CN',
          viewport: { width: 1440, height: 1000 },
        })
        try {
          await context.request.post('/api/auth/login', {
            data: { username: company.users.admin, password: 'jixiao123' },
          })
          const page = await context.newPage()
          const started = performance.now()
          await page.goto('/')
          await page.locator('main h1').waitFor({ timeout: 60_000 })
          return performance.now() - started
        } finally {
          await context.close()
        }
      }
      const blank = async () => {
        const context = await browser.newContext()
        try {
          const page = await context.newPage()
          const started = performance.now()
          await page.goto(blankUrl)
          await page.waitForFunction(() => document.body?.dataset.ready === 'true')
          return performance.now() - started
        } finally {
          await context.close()
        }
      }
      for (let i = 0; i < warmups; i++) {
        await dashboard()
        await home()
        await blank()
      }
      const dashboardMs: number[] = []
      const apiMs: number[] = []
      const blankMs: number[] = []
      const homeMs: number[] = []
      // Interleaved so that load from other processes falls on both alike.
      for (let i = 0; i < runs; i++) {
        const d = await dashboard()
        dashboardMs.push(d.ms)
        apiMs.push(d.api)
        homeMs.push(await home())
        blankMs.push(await blank())
      }
      const scored = await sql<{ n: number }>`
        select count(*)::int as n from appraisal_sheets where cycle_id = ${latest.id}`.execute(handle.db)
      return {
        engine,
        sheetsInCycle: scored.rows[0]?.n ?? 0,
        dashboardMs: { median: round(median(dashboardMs)), max: round(Math.max(...dashboardMs)) },
        blankMs: { median: round(median(blankMs)), max: round(Math.max(...blankMs)) },
        homeMs: { median: round(median(homeMs)), max: round(Math.max(...homeMs)) },
        apiMs: { median: round(median(apiMs)), max: round(Math.max(...apiMs)) },
        ratio: round(median(dashboardMs) / median(blankMs)),
        ratioToHome: round(median(dashboardMs) / median(homeMs)),
      }
    } finally {
      await server.close()
    }
  } finally {
    await handle.close()
  }
}

const blankServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end('<!doctype html><html><body><script>document.body.dataset.ready = "true"</script></body></html>')
})
await new Promise<void>((resolve) => blankServer.listen(0, '127.0.0.1', resolve))
const blankUrl = `http://127.0.0.1:${(blankServer.address() as AddressInfo).port}/`
const browser = await chromium.launch({
  executablePath: process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
})
try {
  const engines: EngineName[] = ['pglite', ...((await isPostgresReachable()) ? (['postgres'] as const) : [])]
  const results = []
  for (const engine of engines) results.push(await measure(engine, browser, blankUrl))
  console.log(
    JSON.stringify({ benchmark: 'dashboard-render', employees: size.employees, runs, results }, null, 2),
  )
} finally {
  await browser.close()
  blankServer.close()
}
