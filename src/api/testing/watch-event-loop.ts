import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

// Issue 12.2: while a workload runs on a real server in this process, a poller asks /api/health one request
// after another, and Node's own event-loop delay histogram runs beside it. Both see the same loop: a
// statement or a loop of JavaScript that holds it shows up as a slow health answer and as a long delay.

export type EventLoopReport = {
  /** Each /api/health answer's latency in ms, after a warm-up. */
  latencies: number[]
  p99Ms: number
  maxMs: number
  /** The longest the loop was held, by monitorEventLoopDelay (ms, 10 ms resolution). */
  loopMaxMs: number
  loopP99Ms: number
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
}

/** Starts polling `${baseUrl}/api/health`; the returned function stops and reports. */
export async function watchEventLoop(baseUrl: string): Promise<() => Promise<EventLoopReport>> {
  const latencies: number[] = []
  let running = true
  const done = (async () => {
    while (running) {
      const started = performance.now()
      const res = await fetch(`${baseUrl}/api/health`)
      await res.arrayBuffer()
      latencies.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  // The first answers on a fresh connection say nothing about the workload: wait for them, then measure.
  while (latencies.length < 3) await new Promise((resolve) => setTimeout(resolve, 5))
  latencies.length = 0
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  return async () => {
    histogram.disable()
    running = false
    await done
    return {
      latencies,
      p99Ms: Math.round(percentile(latencies, 0.99)),
      maxMs: Math.round(Math.max(0, ...latencies)),
      loopMaxMs: Math.round(histogram.max / 1e6),
      loopP99Ms: Math.round(histogram.percentile(99) / 1e6),
    }
  }
}
