import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../auth/actor.ts'
import { deleteEmployee } from '../organisation/delete-employee.ts'
import { updateEmployee } from '../organisation/update-employee.ts'
import { resolveSheetParty } from '../sheets/resolve-sheet-party.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'
import { getCycleBoard } from './get-cycle-board.ts'
import { openCycle } from './open-cycle.ts'

// A person who moves department and manager while a cycle is open keeps their one sheet: it stays with the
// department and reviewer it was opened with (the review is still the former manager's until HR delegates it),
// and the cycle board shows the move (调动 客服部 → 运营部, 李主管 → 王运营).

describe.each(await testEngines())('moving someone mid-cycle on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: Actor
  const now = () => new Date('2026-10-01T02:00:00Z')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    admin = { userId: org.users.admin, companyId: org.companyId, role: 'admin', employeeId: null }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('keeps one sheet with its reviewer and shows the move on the board', async () => {
    const db = handle.db
    const opened = await openCycle({ db: handle.db, now }, admin, {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      participants: { employeeIds: [org.employees.E003, org.employees.E004] },
      settings: {},
    })
    await opened.completion
    const sheetsOf = (employeeId: number) =>
      db
        .selectFrom('appraisal_sheets')
        .select(['id', 'department_id', 'reviewer_employee_id'])
        .where('cycle_id', '=', opened.cycle.id)
        .where('employee_id', '=', employeeId)
        .execute()
    const [sheet] = await sheetsOf(org.employees.E003)
    expect(sheet).toMatchObject({
      department_id: org.departments.service,
      reviewer_employee_id: org.employees.E002,
    })

    await updateEmployee({ db: handle.db, now, actor: admin }, org.employees.E003, {
      departmentId: org.departments.operations,
      managerId: org.employees.E005,
    })

    expect(await sheetsOf(org.employees.E003)).toEqual([sheet]) // not lost, not duplicated, not re-pointed
    const former: Actor = {
      userId: org.users.zhuguan,
      companyId: org.companyId,
      role: 'supervisor',
      employeeId: org.employees.E002,
    }
    const row = { employee_id: org.employees.E003, reviewer_employee_id: sheet!.reviewer_employee_id }
    expect(await resolveSheetParty(handle.db, former, row)).toBe('reviewer')

    const board = await getCycleBoard({ db: handle.db, now }, admin, opened.cycle.id)
    expect(board.total).toBe(2)
    expect(board.moves).toEqual([
      {
        sheetId: sheet!.id,
        employeeId: org.employees.E003,
        employeeName: '小冰',
        fromDepartmentName: '客服部',
        toDepartmentName: '运营部',
        departmentMoved: true,
        fromManagerName: '李主管',
        toManagerName: '王运营',
        managerMoved: true,
      },
    ])
    const audit = await listAudit(handle.db, org.companyId, {
      entity: 'employee',
      entityId: org.employees.E003,
    })
    expect(audit[0]).toMatchObject({
      action: 'employee.update',
      before: { departmentName: '客服部', managerName: '李主管' },
      after: { departmentName: '运营部', managerName: '王运营' },
    })
  })

  it('refuses to delete someone who has a sheet (history would be lost); leaving is the way', async () => {
    await expect(
      deleteEmployee({ db: handle.db, now, actor: admin }, org.employees.E004),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('办理离职'),
    })
  })
})
