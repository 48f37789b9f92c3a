import type { ErrorIssue } from '../errors.ts'
import { parseTimeOfDay } from './zoned-time.ts'

// The customer-service rota (客服排班) as data: shifts, service hours, weekly patterns and dated exceptions.

/** A shift (班次). Times are wall-clock HH:MM in the company zone; a shift ending at midnight ends at "24:00";
 * a shift that crosses midnight (e.g. 22:00–02:00) is written start "22:00", end "02:00", crossesMidnight true. */
export type Shift = { id: number; name: string; start: string; end: string; crossesMidnight: boolean }

/** Service hours (服务时间) to cover on one ISO weekday (1 = 星期一 … 7 = 星期日), with the agents each minute needs. */
export type ServiceWindow = {
  weekday: number
  start: string
  end: string
  crossesMidnight: boolean
  requiredAgents: number
}

/** One line of an agent's weekly pattern: on `weekday` the agent works `shiftId`, optionally between two dates. */
export type RotaPatternEntry = {
  employeeId: number
  weekday: number
  shiftId: number
  validFrom?: string | null
  validTo?: string | null
}

/** leave 请假 (approved; optional cover), swap 换班 (works shiftId instead, or rests when null), cover 顶班. */
export type RotaExceptionKind = 'leave' | 'swap' | 'cover'

export type RotaException = {
  date: string
  employeeId: number
  kind: RotaExceptionKind
  /** leave: the shift taken off (null = the whole day); swap: the shift worked instead (null = rest); cover: the shift handed over. */
  shiftId: number | null
  /** Who works the shift instead (leave: optional; cover: required; swap: not used). */
  coverEmployeeId: number | null
  note?: string | null
}

export type Rota = {
  shifts: Shift[]
  serviceHours: ServiceWindow[]
  patterns: RotaPatternEntry[]
  exceptions: RotaException[]
}

export type Span = { start: number; end: number }

/** Minutes after the start of its day at which a shift (or service window) starts and ends; end may pass 1440. */
export function spanOf(t: { start: string; end: string; crossesMidnight: boolean }): Span {
  const start = parseTimeOfDay(t.start) ?? 0
  const end = parseTimeOfDay(t.end) ?? 0
  return { start, end: t.crossesMidnight ? end + 1440 : end }
}

/** Problems with a start/end pair, each naming the field; empty when the times are well formed. */
export function validateTimes(
  t: { start: string; end: string; crossesMidnight: boolean },
  path: string,
): ErrorIssue[] {
  const start = parseTimeOfDay(t.start)
  const end = parseTimeOfDay(t.end)
  const issues: ErrorIssue[] = []
  if (start === undefined || start >= 1440)
    issues.push({
      path: `${path}.start`,
      message: `开始时间 "${t.start}" 应为 00:00–23:59 的 HH:MM / start must be HH:MM between 00:00 and 23:59`,
    })
  if (end === undefined)
    issues.push({
      path: `${path}.end`,
      message: `结束时间 "${t.end}" 应为 HH:MM(午夜结束写作 24:00)/ end must be HH:MM (a midnight end is 24:00)`,
    })
  if (issues.length > 0 || start === undefined || end === undefined) return issues
  if (!t.crossesMidnight && end <= start)
    issues.push({
      path: `${path}.end`,
      message:
        `结束时间 ${t.end} 不晚于开始时间 ${t.start}。午夜结束写作 24:00;跨午夜的班次(如 22:00–02:00)写作 start "22:00"、end "02:00" 并设 crossesMidnight: true` +
        ` / end ${t.end} is not after start ${t.start}. A midnight end is written 24:00; a shift crossing midnight (e.g. 22:00–02:00) is written start "22:00", end "02:00" with crossesMidnight: true`,
    })
  if (t.crossesMidnight && (end >= start || end === 1440))
    issues.push({
      path: `${path}.crossesMidnight`,
      message: `${t.start}–${t.end} 不跨午夜,请去掉 crossesMidnight / ${t.start}–${t.end} does not cross midnight: set crossesMidnight to false`,
    })
  return issues
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

const periodsIntersect = (a: RotaPatternEntry, b: RotaPatternEntry) =>
  (a.validFrom ?? '0000-01-01') <= (b.validTo ?? '9999-12-31') &&
  (b.validFrom ?? '0000-01-01') <= (a.validTo ?? '9999-12-31')

/** Everything wrong with a rota, each issue naming its field: bad times, unknown shifts or agents, overlaps. */
export function validateRota(rota: Rota, knownEmployeeIds: ReadonlySet<number>): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  const shiftsById = new Map(rota.shifts.map((s) => [s.id, s]))
  const names = new Set<string>()
  rota.shifts.forEach((s, i) => {
    issues.push(...validateTimes(s, `shifts.${i}`))
    if (names.has(s.name))
      issues.push({ path: `shifts.${i}.name`, message: `班次名称重复:${s.name} / duplicate shift name` })
    names.add(s.name)
  })

  const windowSpans: { weekday: number; span: Span; index: number }[] = []
  rota.serviceHours.forEach((w, i) => {
    const path = `serviceHours.${i}`
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7)
      issues.push({ path: `${path}.weekday`, message: '星期应为 1(星期一)到 7(星期日)/ weekday must be 1–7' })
    if (!Number.isInteger(w.requiredAgents) || w.requiredAgents < 0)
      issues.push({
        path: `${path}.requiredAgents`,
        message: '所需人数应为非负整数 / requiredAgents must be a whole number ≥ 0',
      })
    const timeIssues = validateTimes(w, path)
    issues.push(...timeIssues)
    if (timeIssues.length === 0) windowSpans.push({ weekday: w.weekday, span: spanOf(w), index: i })
  })
  for (const [a, b] of pairs(windowSpans))
    if (weekOverlap(a.weekday, a.span, b.weekday, b.span))
      issues.push({
        path: `serviceHours.${b.index}`,
        message: `服务时间与 serviceHours.${a.index} 重叠 / service hours overlap serviceHours.${a.index}`,
      })

  const patternSpans: { entry: RotaPatternEntry; span: Span; index: number }[] = []
  rota.patterns.forEach((p, i) => {
    const path = `patterns.${i}`
    if (!knownEmployeeIds.has(p.employeeId))
      issues.push({
        path: `${path}.employeeId`,
        message: `员工 ${p.employeeId} 不属于本公司 / employee ${p.employeeId} is not in this company`,
      })
    if (!Number.isInteger(p.weekday) || p.weekday < 1 || p.weekday > 7)
      issues.push({ path: `${path}.weekday`, message: '星期应为 1(星期一)到 7(星期日)/ weekday must be 1–7' })
    const shift = shiftsById.get(p.shiftId)
    if (!shift)
      issues.push({
        path: `${path}.shiftId`,
        message: `班次 ${p.shiftId} 不存在 / shift ${p.shiftId} not found`,
      })
    else if (validateTimes(shift, '').length === 0)
      patternSpans.push({ entry: p, span: spanOf(shift), index: i })
  })
  for (const [a, b] of pairs(patternSpans))
    if (
      a.entry.employeeId === b.entry.employeeId &&
      periodsIntersect(a.entry, b.entry) &&
      weekOverlap(a.entry.weekday, a.span, b.entry.weekday, b.span)
    )
      issues.push({
        path: `patterns.${b.index}`,
        message:
          `员工 ${b.entry.employeeId} 的班次与 patterns.${a.index} 时间重叠 / ` +
          `employee ${b.entry.employeeId} has overlapping shift assignments (patterns.${a.index} and patterns.${b.index})`,
      })

  for (const [i, e] of rota.exceptions.entries())
    issues.push(...validateException(e, `exceptions.${i}`, shiftsById, knownEmployeeIds))
  return issues
}

