import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

type Position = {
  id: number
  name: string
  departmentId: number | null
  departmentName: string | null
  superiorPositionId: number | null
  superiorPositionName: string | null
  jobDescription: { duties: { title: string; items: string[] }[]; [k: string]: unknown }
}

// 岗位说明书:店长 from seed 002_3b338a4c7be2c5e8.txt (the clean copy; 000 agrees), abridged to two duties.
const storeManagerJobDescription = {
  summary: '制定团队目标与计划,并协调各岗位完成目标',
  subordinatePositions: ['营销部专员'],
  internalCollaboration: ['发货部', '营销部'],
  externalCollaboration: ['外部客户'],
  duties: [
    {
      title: '制定本店季度目标,并且分层为月,周,日计划',
      items: [
        '制定月销售目标,并制定月销售计划,计划细分到每周每天',
        '列出每周每天的实施措施',
        '预见计划中的问题(货源、资金周转、硬件)',
      ],
    },
    {
      title: '负责协调和管理各岗位人员',
      items: ['每天不定时查看量子、直通车、钻展数据', '监督和指导客服工作', '指导美工店铺形象及广告图片'],
    },
  ],
  workingHours: '自己分配',
  paySystem: '1800底薪 × 任务完成系数 + 团队绩效分成 + 奖惩',
}

describe.each(await testEngines())('position routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let employee: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    hr = createApiClient((p, i) => app.request(p, i))
    employee = createApiClient((p, i) => app.request(p, i))
    expect((await hr.login('hr')).status).toBe(200)
    expect((await employee.login('xiaobing')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('stores the 店长 job description from seed 002 and gives it back whole, to every role', async () => {
    const created = await hr.post<Position>('/api/positions', {
      name: '店长（营销部）',
      departmentId: org.departments.ecommerce,
      jobDescription: storeManagerJobDescription,
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ departmentName: '电商部', superiorPositionId: null })
    expect(created.body.jobDescription).toEqual(storeManagerJobDescription)
    const read = await employee.get<Position>(`/api/positions/${created.body.id}`)
    expect(read.status).toBe(200)
    expect(read.body.jobDescription).toEqual(storeManagerJobDescription)
    const [audit] = await listAudit(handle.db, org.companyId, {
      entity: 'position',
      entityId: created.body.id,
    })
    expect(audit).toMatchObject({
      action: 'position.create',
      after: { jobDescription: storeManagerJobDescription },
    })
  })

  it('gives a new position named like a library role the library job description when none is written', async () => {
    // The built-in library ships a job description for every role the seeds describe (销售 from seed 000).
    const created = await hr.post<Position>('/api/positions', {
      name: '销售',
      jobDescription: { duties: [] },
    })
    expect(created.status).toBe(201)
    expect(created.body.jobDescription.summary).toContain('负责推广和销售企业的产品或服务')
    expect(created.body.jobDescription.duties.map((d) => d.title)).toEqual([
      '客户开发和关系维护',
      '销售任务完成',
      '与其他部门的协调',
    ])
  })

  it('defaults a missing job description to no duties and lists positions with superior names', async () => {
    const created = await hr.post<Position>('/api/positions', {
      name: '售后客服',
      superiorPositionId: org.positions.serviceLead,
    })
    expect(created.body).toMatchObject({ superiorPositionName: '客服主管', jobDescription: { duties: [] } })
    const list = await hr.get<{ items: Position[] }>('/api/positions')
    expect(list.body.items.find((p) => p.name === '客服专员')).toMatchObject({
      departmentName: '客服部',
      superiorPositionName: '客服主管',
    })
  })

  it('updates the job description alone, keeping the other fields', async () => {
    const res = await hr.patch<Position>(`/api/positions/${org.positions.service}`, {
      jobDescription: { summary: '售前接待与售后处理', duties: [{ title: '售前', items: ['及时回复咨询'] }] },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: '客服专员',
      superiorPositionName: '客服主管',
      jobDescription: { summary: '售前接待与售后处理', duties: [{ title: '售前', items: ['及时回复咨询'] }] },
    })
  })

  it('refuses a superior-position cycle naming superiorPositionId', async () => {
    const res = await hr.patch(`/api/positions/${org.positions.manager}`, {
      superiorPositionId: org.positions.service,
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { issues: [{ path: 'superiorPositionId' }] } })
  })

  it('refuses unknown job-description fields by their full path', async () => {
    const res = await hr.patch(`/api/positions/${org.positions.service}`, {
      jobDescription: { duties: [], bonus: '100' },
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { issues: [{ path: 'jobDescription.bonus' }] } })
  })

  it('refuses to delete a position that people hold; deletes an unused one', async () => {
    const held = await hr.delete(`/api/positions/${org.positions.service}`)
    expect(held.status).toBe(409)
    const unused = await hr.post<Position>('/api/positions', { name: '临时岗位' })
    expect((await hr.delete(`/api/positions/${unused.body.id}`)).status).toBe(204)
    expect((await hr.get(`/api/positions/${unused.body.id}`)).status).toBe(404)
  })
})
