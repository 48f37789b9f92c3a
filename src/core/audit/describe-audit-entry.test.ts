import { describe, expect, it } from 'vitest'
import { labelAuditField } from './audit-field-labels.ts'
import { fillAuditSentence } from './audit-sentences.ts'
import {
  type AuditEntryFacts,
  describeAuditChanges,
  describeAuditEntry,
  describeAuditReason,
  formatYuan,
} from './describe-audit-entry.ts'

// The audit page and `jixiao audit list` read each row as a sentence and a table of changed fields, never as
// codes or JSON. Rows here are shaped as the services write them (the demo's bonus pool, a calibrated sheet).

const approvePool: AuditEntryFacts = {
  action: 'bonus_pool.approve',
  entity: 'bonus_pool',
  entityId: '1',
  actorName: '杨丽',
  subjectName: '2026年11月奖金',
  cycleName: '2026年11月',
  before: { status: 'draft' },
  after: {
    status: 'approved',
    amount: '30000.00',
    cycleId: 1,
    lines: [{ amount: '1512.61', employeeId: 2 }],
  },
}

describe('describeAuditEntry', () => {
  it('writes the issue’s example in the three languages', () => {
    expect(describeAuditEntry(approvePool, 'zh-CN').sentence).toBe('杨丽 批准了 2026年11月 奖金池（¥30,000）')
    expect(describeAuditEntry({ ...approvePool, actorName: '楊麗' }, 'zh-TW').sentence).toBe(
      '楊麗 核准了 2026年11月 獎金池（¥30,000）',
    )
    expect(describeAuditEntry(approvePool, 'en').sentence).toBe(
      '杨丽 approved the bonus pool of 2026年11月 (¥30,000)',
    )
  })

  it('names the person, the cycle and the grade of a calibrated sheet', () => {
    const facts: AuditEntryFacts = {
      action: 'sheet.calibrate',
      entity: 'appraisal_sheet',
      entityId: '7',
      actorName: '杨丽',
      subjectName: '王芳',
      cycleName: '2026年11月',
      before: { state: 'computed', total: '88.5', grade: 'good' },
      after: { state: 'computed', total: '91', grade: 'excellent' },
    }
    expect(describeAuditEntry(facts, 'zh-CN').sentence).toBe(
      '杨丽 校准了 王芳 2026年11月 的结果：91 分，优秀',
    )
    expect(describeAuditEntry(facts, 'en').sentence).toBe(
      '杨丽 calibrated the result of 王芳 for 2026年11月: 91 points, Excellent',
    )
  })

  it('leaves out what was not recorded, and says 系统 when nobody signed in did it', () => {
    const sweep = describeAuditEntry(
      {
        ...approvePool,
        action: 'sheet.finalize',
        entity: 'appraisal_sheet',
        actorName: null,
        cycleName: null,
      },
      'zh-CN',
    )
    expect(sweep.sentence).toBe('系统 将 2026年11月奖金 的考核表归档')
    const noAmount = describeAuditEntry({ ...approvePool, after: { status: 'approved' } }, 'zh-CN')
    expect(noAmount.sentence).toBe('杨丽 批准了 2026年11月 奖金池')
  })

  it('falls back to the name in the record when the database no longer has it, and to a number last', () => {
    const deleted = describeAuditEntry(
      {
        action: 'department.delete',
        entity: 'department',
        entityId: '12',
        actorName: '杨丽',
        subjectName: null,
        cycleName: null,
        before: { name: '客服部' },
        after: null,
      },
      'zh-TW',
    )
    expect(deleted.sentence).toBe('杨丽 刪除了部門「客服部」')
    const bare = describeAuditEntry(
      { ...approvePool, action: 'cycle.create', subjectName: null, after: null },
      'en',
    )
    expect(bare.sentence).toBe('杨丽 created the cycle No. 1')
  })

  it('reads an action that has no sentence yet as a generic one, without its code', () => {
    const unknown = describeAuditEntry({ ...approvePool, action: 'pay_sheet.future_step' }, 'zh-CN')
    expect(unknown).toEqual({ sentence: '杨丽 修改了2026年11月奖金', known: false })
  })
})

