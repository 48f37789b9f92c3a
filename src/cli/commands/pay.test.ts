import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// `jixiao pay` as a user runs it: a real process on a real PGlite folder holding the demo company, whose
// October cycle is final with a draft pay sheet and September's is approved with a correction line.
describe('jixiao pay', { timeout: 240_000 }, () => {
  let dataDir: string
  const jixiao = (args: string[]) => runJixiao(dataDir, args)
  beforeAll(async () => {
    dataDir = await createDataDir('pay')
    expect((await jixiao(['demo', '--json'])).code).toBe(0)
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('prints the pay sheet as JSON whose totals are the sums of the lines, to the fen', async () => {
    const res = await jixiao(['pay', '--cycle', '2', '--json'])
    expect(res.code).toBe(0)
    const sheet = JSON.parse(res.stdout) as {
      cycleName: string
      status: string
      total: string
      employees: { employeeName: string; total: string; lines: { amount: string }[] }[]
    }
    expect(sheet.cycleName).toBe('2026年10月绩效考核')
    expect(sheet.status).toBe('draft')
    // Sums in integer fen: no float drift anywhere.
    const fen = (s: string) => Math.round(Number(s) * 100)
    for (const e of sheet.employees) expect(e.lines.reduce((a, l) => a + fen(l.amount), 0)).toBe(fen(e.total))
    expect(sheet.employees.reduce((a, e) => a + fen(e.total), 0)).toBe(fen(sheet.total))
    const bing = sheet.employees.find((e) => e.employeeName === '小冰')!
    // 500 × 1.2 + 35,678.45 × 2% (713.57) + 3 × 10 + 2 × 20 + 全勤奖 50 = 1,433.57.
    expect(bing.total).toBe('1433.57')
  })

  it('prints a table with the rule behind each line, and refuses a bad or unknown cycle', async () => {
    const res = await jixiao(['pay', '--cycle', '1'])
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('已审批')
    expect(res.stdout).toContain('个人销售额 35,678.45 × 2% = 713.569 → 713.57 元')
    expect(res.stdout).toContain('调整：差评修改漏计 1 个')
    expect((await jixiao(['pay', '--cycle', 'x'])).code).toBe(2)
    const missing = await jixiao(['pay', '--cycle', '999'])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('999')
  })

  it('writes the pay slips of a cycle as one PDF, a page per person', async () => {
    const out = join(dataDir, 'slips.pdf')
    const sheet = JSON.parse((await jixiao(['pay', '--cycle', '1', '--json'])).stdout) as {
      employees: unknown[]
    }
    const res = await jixiao(['pay', 'slips', '--cycle', '1', '--out', out])
    expect(res.code).toBe(0)
    const pdf = await readFile(out)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(sheet.employees.length)
    expect((await jixiao(['pay', 'slips', '--out', out])).code).toBe(2)
  })
})
