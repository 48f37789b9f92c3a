import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { startServer } from '../../src/api/start-server.ts'
import { createTestDatabase } from '../../src/db/test-database.ts'
import { demoExtensions } from '../../src/services/demo/demo-extensions.ts'
import { loadDemoCompany } from '../../src/services/demo/load-demo-company.ts'

// Starts the whole product for a browser journey: the built web bundle, an in-memory database with the demo
// company (or none), the real HTTP server on a free port, and a headless Chromium.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const screenshotDir = path.join(repoRoot, 'docs/screenshots')

export type StartedApp = {
  baseUrl: string
  browser: Browser
  /** A fresh browser context (own cookies and localStorage) and page; errors thrown in the page are collected. */
  newPage(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<Page>
  /** Uncaught errors from every page opened with newPage, so a test can insist there were none. */
  pageErrors: string[]
  /** Writes docs/screenshots/<name>.png, only when JIXIAO_SCREENSHOTS=1 so that ordinary runs keep the tree clean. */
  screenshot(page: Page, name: string): Promise<string | undefined>
  close(): Promise<void>
}

/**
 * `demo: false` starts on an empty database, as a real company's first run does; `now` gives the server a
 * clock a test can move (an appeal window passing).
 */
export async function startApp(options: { demo?: boolean; now?: () => Date } = {}): Promise<StartedApp> {
  const webRoot = await webBundle()
  const database = await createTestDatabase('pglite')
  const contexts: BrowserContext[] = []
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  let browser: Browser | undefined
  try {
    if (options.demo !== false) await loadDemoCompany(database.db, demoExtensions)
    server = await startServer({
      db: database.db,
      engine: database.engine,
      port: 0,
      host: '127.0.0.1',
      webRoot,
      ...(options.now ? { now: options.now } : {}),
    })
    browser = await chromium.launch({
      executablePath: process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
  } catch (error) {
    await server?.close()
    await database.close()
    throw error
  }

  const baseUrl = server.url.replace(/\/$/, '')
  const pageErrors: string[] = []
  const openBrowser = browser
  const openServer = server

  return {
    baseUrl,
    browser: openBrowser,
    pageErrors,
    async newPage(options = {}) {
      const context = await openBrowser.newContext({
        baseURL: baseUrl,
        viewport: options.viewport ?? { width: 1280, height: 800 },
        locale: options.locale ?? 'zh-CN',
        reducedMotion: 'reduce',
      })
      contexts.push(context)
      const page = await context.newPage()
      page.on('pageerror', (error) => pageErrors.push(error.message))
      return page
    },
    async screenshot(page, name) {
      if (process.env.JIXIAO_SCREENSHOTS !== '1') return undefined
      await mkdir(screenshotDir, { recursive: true })
      const file = path.join(screenshotDir, `${name}.png`)
      // let fonts and antd's motion settle so the picture is what a person would see
      await page.evaluate(() => document.fonts.ready)
      await page.waitForTimeout(300)
      await page.screenshot({ path: file })
      return file
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {})
      await openBrowser.close().catch(() => {})
      await openServer.close()
      await database.close()
    },
  }
}

let bundle: Promise<string> | undefined

// The built front end: JIXIAO_E2E_WEB_ROOT when set (e.g. CI's dist/web), else a build into the temp folder that is
// reused for as long as the web sources are unchanged, so the test files of one run build it once between them.
export function webBundle(): Promise<string> {
  bundle ??= resolveWebBundle()
  return bundle
}

async function resolveWebBundle(): Promise<string> {
  const given = process.env.JIXIAO_E2E_WEB_ROOT
  if (given) {
    const root = path.resolve(repoRoot, given)
    if (!existsSync(path.join(root, 'index.html'))) {
      throw new Error(`JIXIAO_E2E_WEB_ROOT=${given} has no index.html; run npm run build first`)
    }
    return root
  }
  const fingerprint = await hashSources([
    path.join(repoRoot, 'src/web'),
    path.join(repoRoot, 'vite.config.ts'),
    path.join(repoRoot, 'package-lock.json'),
  ])
  const target = path.join(tmpdir(), `jixiao-e2e-web-${fingerprint.slice(0, 16)}`)
  if (existsSync(path.join(target, 'index.html'))) return target

  const scratch = await mkdtemp(path.join(tmpdir(), 'jixiao-e2e-build-'))
  const { build } = await import('vite')
  // vitest sets NODE_ENV=test, which Vite would pass on to React and antd (development builds, fixed 'test-id' ids);
  // the journeys must run the same production bundle that users get.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: scratch, emptyOutDir: true },
    })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  try {
    await rename(scratch, target)
  } catch {
    // another test file finished the same build first; theirs is identical
    await rm(scratch, { recursive: true, force: true })
  }
  return target
}

async function hashSources(paths: string[]): Promise<string> {
  const hash = createHash('sha256')
  hash.update('production-build-v2')
  const visit = async (p: string): Promise<void> => {
    const info = await stat(p).catch(() => undefined)
    if (!info) return
    if (info.isDirectory()) {
      for (const entry of (await readdir(p)).sort()) {
        if (entry === 'node_modules' || /\.test\.tsx?$/.test(entry)) continue
        await visit(path.join(p, entry))
      }
      return
    }
    hash.update(path.relative(repoRoot, p))
    hash.update(await readFile(p))
  }
  for (const p of paths) await visit(p)
  return hash.digest('hex')
}
