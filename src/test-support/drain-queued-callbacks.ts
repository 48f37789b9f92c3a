import { MessageChannel } from 'node:worker_threads'

/**
 * Lets callbacks still queued when a component test file ends run while its DOM globals exist. antd's overflow
 * lists (menus, tags) set state from a MessageChannel callback and React schedules work with setImmediate; run after
 * the DOM is torn down, they throw "window is not defined" and fail a run whose tests all passed.
 */
export async function drainQueuedCallbacks(rounds = 5) {
  for (let round = 0; round < rounds; round++) {
    const channel = new MessageChannel()
    await new Promise<void>((resolve) => {
      channel.port2.once('message', () => resolve())
      channel.port1.postMessage(null)
    })
    channel.port1.close()
    channel.port2.close()
    await new Promise<void>((resolve) => setTimeout(resolve, 10))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}
