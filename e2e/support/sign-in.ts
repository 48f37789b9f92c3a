import type { Page } from 'playwright-core'

export const demoPassword = 'jixiao123'

// Signs in through the login page as a person would (zh-CN labels), and waits for the dashboard.
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
