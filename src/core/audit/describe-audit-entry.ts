import { isReferenceField, labelAuditField, labelAuditValue } from './audit-field-labels.ts'
import { type AuditLanguage, auditSentenceTemplate, fillAuditSentence } from './audit-sentences.ts'

// An audit row as a person reads it: one sentence naming who did what to whom (with the amount or grade where
// it matters), and the fields it changed, labelled, before → after. Names come resolved from the database.

/** What the sentence is built from: the row and the names the audit query resolved for it. */
export type AuditEntryFacts = {
  action: string
  entity: string
  entityId: string
  actorName: string | null
  /** The person, cycle, template … the row is about, by name (null when the database no longer has it). */
  subjectName: string | null
  cycleName: string | null
  before: unknown
  after: unknown
}

/** One changed field: its readable label and its values before and after as short text ('—' for none). */
export type AuditFieldChange = { field: string; label: string; before: string; after: string }

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const words: Record<
  AuditLanguage,
  { system: string; yes: string; no: string; items: (n: number) => string }
> = {
  'zh-CN': { system: '系统', yes: '是', no: '否', items: (n) => `${n} 项` },
  'zh-TW': { system: '系統', yes: '是', no: '否', items: (n) => `${n} 項` },
  en: { system: 'The system', yes: 'Yes', no: 'No', items: (n) => `${n} item${n === 1 ? '' : 's'}` },
}

