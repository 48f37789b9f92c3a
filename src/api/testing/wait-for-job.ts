import type { Job } from '../../contracts/workflow.ts'
import type { ApiClient } from './api-client.ts'

/** Polls a background job (opening or computing a cycle, a pay sheet) until it has succeeded or failed. */
export async function waitForJob(client: ApiClient, jobId: number): Promise<Job> {
  for (;;) {
    const res = await client.get<Job>(`/api/jobs/${jobId}`)
    if (res.status !== 200) throw new Error(`GET /api/jobs/${jobId} answered ${res.status}`)
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
