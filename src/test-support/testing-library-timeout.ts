import { configure } from '@testing-library/dom'
import { afterAll } from 'vitest'
import { drainQueuedCallbacks } from './drain-queued-callbacks.ts'

// Component tests wait for the first render of antd pages; on a busy two-core machine that can take seconds.
configure({ asyncUtilTimeout: 20_000 })

// Files with `@vitest-environment happy-dom` lose their DOM right after their last hook: drain first.
afterAll(async () => {
  if (typeof window !== 'undefined') await drainQueuedCallbacks()
})
