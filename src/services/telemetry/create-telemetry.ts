import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Db } from '../../db/database.ts'
import type { PoolUse } from '../../db/open-database.ts'
import { countUnfinishedJobs } from '../../db/readiness-queries.ts'

// The Prometheus metrics of one server process (GET /api/prometheus): request latency by route pattern, the job
// queue and job durations, rows imported, database pool use. One registry per process, not prom-client's
// global one, so several apps in one test process never share counts.

export type Telemetry = {
  registry: Registry
  /** One answered request; `route` is the pattern that answered (`/api/sheets/:id`), never the raw path. */
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void
  /** Times a background job until its completion settles; returns the same promise. */
  trackJob<T>(kind: string, completion: Promise<T>, outcomeOf?: (value: T) => JobOutcome): Promise<T>
  /** Rows an import wrote (or a validation checked). */
  countImportRows(mode: 'import' | 'validate', rows: number): void
  /** Jobs this process is running now. */
  runningJobs(): number
}

export type JobOutcome = 'succeeded' | 'failed' | 'cancelled'

export type TelemetryDeps = {
  db: Db
  /** The pool right now (open-database readPoolUse); omitted, the pool metrics are not exported. */
  readPoolUse?: () => PoolUse
  /** Node's own process metrics (memory, event-loop lag, GC): once per process, for `jixiao serve`. */
  processMetrics?: boolean
}

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
const jobBuckets = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600]

export function createTelemetry(deps: TelemetryDeps): Telemetry {
  const registry = new Registry()
  if (deps.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'jixiao_' })

  const requestSeconds = new Histogram({
    name: 'jixiao_http_request_duration_seconds',
    help: 'Time from request to response, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: latencyBuckets,
    registers: [registry],
  })
  const jobSeconds = new Histogram({
    name: 'jixiao_job_duration_seconds',
    help: 'Time a background job ran in this process, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: jobBuckets,
    registers: [registry],
  })
  const running = new Map<string, number>()
  new Gauge({
    name: 'jixiao_jobs_running_in_process',
    help: 'Background jobs this process is running now, by kind (imports included)',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const [kind, count] of running) this.set({ kind }, count)
    },
  })
  new Gauge({
    name: 'jixiao_job_queue_depth',
    help: 'Jobs of every company still queued or running in the job store, by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = await countUnfinishedJobs(deps.db)
      this.set({ status: 'queued' }, counts.queued)
      this.set({ status: 'running' }, counts.running)
    },
  })
  const importRows = new Counter({
    name: 'jixiao_import_rows_total',
    help: 'Rows written by imports (mode import) or checked by validations (mode validate)',
    labelNames: ['mode'] as const,
    registers: [registry],
  })
  const readPoolUse = deps.readPoolUse
  if (readPoolUse) {
    new Gauge({
      name: 'jixiao_db_pool_connections',
      help: 'Database connections: max (pool size), open, in_use, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const use = readPoolUse()
        this.set({ state: 'max' }, use.max)
        this.set({ state: 'open' }, use.open)
        this.set({ state: 'in_use' }, use.open - use.idle)
        this.set({ state: 'idle' }, use.idle)
        this.set({ state: 'waiting' }, use.waiting)
      },
    })
  }

  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      requestSeconds.observe({ method, route, status: String(status) }, seconds)
    },
    trackJob(kind, completion, outcomeOf) {
      const started = performance.now()
      running.set(kind, (running.get(kind) ?? 0) + 1)
      const settle = (outcome: JobOutcome) => {
        running.set(kind, Math.max(0, (running.get(kind) ?? 1) - 1))
        jobSeconds.observe({ kind, outcome }, (performance.now() - started) / 1000)
      }
      completion.then(
        (value) => settle(outcomeOf ? outcomeOf(value) : 'succeeded'),
        () => settle('failed'),
      )
      return completion
    },
    countImportRows(mode, rows) {
      if (rows > 0) importRows.inc({ mode }, rows)
    },
    runningJobs() {
      let total = 0
      for (const count of running.values()) total += count
      return total
    },
  }
}
