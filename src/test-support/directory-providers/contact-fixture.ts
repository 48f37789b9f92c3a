import type { ContactPerson } from './dingtalk-contacts.ts'
import { createFakeDirectory, type FakeDirectory } from './fake-directory.ts'

// Test support: one small shop's directory as all three fakes answer it.
//   总公司 (root, 1)
//   ├─ 电商部 (10): 张店长 E001 (also in 运营部)
//   │   ├─ 客服部 (20): 李主管 E002 → 张店长
//   │   │   └─ 售后组 (21): 小冰 E003, 小焦 E004 → 李主管
//   │   └─ 运营部 (30): 王运营 E005 → 张店长
//   └─ (root): 赵美工 (no 工号), 钱离职 E008 (resigned where the provider says so)
export function createShopDirectory(partial: Partial<FakeDirectory> = {}): FakeDirectory {
  const person = (p: Omit<ContactPerson, 'unionId' | 'openId'>): ContactPerson => ({
    unionId: `union-${p.userid}`,
    openId: `open-${p.userid}`,
    ...p,
  })
  return createFakeDirectory({
    departments: [
      { id: 1, name: '总公司', parentId: null },
      { id: 10, name: '电商部', parentId: 1 },
      { id: 20, name: '客服部', parentId: 10 },
      { id: 21, name: '售后组', parentId: 20 },
      { id: 30, name: '运营部', parentId: 10 },
    ],
    people: [
      person({
        userid: 'zhang',
        name: '张店长',
        jobNumber: 'E001',
        departmentIds: [10, 30],
        mobile: '13800000001',
        email: 'zhang@shop.example',
        hireDate: '2023-04-01',
      }),
      person({
        userid: 'li',
        name: '李主管',
        jobNumber: 'E002',
        departmentIds: [20],
        managerUserid: 'zhang',
        mobile: '13800000002',
      }),
      person({
        userid: 'bing',
        name: '小冰',
        jobNumber: 'E003',
        departmentIds: [21],
        managerUserid: 'li',
        hireDate: '2025-03-01',
      }),
      person({ userid: 'jiao', name: '小焦', jobNumber: 'E004', departmentIds: [21], managerUserid: 'li' }),
      person({
        userid: 'wang',
        name: '王运营',
        jobNumber: 'E005',
        departmentIds: [30],
        managerUserid: 'zhang',
      }),
      person({ userid: 'zhao', name: '赵美工', departmentIds: [1] }),
      person({ userid: 'qian', name: '钱离职', jobNumber: 'E008', departmentIds: [1], resigned: true }),
    ],
    ...partial,
  })
}
