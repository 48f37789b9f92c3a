import type { Page } from 'playwright-core'

// Presses the confirming button of the open antd pop-confirm (问确认的气泡) and returns once it has closed. A
// click that lands while the pop-confirm is still opening can be lost (it stays open and nothing happens); then
// the button is pressed again, up to three times, so a journey tests what confirming does rather than the motion.
export async function confirmPopup(page: Page, name: string | RegExp): Promise<void> {
  const popup = page.locator('.ant-popconfirm:not(.ant-popover-hidden)').filter({
    has: page.getByRole('button', { name }),
  })
  for (let attempt = 1; ; attempt++) {
    await popup.getByRole('button', { name }).click()
    try {
      await popup.waitFor({ state: 'hidden', timeout: 10_000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}
