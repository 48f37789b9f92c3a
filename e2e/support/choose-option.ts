import type { Locator, Page } from 'playwright-core'

// Picks an option of an antd Select. The option is looked up in the dropdown that belongs to this select (its
// listbox carries the select's id), never in another select's dropdown that is still fading out: two dropdowns
// listing the same people are on screen for a moment when one select follows another. It returns once the
// dropdown has closed.
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const id = await select.getAttribute('id')
  if (!id) throw new Error('chooseOption: the select has no id to find its dropdown by')
  await select.click()
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${id}_list"]`) })
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click()
  // A multiple select keeps its dropdown open for the next pick; close it as a person would.
  if (await select.evaluate((element) => element.closest('.ant-select-multiple') !== null))
    await page.keyboard.press('Escape')
  await dropdown.waitFor({ state: 'hidden' })
}
