import { fireEvent, waitFor, within } from '@testing-library/dom'
import { GlobalWindow } from 'happy-dom'
import { afterAll } from 'vitest'
import { populateGlobal } from 'vitest/runtime'
import { drainQueuedCallbacks } from '../../test-support/drain-queued-callbacks.ts'

// A happy-dom document inside the Node test environment, for component tests that run the real API on a test
// database in the same process (src/test-support/real-api.ts). Import it first, before anything that reads
// `document`. Unlike `@vitest-environment happy-dom`, modules load as on the server (import.meta.url is a file URL,
// so PGlite and createApp find their files) and fetch, Request, Response, Headers and URL stay Node's own.
// react-dom must first load after the document exists, or React never sees change events: so nothing here loads it,
// and a test file takes fireEvent, waitFor and within from here (Testing Library's DOM package, which React Testing
// Library wraps in act() once render-app.tsx loads it), never a bare import of @testing-library/react or antd, which
// import sorting would put above this file.
const win = new GlobalWindow({
  url: 'http://localhost:3000',
  console: globalThis.console,
  settings: { disableErrorCapturing: true },
})
const { keys, originals } = populateGlobal(globalThis, win, { bindFunctions: true })

/**
 * Testing Library's `screen` for these files: the global `screen` was bound before the document existed (the
 * setup file loads Testing Library first), so queries go through the body instead.
 */
export const page = within(document.body)
export { fireEvent, waitFor, within }

afterAll(async () => {
  await drainQueuedCallbacks()
  await win.happyDOM.abort()
  win.close()
  const g = globalThis as Record<string, unknown>
  for (const key of keys) delete g[key]
  for (const [key, value] of originals) g[key as string] = value
})
