import type { Locator, Page } from 'playwright-core'

// A button by its visible name. antd puts a space between the two CJK characters of a two-character button
// (保 存, 开 通), so such a name also matches with that space.
export function buttonNamed(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', {
    name: name.length === 2 ? new RegExp(`${name[0]}\\s?${name[1]}$`) : name,
  })
}