describe('describeAuditChanges', () => {
  it('lists the changed fields with labels and readable values (a sheet recomputed on appeal)', () => {
    expect(
      describeAuditChanges(
        { state: 'investigating', total: 95, grade: 'excellent', finalized_at: null },
        { state: 'final', total: 99, grade: 'excellent', finalized_at: '2026-10-13T02:00:00.000Z' },
        'zh-CN',
      ),
    ).toEqual([
      { field: 'state', label: '状态', before: '调查中', after: '已归档' },
      { field: 'total', label: '合计', before: '95', after: '99' },
      { field: 'finalized_at', label: '归档时间', before: '—', after: '2026-10-13 02:00' },
    ])
  })

  it('shows money as yuan, lists by their size, nested settings one level down, and leaves ids out', () => {
    const changes = describeAuditChanges(approvePool.before, approvePool.after, 'en')
    expect(changes).toEqual([
      { field: 'status', label: 'Status', before: 'Draft', after: 'Approved' },
      { field: 'amount', label: 'Amount', before: '—', after: '¥30,000' },
      { field: 'lines', label: 'Lines', before: '—', after: '1 item' },
    ])
    expect(
      describeAuditChanges({ settings: { rollup: false } }, { settings: { rollup: true } }, 'zh-CN'),
    ).toEqual([{ field: 'settings.rollup', label: '设置 · 汇总', before: '否', after: '是' }])
  })

  it('names a bonus rule by what it does, and a grade table’s rows by grade', () => {
    expect(
      describeAuditChanges(null, { rule: { kind: 'grade_table', table: { excellent: '1.5' } } }, 'zh-CN'),
    ).toEqual([
      { field: 'rule.kind', label: '分配规则 · 类型', before: '—', after: '按等级对照表' },
      { field: 'rule.table.excellent', label: '分配规则 · 对照表 · 优秀', before: '—', after: '1.5' },
    ])
  })

  it('gives an unknown field a readable label, never its path', () => {
    expect(labelAuditField('pay_scheme_code', 'zh-CN')).toBe('Pay scheme code')
    expect(labelAuditField('selfReview', 'zh-TW')).toBe('自評')
  })

  it('shows a batch as one row of counts, and nothing for a row with neither side', () => {
    expect(describeAuditChanges([1, 2], [3, 4, 5], 'zh-CN')).toEqual([
      { field: '', label: '记录', before: '1、2', after: '3、4、5' },
    ])
    expect(describeAuditChanges(null, null, 'en')).toEqual([])
  })
})

describe('small pieces', () => {
  it('formats yuan', () => {
    expect(formatYuan('30000.00')).toBe('¥30,000')
    expect(formatYuan(1512.61)).toBe('¥1,512.61')
    expect(formatYuan('-20')).toBe('-¥20')
    expect(formatYuan('abc')).toBeUndefined()
  })

  it('drops an optional part whose placeholder is empty', () => {
    expect(fillAuditSentence('{a} 做了[（{b}）]', { a: '甲' })).toBe('甲 做了')
  })

  it('reads a batch’s reason code as words, and keeps a person’s reason', () => {
    expect(describeAuditReason('roster.import #812', 'zh-CN')).toBe('随员工名册导入')
    expect(describeAuditReason('随 10 月工资发放', 'en')).toBe('随 10 月工资发放')
    expect(describeAuditReason(null, 'en')).toBeNull()
    expect(describeAuditReason('partly_upheld: 差评已撤销', 'zh-CN')).toBe('部分支持：差评已撤销')
    expect(describeAuditReason('申诉 3 裁决（rejected）：证据不足', 'zh-TW')).toBe(
      '申诉 3 裁决（駁回）：证据不足',
    )
  })
})

describe('the month of published attendance', () => {
  it('writes 2026-11 as 2026年11月 in Chinese and keeps it in English', () => {
    const facts: AuditEntryFacts = {
      action: 'rota.attendance.publish',
      entity: 'import',
      entityId: '4',
      actorName: '杨丽',
      subjectName: null,
      cycleName: null,
      before: null,
      after: { month: '2026-11', rows: 30, replacedRows: 0 },
    }
    expect(describeAuditEntry(facts, 'zh-CN').sentence).toBe('杨丽 发布了 2026年11月 的月度考勤（30 行）')
    expect(describeAuditEntry(facts, 'en').sentence).toBe(
      '杨丽 published the monthly attendance of 2026-11 (30 rows)',
    )
  })
})
