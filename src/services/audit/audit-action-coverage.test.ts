import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { rotaExceptionInputSchema } from '../../contracts/rota.ts'
import { auditLanguages, auditSentenceTemplate } from '../../core/audit/audit-sentences.ts'
import { describeAuditEntry } from '../../core/audit/describe-audit-entry.ts'
import { sheetActions } from '../../core/workflow/sheet-workflow.ts'

// Every action code the code base writes to the audit log must read as a sentence in zh-CN, zh-TW and en: this
// reads the sources that write audit rows, collects their action codes, and fails naming any code without one.

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Codes built as `prefix.${…}`: the values the suffix can take. A new prefix must be added here. */
const expansions: Record<string, readonly string[]> = {
  'sheet.': sheetActions,
  'rota.exception.': rotaExceptionInputSchema.shape.kind.options,
}

const writesAudit = /appendAudit|AuditEntry|insert into audit_log|leadingAudit|RosterChangeAudit/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    if (d.isDirectory()) return d.name === 'web' ? [] : sourceFiles(full)
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [full] : []
  })
}

/** The action codes written by the sources, each with where it was seen, and templates that could not be expanded. */
function collectAuditActions(): { codes: Map<string, string>; unexpanded: string[] } {
  const codes = new Map<string, string>()
  const unexpanded: string[] = []
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8')
    if (!writesAudit.test(text) || file.includes(`${path.sep}core${path.sep}audit${path.sep}`)) continue
    const lines = text.split('\n')
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return
      const nearInsert = lines
        .slice(Math.max(0, i - 4), i + 1)
        .some((l) => l.includes('insert into audit_log'))
      if (!/\baction\b|Entry\(/.test(line) && !nearInsert) return
      const where = `${path.relative(srcDir, file)}:${i + 1}`
      for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.set(m[1]!, where)
      for (const m of line.matchAll(/`([a-z_]+(?:\.[a-z_]+)*\.)\$\{[^}]+\}`/g)) {
        const values = expansions[m[1]!]
        if (!values) unexpanded.push(`${m[0]} at ${where}`)
        for (const v of values ?? []) codes.set(`${m[1]}${v}`, where)
      }
    })
  }
  return { codes, unexpanded }
}

describe('audit sentences cover every action the code base writes', () => {
  const { codes, unexpanded } = collectAuditActions()

  it('finds the actions (the scan itself works)', () => {
    expect(codes.size).toBeGreaterThan(60)
    for (const code of ['bonus_pool.approve', 'sheet.sign', 'employee.create', 'rota.exception.swap'])
      expect([...codes.keys()]).toContain(code)
    expect(unexpanded).toEqual([])
  })

  it('has a sentence for each in zh-CN, zh-TW and en (add one to core/audit/audit-sentences.ts)', () => {
    const missing = [...codes]
      .flatMap(([code, where]) =>
        auditLanguages
          .filter((lang) => !auditSentenceTemplate(code, lang).known)
          .map((lang) => `${code} (${lang}, written at ${where})`),
      )
      .sort()
    expect(missing).toEqual([])
  })

  it('never shows the code in the sentence', () => {
    for (const code of codes.keys())
      for (const lang of auditLanguages) {
        const { sentence } = describeAuditEntry(
          {
            action: code,
            entity: 'x',
            entityId: '1',
            actorName: '杨丽',
            subjectName: '王芳',
            cycleName: '2026年11月',
            before: null,
            after: null,
          },
          lang,
        )
        expect(sentence).not.toContain(code)
        expect(sentence).not.toMatch(/[{}[\]]/)
      }
  })
})
