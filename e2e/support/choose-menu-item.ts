import type { Locator, Page } from 'playwright-core'

// Picks an item of an antd Dropdown menu and returns once the menu has closed. A click that lands while the
// menu is still opening can be lost (the menu stays open and nothing happens); then the item is clicked again,
// up to three times, so the journey tests what the item does rather than the menu's animation.
export async function chooseMenuItem(page: Page, trigger: Locator, item: string): Promise<void> {
  await trigger.click()
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').filter({
    has: page.getByRole('menuitem', { name: item }),
  })
  for (let attempt = 1; ; attempt++) {
    await menu.getByRole('menuitem', { name: item }).click()
    try {
      await menu.waitFor({ state: 'hidden', timeout: 10_000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}
