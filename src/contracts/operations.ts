import { z } from 'zod'

// What an operator's probes read: readiness (GET /api/ready) and the Prometheus text (GET /metrics).

export const readinessCheckSchema = z
  .object({
    ok: z.boolean(),
    /** Why the check failed, in words; absent when it passed. */
    reason: z.string().optional(),
  })
  .meta({ id: 'ReadinessCheck' })

export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['pglite', 'postgres']),
    checks: z.object({ database: readinessCheckSchema, jobs: readinessCheckSchema }),
    /** The first failed check's reason, or that the server is shutting down; absent when ready. */
    reason: z.string().optional(),
  })
  .meta({ id: 'Readiness' })
export type Readiness = z.infer<typeof readinessSchema>

/** Prometheus text exposition format 0.0.4. */
export const prometheusTextSchema = z
  .string()
  .meta({ id: 'PrometheusText', example: '# TYPE jixiao_http_request_duration_seconds histogram\n' })
