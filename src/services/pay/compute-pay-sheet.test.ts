import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import type { TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { customerServicePayScheme } from '../../core/pay/pay-scheme.ts'
import { findCycle } from '../../db/cycle-repository.ts'
import { savePayAssignmentRow, savePayInputValues } from '../../db/pay-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { seedFinishedCycles } from '../../test-support/seed-finished-cycles.ts'
import { computePaySheet } from './compute-pay-sheet.ts'

// The 客服 pay inputs read from imported shop data on both engines: the agent's sales (cs_sales) and the
// neutral/negative reviews revised to positive in the cycle's month, attributed by agent nick; rows outside
// the month or replaced by a later import do not count, and a value entered by hand wins over the import.

describe.each(await testEngines())('computePaySheet with imported inputs on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let cycleId = 0

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const finished = await seedFinishedCycles(handle.db)
    org = finished.org
    const e = org.employees
    cycleId = await finished.add({
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      sheets: [e.E003, e.E004].map((employeeId) => ({
        employeeId,
        positionId: org.positions.service,
        total: '82',
        grade: 'good',
        coefficient: '1.2',
      })),
    })
    await savePayAssignmentRow(
      handle.db,
      org.companyId,
      {
        positionId: org.positions.service,
        employeeId: null,
        scheme: customerServicePayScheme(),
        inputSources: {},
        userId: null,
      },
      undefined,
    )
    const co = org.companyId
    await sql`insert into attributions (company_id, source_kind, source_name, employee_id)
              values (${co}, 'agent_nick', '冰冰', ${e.E003}), (${co}, 'agent_nick', '焦焦', ${e.E004})`.execute(
      handle.db,
    )
    await sql`insert into fact_cs_performance (company_id, import_id, superseded_by, row_no, day, date, shop, agent_nick, report, final_paid_amount)
      values (${co}, 1, null, 1, '2026-10-03', '2026-10-03', '旗舰店', '冰冰', 'r', 20000.00),
             (${co}, 1, null, 2, '2026-10-21', '2026-10-21', '旗舰店', '冰冰', 'r', 15678.45),
             (${co}, 1, 2, 3, '2026-10-22', '2026-10-22', '旗舰店', '冰冰', 'r', 99999.00),
             (${co}, 1, null, 4, '2026-09-30', '2026-09-30', '旗舰店', '冰冰', 'r', 888.00),
             (${co}, 1, null, 5, '2026-10-05', '2026-10-05', '旗舰店', '焦焦', 'r', 5000.00)`.execute(
      handle.db,
    )
    await sql`insert into fact_reviews (company_id, import_id, superseded_by, row_no, day, date, shop, review_id, rating, revised_rating, revised_at, agent_nick)
      values (${co}, 1, null, 1, '2026-10-02', '2026-10-02', '旗舰店', 'a1', '中评', '好评', '2026-10-04', '冰冰'),
             (${co}, 1, null, 2, '2026-10-02', '2026-10-02', '旗舰店', 'a2', '中评', '好评', '2026-10-09', '冰冰'),
             (${co}, 1, null, 3, '2026-09-28', '2026-09-28', '旗舰店', 'a3', '中评', '好评', '2026-10-01', '冰冰'),
             (${co}, 1, null, 4, '2026-10-12', '2026-10-12', '旗舰店', 'a4', '差评', '好评', '2026-10-13', '冰冰'),
             (${co}, 1, null, 5, '2026-10-14', '2026-10-14', '旗舰店', 'a5', '差评', '好评', '2026-10-20', '冰冰'),
             (${co}, 1, null, 6, '2026-10-14', '2026-10-14', '旗舰店', 'a6', '差评', '', null, '冰冰'),
             (${co}, 1, null, 7, '2026-09-10', '2026-09-10', '旗舰店', 'a7', '中评', '好评', '2026-09-12', '冰冰')`.execute(
      handle.db,
    )
    // 小焦's sales are corrected by hand: the entered figure wins over the imported 5,000.
    await savePayInputValues(handle.db, co, cycleId, e.E004, { sales: '100' }, org.users.hr)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('pays 2% of the agent’s imported sales and 10/20 per neutral/negative review revised in the month', async () => {
    const cycle = (await findCycle(handle.db, org.companyId, cycleId))!
    const sheet = await computePaySheet(handle.db, org.companyId, cycle)
    const bing = sheet.employees.find((x) => x.employeeId === org.employees.E003)!
    // Sales 20,000 + 15,678.45 (the replaced row and September's do not count) = 35,678.45 → 713.57;
    // 3 neutral revised in October (one revised on 10-01 though written in September) → 30; 2 negative → 40.
    expect(bing.inputs.sales).toMatchObject({ value: '35678.45', source: 'metric' })
    expect(bing.inputs.neutral_reviews_revised).toMatchObject({ value: '3', source: 'revised_reviews' })
    expect(bing.inputs.negative_reviews_revised).toMatchObject({ value: '2', source: 'revised_reviews' })
    expect(bing.lines.map((l) => l.amount)).toEqual(['600.00', '713.57', '30.00', '40.00', '0.00'])
    expect(bing.total).toBe('1383.57')
    const jiao = sheet.employees.find((x) => x.employeeId === org.employees.E004)!
    expect(jiao.inputs.sales).toMatchObject({ value: '100', source: 'entered' })
    expect(jiao.lines[1]?.amount).toBe('2.00')
  })
})
