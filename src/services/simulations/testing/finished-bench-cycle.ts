import { sql } from 'kysely'
import { type BenchCompany, openBenchCycle } from '../../../../bench/workflow-company.ts'
import { customerServicePayScheme } from '../../../core/pay/pay-scheme.ts'
import type { Db } from '../../../db/database.ts'
import { computeCycle } from '../../cycles/compute-cycle.ts'
import { savePayAssignment } from '../../pay/save-pay-assignment.ts'

// A finished cycle of a generated company (bench/workflow-company.ts) to simulate on, shared by the simulation
// tests and bench/simulation.bench.ts: every sheet scored by computeCycle from varied inputs, then final and the
// cycle closed; a third of the people in a second department; the customer-service pay scheme on the position.
// Every sheet has its customer reviews at target; complaint handling is at target on even sheet ids and half
// of it on odd ones, so moving weight from complaint handling to customer reviews moves exactly the odd ids.

export async function finishedBenchCycle(
  deps: { db: Db; now: () => Date },
  company: BenchCompany,
  options: { scoringThread?: boolean | 'when large' } = {},
): Promise<number> {
  const db = deps.db
  const cycleId = await openBenchCycle(deps, company)
  const second = await db
    .insertInto('departments')
    .values({ company_id: company.companyId, name: '售后部', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`update appraisal_sheets set department_id = ${second.id} where cycle_id = ${cycleId} and id % 3 = 0`.execute(
    db,
  )
  await sql`update appraisal_sheets s set state = 'supervisor_submitted',
      self_review = jsonb_build_object('indicators', jsonb_build_object(
        'problem_resolution_rate', jsonb_build_object('actual', 0.8 + s.id % 20 / 100.0),
        'service_quality', jsonb_build_object('score', 15 + s.id % 11, 'comment', '自评'))),
      supervisor_review = jsonb_build_object('indicators', jsonb_build_object(
        'problem_resolution_rate', jsonb_build_object('actual', 0.85 + s.id % 15 / 100.0),
        'service_quality', jsonb_build_object('score', 14 + s.id * 7 % 12, 'comment', '上级评价'))),
      shared_inputs = jsonb_build_object('indicators', jsonb_build_object(
        'customer_reviews', jsonb_build_object('actual', 0.99),
        'complaint_handling_rate', jsonb_build_object('actual', case when s.id % 2 = 0 then 1 else 0.5 end)))
    where s.cycle_id = ${cycleId}`.execute(db)
  const computed = await computeCycle(deps, company.actor, cycleId, {
    scoringThread: options.scoringThread ?? false,
  })
  await computed.completion
  await sql`update appraisal_sheets set state = 'final', finalized_at = now() where cycle_id = ${cycleId}`.execute(
    db,
  )
  await sql`update cycles set status = 'closed' where id = ${cycleId}`.execute(db)
  await savePayAssignment(deps, company.actor, {
    positionId: company.positionId,
    scheme: customerServicePayScheme(),
    inputSources: {},
  })
  return cycleId
}
