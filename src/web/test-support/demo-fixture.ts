import type { Employee, Position } from '../../contracts/organisation.ts'
import type { FakeApiData } from './fake-api.ts'

// A few people of the demo shop (客服部 with 小冰 and 小焦), enough to page, search and filter.

const position = (id: number, name: string, departmentId: number, departmentName: string): Position => ({
  id,
  name,
  departmentId,
  departmentName,
  superiorPositionId: null,
  superiorPositionName: null,
  jobDescription: {
    summary: `${name}的岗位概述`,
    duties: [{ title: '售前与售后服务', items: ['解答客户咨询', '解决客户问题和投诉'] }],
    workingHours: '9:30–24:00 两班',
    paySystem: '500（底薪）× 绩效系数 + 销售提成 2%',
  },
  retiredAt: null,
})

const employee = (id: number, name: string, departmentId: number, positionId: number): Employee => ({
  id,
  employeeNo: `JX${String(id).padStart(3, '0')}`,
  name,
  departmentId,
  departmentName: departmentId === 2 ? '客服部' : '电商部',
  positionId,
  positionName: positionId === 2 ? '客服专员' : '店长',
  managerId: null,
  managerName: null,
  hireDate: '2023-03-13',
  leaveDate: null,
  status: 'active',
  phone: null,
  email: null,
})

const extraNames = ['刘思雨', '孙悦', '周婷', '韩雪', '曹阳', '王磊', '赵敏', '钱多多', '孙丽', '李强']

export function demoFixture(): FakeApiData {
  return {
    users: [
      {
        id: 1,
        username: 'admin',
        password: 'jixiao123',
        displayName: '系统管理员',
        role: 'admin',
        employeeId: null,
        companyId: 1,
        companyName: '杭州鲸选电子商务有限公司',
        companyCode: 'demo',
        companyIsDemo: true,
        locale: 'zh-CN',
        mustChangePassword: false,
      },
    ],
    departments: [
      { id: 1, name: '电商部', parentId: null, retiredAt: null },
      { id: 2, name: '客服部', parentId: 1, retiredAt: null },
    ],
    positions: [position(1, '店长', 1, '电商部'), position(2, '客服专员', 2, '客服部')],
    employees: [
      employee(1, '李娜', 1, 1),
      employee(4, '小冰', 2, 2),
      employee(5, '小焦', 2, 2),
      ...extraNames.map((name, i) => employee(10 + i, name, 2, 2)),
    ],
  }
}