/** ¥ with thousands separators; whole yuan without decimals (¥30,000, ¥1,512.61). */
export function formatYuan(value: unknown): string | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN
  if (!Number.isFinite(n)) return undefined
  const sign = n < 0 ? '-' : ''
  const [whole, cents] = Math.abs(n).toFixed(2).split('.') as [string, string]
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents === '00' ? '' : `.${cents}`}`
}

const shortNumber = (value: unknown): string | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : undefined
}

/** A value in one short line, in the reader's language: no JSON, coded values by their label. */
export function formatAuditValue(key: string, value: unknown, lang: AuditLanguage): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'boolean') return value ? words[lang].yes : words[lang].no
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') {
    if (key === 'amount' && /^-?\d+(\.\d+)?$/.test(value)) return formatYuan(value) ?? value
    const coded = labelAuditValue(key, value, lang)
    if (coded) return coded
    // Timestamps to the minute, as YYYY-MM-DD HH:mm (UTC as stored).
    const time = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value)
    if (time) return `${time[1]} ${time[2]}`
    return value.length > 80 ? `${value.slice(0, 79)}…` : value
  }
  if (Array.isArray(value)) {
    if (
      value.length > 0 &&
      value.length <= 5 &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    )
      return value.map((v) => formatAuditValue(key, v, lang)).join(lang === 'en' ? ', ' : '、')
    return words[lang].items(value.length)
  }
  return words[lang].items(Object.keys(value as object).length)
}

/**
 * The fields that differ between before and after, labelled: nested objects one level down as "设置 · 截止日期",
 * references to other records by id left out (the sentence names them), a creation or deletion as its fields
 * against '—'.
 */
export function describeAuditChanges(
  before: unknown,
  after: unknown,
  lang: AuditLanguage,
): AuditFieldChange[] {
  const b = isRecord(before) ? before : {}
  const a = isRecord(after) ? after : {}
  if (!isRecord(before) && !isRecord(after)) {
    if ((before ?? null) === null && (after ?? null) === null) return []
    const label = lang === 'en' ? 'Records' : lang === 'zh-TW' ? '記錄' : '记录'
    return [
      {
        field: '',
        label,
        before: formatAuditValue('', before, lang),
        after: formatAuditValue('', after, lang),
      },
    ]
  }
  const changes: AuditFieldChange[] = []
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  for (const key of keys) {
    if (isReferenceField(key) || JSON.stringify(b[key]) === JSON.stringify(a[key])) continue
    const [bv, av] = [b[key], a[key]]
    if (isRecord(bv) || isRecord(av)) {
      const inner = describeAuditChanges(isRecord(bv) ? bv : {}, isRecord(av) ? av : {}, lang)
      const parent = labelAuditField(key, lang)
      for (const c of inner)
        changes.push({ ...c, field: `${key}.${c.field}`, label: `${parent} · ${c.label}` })
      continue
    }
    changes.push({
      field: key,
      label: labelAuditField(key, lang),
      before: formatAuditValue(key, bv, lang),
      after: formatAuditValue(key, av, lang),
    })
  }
  return changes
}

const firstString = (...values: unknown[]): string | undefined =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '')

const countOf = (after: unknown): string | undefined => {
  if (Array.isArray(after)) return String(after.length)
  if (!isRecord(after)) return undefined
  const n = after.sheets ?? after.count ?? after.rows
  if (typeof n === 'number') return String(n)
  if (Array.isArray(n)) return String(n.length)
  return undefined
}

/** A YYYY-MM month as people write it: 2026年11月 (zh), 2026-11 (en). */
const monthOf = (value: unknown, lang: AuditLanguage): string | undefined => {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null
  if (!m) return undefined
  return lang === 'en' ? (value as string) : `${m[1]}年${Number(m[2])}月`
}

/** The sentence of an audit row in a language, and whether the action had a sentence of its own. */
export function describeAuditEntry(
  facts: AuditEntryFacts,
  lang: AuditLanguage,
): { sentence: string; known: boolean } {
  const b = isRecord(facts.before) ? facts.before : {}
  const a = isRecord(facts.after) ? facts.after : {}
  const subject =
    facts.subjectName ??
    firstString(a.name, b.name, a.displayName, b.displayName, a.fileName, b.fileName, a.label, b.label) ??
    (lang === 'en' ? `No. ${facts.entityId}` : `${facts.entityId} 号`)
  const grade = firstString(a.grade, b.grade)
  const money = a.amount ?? b.amount ?? (facts.entity === 'pay_sheet' ? a.total : undefined)
  const score = facts.entity === 'appraisal_sheet' ? shortNumber(a.total) : shortNumber(a.score)
  const { template, known } = auditSentenceTemplate(facts.action, lang)
  const sentence = fillAuditSentence(template, {
    actor: facts.actorName ?? words[lang].system,
    subject,
    cycle: facts.cycleName ?? undefined,
    amount: formatYuan(money),
    grade: grade ? (labelAuditValue('grade', grade, lang) ?? grade) : undefined,
    score,
    count: countOf(facts.after),
    month: monthOf(a.month, lang),
  })
  return { sentence, known }
}

const reasonCodes: Record<string, readonly [string, string, string]> = {
  'roster.import': ['随员工名册导入', '隨員工名冊匯入', 'Part of a staff roster import'],
  'directory.sync': ['随通讯录同步', '隨通訊錄同步', 'Part of a directory sync'],
}

const rulings: Record<string, readonly [string, string, string]> = {
  upheld: ['支持申诉', '支持申訴', 'Upheld'],
  partly_upheld: ['部分支持', '部分支持', 'Partly upheld'],
  rejected: ['驳回', '駁回', 'Rejected'],
}

/**
 * A row's reason as written by a person; where a batch wrote a code (`roster.import #812`), what it means; an
 * appeal ruling's code (`partly_upheld: …`, `（partly_upheld）`) by its name.
 */
export function describeAuditReason(reason: string | null, lang: AuditLanguage): string | null {
  if (reason === null) return null
  const i = lang === 'zh-CN' ? 0 : lang === 'zh-TW' ? 1 : 2
  const code = /^([a-z_]+(?:\.[a-z_]+)+)(?:\s.*)?$/.exec(reason)?.[1]
  const known = code ? reasonCodes[code] : undefined
  if (known) return known[i]
  return reason
    .replace(
      /^(upheld|partly_upheld|rejected): /,
      (_, r: string) => `${rulings[r]![i]}${i === 2 ? ': ' : '：'}`,
    )
    .replace(/（(upheld|partly_upheld|rejected)）/g, (_, r: string) => `（${rulings[r]![i]}）`)
}