/** Problems with one dated exception, each naming its field. */
export function validateException(
  e: RotaException,
  path: string,
  shiftsById: ReadonlyMap<number, Shift>,
  knownEmployeeIds: ReadonlySet<number>,
): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  if (!knownEmployeeIds.has(e.employeeId))
    issues.push({
      path: `${path}.employeeId`,
      message: `员工 ${e.employeeId} 不属于本公司 / employee ${e.employeeId} is not in this company`,
    })
  if (e.coverEmployeeId !== null && !knownEmployeeIds.has(e.coverEmployeeId))
    issues.push({
      path: `${path}.coverEmployeeId`,
      message: `顶班员工 ${e.coverEmployeeId} 不属于本公司 / cover employee ${e.coverEmployeeId} is not in this company`,
    })
  if (e.shiftId !== null && !shiftsById.has(e.shiftId))
    issues.push({
      path: `${path}.shiftId`,
      message: `班次 ${e.shiftId} 不存在 / shift ${e.shiftId} not found`,
    })
  if (e.kind === 'cover' && (e.coverEmployeeId === null || e.shiftId === null))
    issues.push({
      path: `${path}.coverEmployeeId`,
      message: '顶班须写明班次和顶班员工 / a cover needs shiftId and coverEmployeeId',
    })
  if (e.kind === 'swap' && e.coverEmployeeId !== null)
    issues.push({
      path: `${path}.coverEmployeeId`,
      message:
        '换班不使用 coverEmployeeId:两人互换请各记一条 / a swap does not take coverEmployeeId: record one swap per person',
    })
  if (e.coverEmployeeId !== null && e.coverEmployeeId === e.employeeId)
    issues.push({
      path: `${path}.coverEmployeeId`,
      message: '顶班员工不能是本人 / the cover employee must be someone else',
    })
  return issues
}

function* pairs<T>(items: T[]): Generator<[T, T]> {
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) yield [items[i]!, items[j]!]
}

/** Whether two weekday-anchored spans overlap on the weekly cycle (a Sunday night shift may reach Monday). */
function weekOverlap(dayA: number, a: Span, dayB: number, b: Span): boolean {
  const week = 7 * 1440
  const sa = { start: (dayA - 1) * 1440 + a.start, end: (dayA - 1) * 1440 + a.end }
  for (const shift of [-week, 0, week]) {
    const sb = { start: (dayB - 1) * 1440 + b.start + shift, end: (dayB - 1) * 1440 + b.end + shift }
    if (overlaps(sa, sb)) return true
  }
  return false
}
