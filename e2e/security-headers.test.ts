import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './support/sign-in.ts'
import { type StartedApp, startApp } from './support/start-app.ts'

// The Content-Security-Policy holds for the real web app: every main page, opened by the admin in Chromium, runs
// without one CSP violation (Ant Design's CSS-in-JS, ECharts' canvas, data: icons), and no page can be framed.

let app: StartedApp

beforeAll(async () => {
  app = await startApp()
})

afterAll(async () => {
  await app?.close()
})

type Violation = { directive: string; blocked: string; source: string }

// Collects violations from the first script of every document, before the app's own code runs.
async function watchViolations(
  page: Page,
): Promise<{ violations: () => Promise<Violation[]>; console: string[] }> {
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) consoleErrors.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: Violation[] = []
    ;(window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      })
    })
  })
  return {
    violations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations ?? []),
    console: consoleErrors,
  }
}

const mainPages = [
  '/',
  '/dashboards',
  '/my-appraisal',
  '/team',
  '/rota',
  '/organisation',
  '/templates',
  '/cycles',
  '/results',
  '/appeals',
  '/audit',
  '/settings/calendar',
  '/settings/notifications',
  '/imports',
  '/metrics',
]

describe('security headers', () => {
  it('sends a CSP that forbids framing, with nosniff and no referrer', async () => {
    const res = await fetch(`${app.baseUrl}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const api = await fetch(`${app.baseUrl}/api/health`)
    expect(api.headers.get('content-security-policy')).toBe(csp)
  })

  describe('every main page, opened by the admin', () => {
    let page: Page
    let watch: Awaited<ReturnType<typeof watchViolations>>
    const found = async (where: string) =>
      (await watch.violations()).map((v) => `${where} ${JSON.stringify(v)}`).concat(watch.console.splice(0))

    beforeAll(async () => {
      page = await app.newPage()
      watch = await watchViolations(page)
      await page.goto('/login')
      await page.getByLabel('用户名').waitFor()
      expect(await found('/login')).toEqual([])
      await signIn(page, 'admin')
    })

    // Each page is loaded afresh, so the violations listed are that page's own.
    it.each(mainPages)('shows %s without a CSP violation', async (address) => {
      await page.goto(address)
      await page.locator('.ant-layout-content').first().waitFor()
      // let lazy chunks, charts and antd's style injection finish
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
      expect(await found(address)).toEqual([])
    })

    it('shows a sheet and its printable A4 form without a CSP violation', async () => {
      const sheetId = await page.evaluate(async () => {
        const cycles = (await (await fetch('/api/cycles')).json()) as { items: { id: number }[] }
        for (const cycle of cycles.items) {
          const sheets = (await (await fetch(`/api/cycles/${cycle.id}/sheets`)).json()) as {
            items?: { id: number }[]
          }
          if (sheets.items?.[0]) return sheets.items[0].id
        }
        return undefined
      })
      expect(sheetId).toBeDefined()
      for (const address of [`/sheets/${sheetId}`, `/sheets/${sheetId}/print`]) {
        await page.goto(address)
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
        expect(await found(address)).toEqual([])
      }
      expect(app.pageErrors).toEqual([])
    })

    it('would notice a violation: an inline script is blocked and reported', async () => {
      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__inlineRan = true'
        document.body.append(script)
      })
      expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBe(
        undefined,
      )
      await expect
        .poll(async () => (await watch.violations()).map((v) => v.directive))
        .toContain('script-src-elem')
      watch.console.splice(0)
    })
  })

  it('refuses to be shown in a frame, even by a page of its own origin', async () => {
    const page = await app.newPage()
    const watch = await watchViolations(page)
    await page.goto(`${app.baseUrl}/api/health`)
    await page.setContent(`<iframe src="${app.baseUrl}/login"></iframe>`)
    // Chromium reports the refusal in the framing page's console, citing the directive.
    await expect.poll(() => watch.console.join('\n'), { timeout: 10_000 }).toContain('frame-ancestors')
    const frame = page.frames().find((f) => f !== page.mainFrame())
    const framedText = frame
      ? await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '')
      : ''
    expect(framedText).not.toContain('登录')
  })
})
