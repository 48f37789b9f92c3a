import { cleanup, configure, render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { afterEach, vi } from 'vitest'
import { AppProviders } from '../app/providers.tsx'
import { routes } from '../app/router.tsx'
import { changeLanguage, initI18n, type Language } from '../i18n/i18n.ts'
import type { FakeApi } from './fake-api.ts'

// the first render of a file also loads antd and the page modules; give it time on a busy machine
configure({ asyncUtilTimeout: 20_000 })

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

// Renders the whole web app (providers, router, shell) at a path, talking to the given API through fetch.
// Test files that use it need `// @vitest-environment happy-dom` on their first line.
export async function renderApp(path: string, api: FakeApi, language: Language = 'zh-CN') {
  await initI18n()
  await changeLanguage(language)
  vi.stubGlobal('fetch', api.fetch)
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const view = render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return { ...view, router }
}
