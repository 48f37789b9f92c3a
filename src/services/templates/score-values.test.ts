import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { findBuiltinTemplate } from '../../core/library/builtin-templates.ts'
import { readValuesFile } from './read-values-file.ts'
import { scoreValues } from './score-values.ts'

const template = findBuiltinTemplate('seed-000-customer-service')!
const roster = [
  { id: 4, employeeNo: 'JX004', name: '小冰' },
  { id: 5, employeeNo: 'JX005', name: '小焦' },
]

async function fileWith(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-values-'))
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

// Supervisor: 25 + 20 + 25 + 25 = 95; self: 100; blended as seed 000 says, 0.75 × 95 + 0.25 × 100 = 96.25.
const csv = [
  '员工,指标,评分人,实际值,评分,说明',
  'JX004,problem_resolution_rate,主管,95%,,',
  'JX004,服务质量,主管,,20,抽查3位客户，回复及时',
  'JX004,customer_reviews,主管,0.98,,',
  'JX004,complaint_handling_rate,主管,1,,',
  'JX004,problem_resolution_rate,自评,0.95,,',
  'JX004,service_quality,自评,,25,自我鉴定',
  'JX004,customer_reviews,自评,0.98,,',
  'JX004,complaint_handling_rate,自评,1,,',
].join('\n')

describe('scoring a values file', () => {
  it('blends the supervisor’s 75% with the self-assessment’s 25% (seed 000 客服)', async () => {
    const path = await fileWith('values.csv', csv)
    const [result] = scoreValues(template, await readValuesFile(path), 'values.csv', roster)
    expect(result?.employee.name).toBe('小冰')
    expect(result?.score.total).toBe(96.25)
    expect(result?.score.grade?.grade).toBeDefined()
    expect(result?.score.coefficient).toBe(1.5)
  })

  it('reads the same file saved by Chinese Excel in GBK', async () => {
    const path = await fileWith('values-gbk.csv', iconv.encode(csv, 'gbk'))
    const [result] = scoreValues(template, await readValuesFile(path), 'values-gbk.csv', roster)
    expect(result?.score.total).toBe(96.25)
  })

  it('names every unknown employee and indicator with its row and column, and scores nothing', async () => {
    const bad = `${csv}\nJX999,problem_resolution_rate,主管,0.9,,\nJX005,no_such_indicator,主管,1,,\nJX005,customer_reviews,主管,abc,,`
    const path = await fileWith('bad.csv', bad)
    const table = await readValuesFile(path)
    let error: unknown
    try {
      scoreValues(template, table, 'bad.csv', roster)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DomainError)
    const issues = (error as DomainError).issues
    expect(issues).toContainEqual(expect.objectContaining({ path: 'bad.csv: row 10, column 员工' }))
    expect(issues.find((i) => i.path === 'bad.csv: row 10, column 员工')?.message).toMatch(/JX999/)
    expect(issues.find((i) => i.path === 'bad.csv: row 11, column 指标')?.message).toMatch(
      /no_such_indicator/,
    )
    expect(issues.find((i) => i.path === 'bad.csv: row 12, column 实际值')?.message).toMatch(/abc/)
  })

  it('refuses a file without the employee and indicator columns, listing what it found', async () => {
    const path = await fileWith('nohead.csv', 'name,value\n小冰,3')
    expect(() => scoreValues(template, { header: ['name', 'value'], rows: [] }, path)).toThrow(
      /no usable header/,
    )
  })
})
