import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  AccountChangeResult,
  AccountPage,
  ActivationCheck,
  CreateAccountsResult,
  ResetAccountResult,
} from '../../contracts/accounts.ts'
import { listAudit } from '../../db/audit-log-repository.ts'
import type { Role } from '../../db/database.ts'
import { insertEmployee, updateEmployee } from '../../db/organisation-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { disableLeavers } from '../../services/auth/disable-leavers.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import {
  seedTestOrganisation,
  type TestOrganisation,
  usernameByRole,
} from '../testing/seed-test-organisation.ts'

type SessionBody = { user: { username: string; mustChangePassword: boolean }; csrfToken: string }

describe.each(await testEngines())('account routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  // 2026-03-01 08:00 UTC is 16:00 in Shanghai, the company's time zone.
  let clock = new Date('2026-03-01T08:00:00Z')
  const now = () => clock
  let app: ReturnType<typeof createApp>
  const client = () => createApiClient((p, i) => app.request(p, i))
  const signedIn = async (username: string, password?: string) => {
    const api = client()
    const res = await api.login(username, password)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return api
  }
  let admin: ApiClient
  let hr: ApiClient

  const addEmployee = (
    no: string,
    name: string,
    managerId: number | null = null,
    leaveDate: string | null = null,
  ) =>
    insertEmployee(handle.db, org.companyId, {
      employeeNo: no,
      name,
      departmentId: org.departments.service,
      positionId: org.positions.service,
      managerId,
      hireDate: '2025-01-01',
      leaveDate,
      status: 'active',
    })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    app = createApp({ db: handle.db, engine, now })
    admin = await signedIn('admin')
    hr = await signedIn('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists every employee with their login state, filters those without a login, and pages on the server', async () => {
    const all = await hr.get<AccountPage>('/api/accounts?pageSize=200')
    expect(all.status).toBe(200)
    const byNo = new Map(all.body.items.map((a) => [a.employeeNo ?? a.username, a]))
    expect(byNo.get('E003')).toMatchObject({
      name: '小冰',
      username: 'xiaobing',
      role: 'employee',
      state: 'active',
      departmentName: '客服部',
      positionName: '客服专员',
    })
    expect(byNo.get('E004')).toMatchObject({ name: '小焦', userId: null, username: null, state: 'none' })
    // Logins linked to no employee (the admin) are listed too, after the employees.
    expect(byNo.get('admin')).toMatchObject({ employeeId: null, role: 'admin', state: 'active' })
    // The other company's people never appear.
    expect(all.body.items.some((a) => a.name === '乙店员工' || a.username === 'b_admin')).toBe(false)
    // admin signed in above: its last login date is today in the company's time zone.
    expect(byNo.get('admin')!.lastLoginDate).toBe('2026-03-01')

    const without = await hr.get<AccountPage>('/api/accounts?withoutLogin=true&pageSize=200')
    expect(without.body.items.map((a) => a.employeeNo)).toEqual(['E004', 'E005', 'E006'])
    const page2 = await hr.get<AccountPage>('/api/accounts?withoutLogin=true&pageSize=2&page=2')
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(page2.body.items.map((a) => a.employeeNo)).toEqual(['E006'])
    const dept = await hr.get<AccountPage>(`/api/accounts?departmentId=${org.departments.operations}`)
    expect(dept.body.items.map((a) => a.employeeNo)).toEqual(['E005'])
    const bad = await hr.get('/api/accounts?state=asleep')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { issues: [{ path: 'state' }] } })
  })

  it.each(['finance', 'supervisor', 'employee'] as Role[])(
    'answers %s 403 on every account route',
    async (role) => {
      const api = await signedIn(usernameByRole[role])
      const target = org.users.nolink
      const calls = [
        await api.get('/api/accounts'),
        await api.post('/api/accounts', { employeeIds: [org.employees.E004], delivery: 'initial_password' }),
        await api.post(`/api/accounts/${target}/reset`, { delivery: 'initial_password' }),
        await api.post(`/api/accounts/${target}/disable`, {}),
        await api.post(`/api/accounts/${target}/enable`),
        await api.patch(`/api/accounts/${target}`, { role: 'hr' }),
      ]
      expect(calls.map((c) => c.status)).toEqual([403, 403, 403, 403, 403, 403])
      expect((await client().get('/api/accounts')).status).toBe(401)
    },
  )

  it('gives many employees logins at once: supervisor for managers, employee otherwise; answers each one', async () => {
    const lead = await addEmployee('T100', '组长甲')
    const member = await addEmployee('T101', '组员乙', lead)
    const left = await addEmployee('T102', '已离职', null, '2026-02-01')
    const clash = await addEmployee('HR', '与人事账号同名')
    const res = await hr.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [lead, member, member, org.employees.E003, left, clash, org.employees.B001, 999999],
      delivery: 'initial_password',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ created: 2, alreadyHadLogin: 1, refused: 4 })
    const [a, b, c, d, e, f, g] = res.body.results
    expect(a).toMatchObject({ employeeId: lead, outcome: 'created', username: 't100', role: 'supervisor' })
    expect(b).toMatchObject({ employeeId: member, outcome: 'created', username: 't101', role: 'employee' })
    expect(c).toMatchObject({ outcome: 'already_has_login', username: 'xiaobing' })
    expect(d).toMatchObject({
      outcome: 'refused',
      refusal: 'left',
      message: expect.stringContaining('2026-02-01'),
    })
    expect(e).toMatchObject({
      outcome: 'refused',
      refusal: 'username_taken',
      message: expect.stringContaining('hr'),
    })
    // Another company's employee is as unknown as a number nobody has.
    expect(f).toMatchObject({ outcome: 'refused', refusal: 'not_found' })
    expect(g).toMatchObject({ outcome: 'refused', refusal: 'not_found' })
    const password = a!.secret!.kind === 'initial_password' ? a!.secret!.password : ''
    expect(password).toMatch(/^[a-zA-Z3-9]{12}$/)
    expect(password).not.toMatch(/[01OoIlSB258Z]/)

    // The secret is in no audit row and no list answer.
    const audit = await listAudit(handle.db, org.companyId, { entity: 'user', entityId: a!.userId! })
    expect(audit.map((r) => r.action)).toEqual(['account.create'])
    expect(JSON.stringify(audit)).not.toContain(password)
    const list = await hr.get('/api/accounts?pageSize=200')
    expect(JSON.stringify(list.body)).not.toContain(password)
    expect((list.body as AccountPage).items.find((r) => r.username === 't100')?.state).toBe(
      'must_change_password',
    )

    // First login with the initial password: everything but /api/auth/* answers 403 until the password is changed.
    const person = await signedIn('t100', password)
    const me = await person.get<SessionBody>('/api/auth/me')
    expect(me.body.user.mustChangePassword).toBe(true)
    const blocked = await person.get('/api/employees')
    expect(blocked.status).toBe(403)
    expect(blocked.body).toMatchObject({ error: { code: 'password_change_required' } })
    const weak = await person.post('/api/auth/password', { currentPassword: password, newPassword: 't100' })
    expect(weak.status).toBe(400)
    const changed = await person.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'a-long-and-new-secret',
    })
    expect(changed.status).toBe(200)
    expect((await person.get<SessionBody>('/api/auth/me')).body.user.mustChangePassword).toBe(false)
    expect((await person.get('/api/employees')).status).toBe(200)
  })

  it('refuses a role HR may not grant, and answers 400 naming an empty or oversized list', async () => {
    const someone = await addEmployee('T110', '想当管理员')
    const res = await hr.post('/api/accounts', {
      employeeIds: [someone],
      delivery: 'activation_link',
      role: 'admin',
    })
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ error: { code: 'forbidden', issues: [{ path: 'role' }] } })
    const empty = await hr.post('/api/accounts', { employeeIds: [], delivery: 'activation_link' })
    expect(empty.body).toMatchObject({ error: { issues: [{ path: 'employeeIds' }] } })
    const many = await hr.post('/api/accounts', {
      employeeIds: Array.from({ length: 2001 }, (_, i) => i + 1),
      delivery: 'activation_link',
    })
    expect(many.status).toBe(400)
    expect(many.body).toMatchObject({ error: { issues: [{ path: 'employeeIds' }] } })
    const delivery = await hr.post('/api/accounts', { employeeIds: [someone], delivery: 'pigeon' })
    expect(delivery.body).toMatchObject({ error: { issues: [{ path: 'delivery' }] } })
    // An admin may make an admin.
    const ok = await admin.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [someone],
      delivery: 'activation_link',
      role: 'admin',
    })
    expect(ok.body.results[0]).toMatchObject({ outcome: 'created', role: 'admin' })
  })

  it('activates an account from its one-time link: checks, sets the password, signs in, and the link is used up', async () => {
    const person = await addEmployee('T200', '新同事')
    const created = await hr.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [person],
      delivery: 'activation_link',
    })
    const secret = created.body.results[0]!.secret!
    expect(secret.kind).toBe('activation_link')
    const path = secret.kind === 'activation_link' ? secret.activationPath : ''
    const token = new URL(path, 'http://x').searchParams.get('token')!
    expect(
      (await hr.get<AccountPage>('/api/accounts?state=pending_activation')).body.items.map((a) => a.username),
    ).toContain('t200')
    // No password works before activation, not even the stored placeholder.
    expect((await client().login('t200', '!activation-pending')).status).toBe(401)

    const anonymous = client()
    const check = await anonymous.get<ActivationCheck>(`/api/auth/activate?token=${token}`)
    expect(check.body).toMatchObject({ status: 'valid', username: 't200', companyName: '甲店' })
    expect(
      (await anonymous.get<ActivationCheck>('/api/auth/activate?token=not-a-real-token-at-all')).body,
    ).toEqual({
      status: 'invalid',
    })
    const weak = await anonymous.post('/api/auth/activate', { token, newPassword: 'password123' })
    expect(weak.status).toBe(400)
    expect(weak.body).toMatchObject({ error: { issues: [{ path: 'newPassword' }] } })
    const short = await anonymous.post('/api/auth/activate', { token, newPassword: 'short' })
    expect(short.body).toMatchObject({ error: { message: expect.stringContaining('10') } })

    const done = await anonymous.post<SessionBody>('/api/auth/activate', {
      token,
      newPassword: 'my-own-good-pass',
    })
    expect(done.status).toBe(200)
    expect(done.body.user).toMatchObject({ username: 't200', mustChangePassword: false })
    anonymous.csrfToken = done.body.csrfToken
    expect((await anonymous.get('/api/employees')).status).toBe(200)
    expect((await client().login('t200', 'my-own-good-pass')).status).toBe(200)

    const again = await client().post('/api/auth/activate', { token, newPassword: 'another-good-pass' })
    expect(again.status).toBe(410)
    expect((await client().get<ActivationCheck>(`/api/auth/activate?token=${token}`)).body).toEqual({
      status: 'used',
    })
    const userId = created.body.results[0]!.userId!
    const audit = await listAudit(handle.db, org.companyId, { entity: 'user', entityId: userId })
    expect(audit.map((r) => r.action).sort()).toEqual(['account.activate', 'account.create'])
    expect(JSON.stringify(audit)).not.toContain(token)
  })

  it('answers an activation link older than 7 days as expired', async () => {
    const person = await addEmployee('T210', '迟到的人')
    const created = await hr.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [person],
      delivery: 'activation_link',
    })
    const secret = created.body.results[0]!.secret!
    const token = new URL(
      secret.kind === 'activation_link' ? secret.activationPath : '',
      'http://x',
    ).searchParams.get('token')!
    const saved = clock
    clock = new Date(clock.getTime() + 7 * 24 * 3600 * 1000 + 1000)
    try {
      expect((await client().get<ActivationCheck>(`/api/auth/activate?token=${token}`)).body).toEqual({
        status: 'expired',
      })
      expect(
        (await client().post('/api/auth/activate', { token, newPassword: 'my-own-good-pass' })).status,
      ).toBe(410)
    } finally {
      clock = saved
    }
  })

  it('resets a login: a new secret, every session ends, earlier links stop working, and the password must be changed', async () => {
    const person = await addEmployee('T300', '忘记密码')
    const created = await hr.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [person],
      delivery: 'initial_password',
    })
    const first = created.body.results[0]!
    const userId = first.userId!
    const oldPassword = first.secret!.kind === 'initial_password' ? first.secret!.password : ''
    const session = await signedIn('t300', oldPassword)
    await session.post('/api/auth/password', { currentPassword: oldPassword, newPassword: 'settled-in-now' })
    const linkReset = await hr.post<ResetAccountResult>(`/api/accounts/${userId}/reset`, {
      delivery: 'activation_link',
    })
    const oldLink =
      linkReset.body.secret.kind === 'activation_link' ? linkReset.body.secret.activationPath : ''
    const reset = await hr.post<ResetAccountResult>(`/api/accounts/${userId}/reset`, {
      delivery: 'initial_password',
    })
    expect(reset.status).toBe(200)
    expect(linkReset.body.endedSessions).toBe(1)
    expect((await session.get('/api/auth/me')).status).toBe(401)
    const oldToken = new URL(oldLink, 'http://x').searchParams.get('token')!
    expect((await client().get<ActivationCheck>(`/api/auth/activate?token=${oldToken}`)).body.status).toBe(
      'used',
    )
    expect((await client().login('t300', 'settled-in-now')).status).toBe(401)
    const newPassword = reset.body.secret.kind === 'initial_password' ? reset.body.secret.password : ''
    const again = await signedIn('t300', newPassword)
    expect((await again.get<SessionBody>('/api/auth/me')).body.user.mustChangePassword).toBe(true)
    const audit = await listAudit(handle.db, org.companyId, { entity: 'user', entityId: userId })
    expect(audit.map((r) => r.action)).toContain('account.reset')
    expect(JSON.stringify(audit)).not.toContain(newPassword)
    expect(JSON.stringify(audit)).not.toContain(oldToken)
  })

  it('disables a login and ends every session of it at once; enabling lets it back in', async () => {
    const session = await signedIn('xiaobing')
    const other = await signedIn('xiaobing')
    const res = await hr.post<AccountChangeResult>(`/api/accounts/${org.users.xiaobing}/disable`, {
      reason: '调岗暂停',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ state: 'disabled', disabledReason: '调岗暂停' })
    expect(res.body.endedSessions).toBeGreaterThanOrEqual(2)
    expect((await session.get('/api/auth/me')).status).toBe(401)
    expect((await other.get('/api/auth/me')).status).toBe(401)
    // The right password is told the login is disabled; a wrong one gets the usual answer.
    const login = await client().login('xiaobing')
    expect(login.status).toBe(403)
    expect(login.body).toMatchObject({
      error: { code: 'account_disabled', message: expect.stringContaining('账号已停用') },
    })
    expect((await client().login('xiaobing', 'wrong-password')).status).toBe(401)
    expect((await hr.post(`/api/accounts/${org.users.xiaobing}/disable`, {})).status).toBe(409)
    const listed = await hr.get<AccountPage>('/api/accounts?state=disabled')
    expect(listed.body.items.find((a) => a.username === 'xiaobing')).toMatchObject({
      disabledReason: '调岗暂停',
      disabledDate: '2026-03-01',
    })

    const enabled = await hr.post<AccountChangeResult>(`/api/accounts/${org.users.xiaobing}/enable`)
    expect(enabled.body).toMatchObject({ state: 'active', disabledReason: null })
    expect((await client().login('xiaobing')).status).toBe(200)
    const actions = (
      await listAudit(handle.db, org.companyId, { entity: 'user', entityId: org.users.xiaobing })
    ).map((r) => r.action)
    expect(actions).toEqual(expect.arrayContaining(['account.disable', 'account.enable']))
  })

  it('keeps the role limits: hr never touches an admin nor grants admin; nobody disables or demotes themselves', async () => {
    const hrChanges = [
      await hr.patch(`/api/accounts/${org.users.nolink}`, { role: 'admin' }),
      await hr.post(`/api/accounts/${org.users.admin}/reset`, { delivery: 'initial_password' }),
      await hr.post(`/api/accounts/${org.users.admin}/disable`, {}),
      await hr.patch(`/api/accounts/${org.users.admin}`, { role: 'employee' }),
      await hr.post(`/api/accounts/${org.users.hr}/disable`, {}),
      await hr.patch(`/api/accounts/${org.users.hr}`, { role: 'employee' }),
      await admin.post(`/api/accounts/${org.users.admin}/disable`, {}),
      await admin.patch(`/api/accounts/${org.users.admin}`, { role: 'hr' }),
    ]
    expect(hrChanges.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403])
    expect(hrChanges[0]!.body).toMatchObject({ error: { message: '只有管理员可以授予管理员角色' } })
    expect(hrChanges[4]!.body).toMatchObject({ error: { message: '不能停用自己的账号' } })
    // Another company's login is not found, not forbidden.
    expect((await admin.post(`/api/accounts/${org.users.b_admin}/disable`, {})).status).toBe(404)

    const changed = await hr.patch<AccountChangeResult>(`/api/accounts/${org.users.nolink}`, {
      role: 'finance',
    })
    expect(changed.body).toMatchObject({ role: 'finance' })
    const promoted = await admin.patch<AccountChangeResult>(`/api/accounts/${org.users.nolink}`, {
      role: 'admin',
    })
    expect(promoted.body).toMatchObject({ role: 'admin' })
    const audit = await listAudit(handle.db, org.companyId, { entity: 'user', entityId: org.users.nolink })
    expect(
      [...audit]
        .reverse()
        .filter((r) => r.action === 'account.role')
        .map((r) => r.after),
    ).toEqual([
      { username: 'nolink', role: 'finance' },
      { username: 'nolink', role: 'admin' },
    ])
    const session = await signedIn('nolink')
    expect((await session.get<{ user: { role: string } }>('/api/auth/me')).body.user.role).toBe('admin')
  })

  it('takes a leaver’s login away on the leave date: sessions stop, login is refused, the sweep disables it', async () => {
    const person = await addEmployee('T400', '月底离职')
    const created = await hr.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [person],
      delivery: 'initial_password',
    })
    const secret = created.body.results[0]!.secret!
    const password = secret.kind === 'initial_password' ? secret.password : ''
    const session = await signedIn('t400', password)
    await session.post('/api/auth/password', { currentPassword: password, newPassword: 'until-the-last-day' })
    await updateEmployee(handle.db, org.companyId, person, {
      employeeNo: 'T400',
      name: '月底离职',
      departmentId: org.departments.service,
      positionId: org.positions.service,
      managerId: null,
      hireDate: '2025-01-01',
      leaveDate: '2026-03-02',
      status: 'active',
    })
    const saved = clock
    // 2026-03-01 16:00 UTC is 2026-03-02 00:00 in Shanghai: the leave date has come there.
    clock = new Date('2026-03-01T16:00:00Z')
    try {
      expect((await session.get('/api/auth/me')).status).toBe(401)
      const login = await client().login('t400', 'until-the-last-day')
      expect(login.body).toMatchObject({ error: { code: 'account_disabled' } })
      // The login attempt already disabled it; the sweep finds nobody else of this company left today.
      const listed = await hr.get<AccountPage>('/api/accounts?q=T400')
      expect(listed.body.items[0]).toMatchObject({ state: 'disabled', disabledReason: '离职' })
      expect(await disableLeavers({ db: handle.db, now })).toEqual([])
      const audit = await listAudit(handle.db, org.companyId, {
        entity: 'user',
        entityId: created.body.results[0]!.userId!,
      })
      expect(audit[0]).toMatchObject({ action: 'account.disable', actorUserId: null, reason: '离职' })
      expect((await hr.post(`/api/accounts/${created.body.results[0]!.userId}/enable`)).status).toBe(409)
    } finally {
      clock = saved
    }
  })

  it('the daily sweep disables every login whose leave date has come, in the company time zone', async () => {
    const person = await addEmployee('T500', '今天离职', null)
    const created = await hr.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [person],
      delivery: 'activation_link',
    })
    const userId = created.body.results[0]!.userId!
    await updateEmployee(handle.db, org.companyId, person, {
      employeeNo: 'T500',
      name: '今天离职',
      departmentId: null,
      positionId: null,
      managerId: null,
      hireDate: '2025-01-01',
      leaveDate: '2026-03-01',
      status: 'active',
    })
    const swept = await disableLeavers({ db: handle.db, now })
    expect(swept).toEqual([{ companyId: org.companyId, userId, username: 't500', leaveDate: '2026-03-01' }])
    const account = (await hr.get<AccountPage>('/api/accounts?q=T500')).body.items[0]
    expect(account).toMatchObject({ state: 'disabled', disabledReason: '离职', disabledDate: '2026-03-01' })
    // the person's status follows the leave date too, without anyone saving the employee again
    const employee = await hr.get<{ status: string }>(`/api/employees/${person}`)
    expect(employee.body.status).toBe('left')
    const leaveRows = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('company_id', '=', org.companyId)
      .where('action', '=', 'employee.leave')
      .where('entity_id', '=', String(person))
      .execute()
    expect(leaveRows).toEqual([{ action: 'employee.leave', actor_user_id: null }])
  })
})
