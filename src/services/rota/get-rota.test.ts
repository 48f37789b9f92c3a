import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DomainError } from '../../core/errors.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { addRotaException } from './add-rota-exception.ts'
import { checkCoverage } from './check-coverage.ts'
import { createShift } from './create-shift.ts'
import { getRota } from './get-rota.ts'
import { removeRotaException } from './remove-rota-exception.ts'
import { setRotaPattern } from './set-rota-pattern.ts'
import { createRotaTestCompany, type RotaTestCompany } from './testing/create-rota-test-company.ts'

describe.each(await testEngines())('getRota and removeRotaException on %s', (engine) => {
  let handle: TestDatabase
  let co: RotaTestCompany
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    co = await createRotaTestCompany(handle.db)
  })
  afterAll(() => handle.close())

  it('shows who works when, with the late shift ending at 24:00', async () => {
    const view = await getRota({ db: handle.db }, co.companyId, '2026-11-23', '2026-11-23')
    expect(view.days.map((d) => [d.employeeName, d.shiftName, d.start, d.end, d.endsNextDay])).toEqual([
      ['小冰', '早班', '09:30', '16:30', false],
      ['小焦', '晚班', '16:30', '24:00', false],
    ])
  })

  it('shows a cover and the leave behind it, and removing the leave restores the pattern', async () => {
    const leave = await addRotaException({ db: handle.db }, co.companyId, {
      date: '2026-11-24',
      employeeId: co.xiaoJiao,
      kind: 'leave',
      coverEmployeeId: co.manager,
    })
    const view = await getRota({ db: handle.db }, co.companyId, '2026-11-24', '2026-11-24')
    expect(view.days.map((d) => [d.employeeName, d.shiftName, d.source, d.coveringFor])).toEqual([
      ['运营经理', '早班', 'cover', co.xiaoJiao],
      ['小冰', '晚班', 'pattern', null],
    ])
    expect(view.leaves.map((l) => [l.employeeName, l.shiftName, l.coveredBy])).toEqual([
      ['小焦', '早班', co.manager],
    ])
    await removeRotaException({ db: handle.db }, co.companyId, leave.id)
    const after = await getRota({ db: handle.db }, co.companyId, '2026-11-24', '2026-11-24')
    expect(after.days.map((d) => d.employeeName)).toEqual(['小焦', '小冰'])
    const again = await removeRotaException({ db: handle.db }, co.companyId, leave.id).catch(
      (e: unknown) => e,
    )
    expect((again as DomainError).code).toBe('not_found')
  })

  it('marks a shift that ends after midnight', async () => {
    const night = await createShift({ db: handle.db }, co.companyId, {
      name: '夜班',
      start: '22:00',
      end: '02:00',
      crossesMidnight: true,
    })
    await setRotaPattern({ db: handle.db }, co.companyId, {
      employeeId: co.manager,
      entries: [{ weekday: 5, shiftId: night.id }],
    })
    const view = await getRota({ db: handle.db }, co.companyId, '2026-11-27', '2026-11-27')
    expect(view.days.find((d) => d.employeeId === co.manager)).toMatchObject({
      start: '22:00',
      end: '02:00',
      endsNextDay: true,
    })
    // 22:00–24:00 is already 小焦's, so the extra night shift neither opens nor closes a gap.
    expect((await checkCoverage({ db: handle.db }, co.companyId, '2026-11-27', '2026-11-27')).gaps).toEqual(
      [],
    )
  })
})
