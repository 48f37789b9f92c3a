import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { insertJob } from '../../db/cycle-job-repository.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { createTelemetry } from './create-telemetry.ts'

// The job and import series of /api/prometheus: a queued job in the store shows in the queue depth, a job this
// process runs is timed by kind and outcome once it settles, and imported rows add up.
describe('createTelemetry', () => {
  let handle: TestDatabase
  let companyId: number

  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    companyId = (await seedTestOrganisation(handle.db)).companyId
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('reports the queue, times jobs by outcome, and counts imported rows', async () => {
    const telemetry = createTelemetry({ db: handle.db })
    await insertJob(handle.db, { companyId, kind: 'cycle.compute', params: { cycleId: 1 }, userId: null })

    let finish: () => void = () => {}
    const running = telemetry.trackJob('cycle.compute', new Promise<void>((resolve) => (finish = resolve)))
    expect(telemetry.runningJobs()).toBe(1)
    const during = await telemetry.registry.metrics()
    expect(during).toContain('jixiao_job_queue_depth{status="queued"} 1')
    expect(during).toContain('jixiao_jobs_running_in_process{kind="cycle.compute"} 1')
    finish()
    await running
    await telemetry.trackJob('cycle.open', Promise.reject(new Error('no participants'))).catch(() => {})
    telemetry.countImportRows('import', 120)
    telemetry.countImportRows('import', 30)

    const after = await telemetry.registry.metrics()
    expect(telemetry.runningJobs()).toBe(0)
    expect(after).toContain('jixiao_job_duration_seconds_count{kind="cycle.compute",outcome="succeeded"} 1')
    expect(after).toContain('jixiao_job_duration_seconds_count{kind="cycle.open",outcome="failed"} 1')
    expect(after).toContain('jixiao_import_rows_total{mode="import"} 150')
  })
})
