import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Template } from '../../core/templates/template.ts'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { importFile } from '../ingest/import-file.ts'
import { computeMetric } from '../metrics/compute-metric.ts'
import { createMetricLookup } from './create-metric-lookup.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixture = path.join(
  root,
  'test-fixtures/ingest/synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx',
)

// A team figure (客服销售额 of the whole 客服部) split among the agents by their share of inquiries (询单人数).
const template = {
  code: 'split-test',
  name: '分摊测试',
  scoring: { scale: 'hundred' },
  dimensions: [
    {
      key: 'results',
      name: '业绩',
      weight: 100,
      indicators: [
        {
          key: 'team_sales_share',
          name: '团队销售额（按询单分摊）',
          dataSource: { kind: 'metric', metric: 'cs_sales', attribution: 'team', splitBy: 'inquiries' },
        },
        {
          key: 'own_sales',
          name: '个人销售额',
          dataSource: { kind: 'metric', metric: 'cs_sales', attribution: 'employee' },
        },
      ],
    },
  ],
} as unknown as Template

describe.each(await testEngines())('metric lookup with contribution split on %s', (engine) => {
  let handle: TestDatabase
  let companyId: number
  let team: number
  const employees: number[] = []

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const db = handle.db
    companyId = (
      await db.insertInto('companies').values({ name: 's' }).returning('id').executeTakeFirstOrThrow()
    ).id
    team = (
      await db
        .insertInto('departments')
        .values({ company_id: companyId, name: '客服部', parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    for (const [no, name] of [
      ['E001', '小美'],
      ['E002', '阿强'],
    ] as const) {
      const id = (
        await db
          .insertInto('employees')
          .values({
            company_id: companyId,
            employee_no: no,
            name,
            department_id: team,
            position_id: null,
            manager_id: null,
            hire_date: '2011-01-01',
            leave_date: null,
            status: 'active',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      employees.push(id)
      await db
        .insertInto('attributions')
        .values({
          company_id: companyId,
          source_kind: 'agent_nick',
          source_name: `店铺:${name}`,
          employee_id: id,
          department_id: null,
          shop: 'United Kingdom',
        })
        .execute()
    }
    await importFile({ db: db, handle }, { companyId, filePath: fixture, shop: 'United Kingdom' })
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('gives each agent the team figure × their share of inquiries, with the split explained', async () => {
    const db = handle.db
    const metric = async (key: string, by: 'employee' | 'team', group: string) =>
      Number(
        (await computeMetric({ db }, { companyId, metric: key, by, period: '2011-11' })).values.find(
          (v) => v.group === group,
        )?.value,
      )
    const teamSales = await metric('cs_sales', 'team', String(team))
    const teamInquiries = await metric('inquiries', 'team', String(team))
    expect(teamSales).toBeGreaterThan(0)
    const lookup = createMetricLookup(handle.db as Db, companyId, '2011-11')
    let sum = 0
    for (const id of employees) {
      const own = await metric('inquiries', 'employee', String(id))
      const actuals = await lookup.actualsFor(template, { employee_id: id, department_id: team })
      const split = actuals.team_sales_share
      expect(split?.split?.shared).toBe(teamSales)
      expect(split?.split?.share).toBeCloseTo(own / teamInquiries, 12)
      expect(split?.value).toBeCloseTo((teamSales * own) / teamInquiries, 6)
      expect(split?.split?.explanation['zh-CN']).toContain('按「inquiries」分摊')
      expect(split?.imports.length).toBeGreaterThan(0)
      // an unsplit indicator is untouched
      expect(actuals.own_sales?.split).toBeUndefined()
      sum += split?.value ?? 0
    }
    expect(sum).toBeCloseTo(teamSales, 6)
  })
})
