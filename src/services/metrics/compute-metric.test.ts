import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { importFile } from '../ingest/import-file.ts'
import { saveAttribution } from '../ingest/save-attribution.ts'
import { computeMetric } from './compute-metric.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixture = (name: string) => path.join(root, 'test-fixtures/ingest', name)

describe.each(await testEngines())(
  'computeMetric on %s (synthetic exports, hand-computed values)',
  (engine) => {
    let handle: TestDatabase
    let db: Db
    let companyId: number
    let uciImport: number
    const employees: Record<string, number> = {}
    let team: number
    const value = async (
      metric: string,
      by: 'employee' | 'team' | 'shop' | 'company',
      period: string,
      group: string,
    ) => {
      const result = await computeMetric({ db }, { companyId, metric, by, period })
      return result.values.find((v) => v.group === group)
    }

    beforeAll(async () => {
      handle = await createTestDatabase(engine)
      db = handle.db
      companyId = (
        await db.insertInto('companies').values({ name: 'm' }).returning('id').executeTakeFirstOrThrow()
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
        employees[name] = (
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
      }
      await db
        .insertInto('attributions')
        .values([
          {
            company_id: companyId,
            source_kind: 'agent_nick',
            source_name: '店铺:小美',
            employee_id: employees.小美 ?? null,
            department_id: null,
            shop: 'United Kingdom',
          },
          {
            company_id: companyId,
            source_kind: 'agent_nick',
            source_name: '店铺:阿强',
            employee_id: employees.阿强 ?? null,
            department_id: null,
            shop: 'United Kingdom',
          },
        ])
        .execute()
      // The same nick twice: the second call replaces the first.
      await saveAttribution(
        { db },
        {
          companyId,
          sourceKind: 'host',
          sourceName: '小美直播间',
          employeeId: employees.阿强 ?? null,
          departmentId: null,
          shop: null,
        },
      )
      await saveAttribution(
        { db },
        {
          companyId,
          sourceKind: 'host',
          sourceName: '小美直播间',
          employeeId: employees.小美 ?? null,
          departmentId: null,
          shop: null,
        },
      )
      const imp = (file: string, shop?: string) =>
        importFile({ db, handle }, { companyId, filePath: fixture(file), shop })
      uciImport = (await imp('synthetic-uci-online-retail.csv')).importId
      for (const file of [
        'synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx',
        'synthetic-generic-reviews.csv',
        'synthetic-generic-shipments.csv',
        'synthetic-generic-media-accounts.xlsx',
        'synthetic-generic-traffic-en.csv',
        'synthetic-compass-live-sessions.csv',
        'synthetic-generic-attendance.csv',
        'synthetic-promotion-gbk.csv',
      ])
        await imp(file, 'United Kingdom')
      await imp('synthetic-qianniu-refunds.xlsx', '测试店')
    })
    afterAll(async () => {
      await handle?.close()
    })

    it('computes GMV, orders, buyers, AOV and cancellation rate per shop, listing the import', async () => {
      expect(await value('gmv', 'shop', '2011-11', 'United Kingdom')).toMatchObject({
        value: '50.94',
        imports: [uciImport],
      })
      expect((await value('gmv', 'shop', '2011-11', 'France'))?.value).toBe('51.00')
      expect((await value('orders', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('2')
      expect((await value('buyers', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('2')
      expect((await value('aov', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('25.47')
      expect((await value('cancellation_rate', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('0.333333')
      expect((await value('gmv', 'shop', '2011-W44', 'United Kingdom'))?.value).toBe('50.94')
    })

    it('joins facts of two kinds: conversion = buyers / UV, and PV / UV', async () => {
      expect((await value('conversion_rate', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('0.000096')
      expect((await value('pv_per_uv', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('4.8804')
      expect((await value('bounce_rate', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('0.406029')
    })

    it('credits customer-service figures to employees and teams through attributions', async () => {
      expect(
        (await value('inquiry_conversion_rate', 'employee', '2011-11', String(employees.小美)))?.value,
      ).toBe('0.45')
      expect(
        await value('inquiry_conversion_rate', 'employee', '2011-11', String(employees.阿强)),
      ).toMatchObject({
        value: '0.35',
        label: '阿强',
      })
      expect(
        (await value('avg_response_seconds', 'employee', '2011-11', String(employees.阿强)))?.value,
      ).toBe('65')
      expect((await value('inquiry_conversion_rate', 'team', '2011-11', String(team)))?.value).toBe('0.4025')
      expect((await value('cs_sales_vs_average', 'employee', '2011-11', String(employees.小美)))?.value).toBe(
        '1.1716',
      )
      expect((await value('revised_reviews', 'employee', '2011-11', String(employees.小美)))?.value).toBe('2')
    })

    it('computes review, shipping, follower, live and attendance figures', async () => {
      expect((await value('positive_review_rate', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('0.75')
      expect((await value('on_time_ship_rate', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('0.666667')
      expect((await value('ship_accuracy_rate', 'shop', '2011-11', 'United Kingdom'))?.value).toBe('0.666667')
      expect((await value('follower_count', 'company', '2011-11', 'company'))?.value).toBe('10160')
      expect((await value('followers_net_growth', 'company', '2011-11', 'company'))?.value).toBe('160')
      expect((await value('follower_churn_rate', 'company', '2011-11', 'company'))?.value).toBe('0.005')
      expect((await value('live_duration_hours', 'employee', '2011-11', String(employees.小美)))?.value).toBe(
        '5.5',
      )
      expect((await value('live_viewers', 'company', '2011-11', 'company'))?.value).toBe('9150')
      expect((await value('attendance_rate', 'employee', '2011-11', String(employees.小美)))?.value).toBe(
        '0.989583',
      )
      expect((await value('late_times', 'employee', '2011-11', String(employees.小美)))?.value).toBe('1')
      expect((await value('roi', 'company', '2011-11', 'company'))?.value).toBe('3.8258')
    })

    it('gives no value and a reason when the denominator is missing or zero, never NaN', async () => {
      const refunds = await value('refund_rate', 'shop', '2011-11', '测试店')
      expect(refunds).toMatchObject({ value: null, numerator: '1', denominator: null })
      expect(refunds?.reason).toMatch(/no denominator/)
      const sessions = await value('inquiry_conversion_rate', 'shop', '2011-11', 'United Kingdom')
      expect(sessions?.value).toBe('0.4025')
      const result = await computeMetric(
        { db },
        { companyId, metric: 'inventory_turnover', by: 'shop', period: '2011-11' },
      )
      expect(result.reason).toMatch(/inventory/)
      expect(
        (await computeMetric({ db }, { companyId, metric: 'gmv', by: 'shop', period: '2012-01' })).values,
      ).toEqual([])
    })

    it('computes growth against the previous period', async () => {
      const growth = await value('gmv_growth_rate', 'shop', '2011-12', 'United Kingdom')
      expect(growth).toMatchObject({ numerator: null, denominator: '50.94', value: '-1' })
    })
  },
)
