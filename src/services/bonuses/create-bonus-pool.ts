import Decimal from 'decimal.js'
import { type BonusPool, type BonusPoolInput, paySchemeSchema } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { allocateBonusPool, type BonusPoolLine } from '../../core/pay/allocate-bonus-pool.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { insertBonusPool, listCycleSheetRows, listPayAssignments } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadCycle } from '../pay/load-cycle.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { getBonusPool } from './list-bonus-pools.ts'

/** The base (底薪 / 绩效基数 / 绩效工资) of a pay scheme, for coefficient × base. */
export function schemeBase(scheme: PayScheme): string | undefined {
  for (const line of scheme.lines) {
    if (line.kind === 'base_times_coefficient' || line.kind === 'base_times_score') return String(line.base)
    if (line.kind === 'threshold_gated') return String(line.amount)
  }
  return undefined
}

/**
 * Splits a quarterly or annual bonus pool (奖金池) over the final results of a cycle by the admin's rule —
 * 绩效系数 × base, a grade table, or the score — to the fen; the lines sum exactly to the pool (largest
 * remainder, see allocateBonusPool). Refused while any sheet of the cycle is not final. Stored and audited.
 */
export async function createBonusPool(
  deps: WorkflowDeps,
  actor: Actor,
  input: BonusPoolInput,
): Promise<BonusPool> {
  const id = await deps.db
    .transaction()
    .execute((trx) => createBonusPoolInTransaction(trx, actor, input, deps.now()))
  return getBonusPool(deps, actor, id)
}

/** createBonusPool inside the caller's transaction (the demo loader runs in one); returns the pool id. */
export async function createBonusPoolInTransaction(
  trx: Db,
  actor: Actor,
  input: BonusPoolInput,
  now: Date,
): Promise<number> {
  const cycle = await loadCycle(trx, actor.companyId, input.cycleId)
  const pdb = trx
  const rows = await listCycleSheetRows(pdb, actor.companyId, cycle.id)
  const open = rows.filter((r) => r.state !== 'final')
  if (open.length > 0)
    throw new DomainError(
      'invalid_state',
      `还有 ${open.length} 张考核表未定稿，不能分配奖金池：${open.map((r) => `${r.employeeName}（${r.state}）`).join('、')}`,
      open.map((r) => ({ path: `sheets.${r.sheetId}`, message: `${r.employeeName}: ${r.state}` })),
    )
  if (rows.length === 0)
    throw new DomainError('invalid_input', '该考核周期没有结果 / the cycle has no results', [
      { path: 'cycleId', message: '没有结果' },
    ])
  let baseOf = (_: (typeof rows)[number]): string | undefined => undefined
  if (input.rule.kind === 'coefficient_times_base') {
    if (input.rule.base !== undefined) {
      const uniform = String(input.rule.base)
      baseOf = () => uniform
    } else {
      const assignments = await listPayAssignments(pdb, actor.companyId)
      const base = (scheme: unknown) => {
        const parsed = paySchemeSchema.safeParse(scheme)
        return parsed.success ? schemeBase(parsed.data as PayScheme) : undefined
      }
      const byEmployee = new Map(
        assignments.filter((a) => a.employeeId).map((a) => [a.employeeId, base(a.scheme)]),
      )
      const byPosition = new Map(
        assignments.filter((a) => a.positionId).map((a) => [a.positionId, base(a.scheme)]),
      )
      baseOf = (r) =>
        byEmployee.get(r.employeeId) ?? (r.positionId ? byPosition.get(r.positionId) : undefined)
    }
  }
  const lines: BonusPoolLine[] = rows.map((r) => ({
    employeeId: String(r.employeeId),
    base: baseOf(r),
    coefficient: r.coefficient ?? undefined,
    grade: r.grade ?? undefined,
    weight: r.total ?? undefined,
  }))
  let allocated: ReturnType<typeof allocateBonusPool>
  try {
    allocated = allocateBonusPool(
      String(input.amount),
      lines,
      input.rule.kind === 'score'
        ? { kind: 'weight' }
        : input.rule.kind === 'grade_table'
          ? { kind: 'grade_table', table: input.rule.table }
          : { kind: 'coefficient_times_base' },
    )
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    // Name the employee rather than the line index.
    const nameOf = (path: string) => {
      const i = Number(/lines\[(\d+)\]/.exec(path)?.[1])
      return Number.isInteger(i) ? rows[i]?.employeeName : undefined
    }
    throw new DomainError(
      'invalid_input',
      error.issues.map((i) => `${nameOf(i.path) ?? ''} ${i.message}`.trim()).join('；') || error.message,
      error.issues.map((i) => ({
        path: i.path.replace(/^lines\[\d+\]/, (m) => `rule(${nameOf(m) ?? m})`),
        message: i.message,
      })),
    )
  }
  const byId = new Map(rows.map((r) => [String(r.employeeId), r]))
  const stored = allocated.map((a) => {
    const r = byId.get(a.employeeId)!
    return {
      employeeId: r.employeeId,
      employeeNo: r.employeeNo,
      employeeName: r.employeeName,
      departmentName: r.departmentName,
      score: r.total,
      grade: r.grade,
      coefficient: r.coefficient,
      weight: a.weight,
      amount: a.amount,
      explanation: a.explanation,
    }
  })
  const amount = new Decimal(String(input.amount)).toFixed(2)
  const poolId = await insertBonusPool(pdb, actor.companyId, {
    name: input.name,
    kind: input.kind,
    cycleId: cycle.id,
    amount,
    rule: input.rule,
    lines: stored,
    userId: actor.userId,
  })
  await appendAudit(
    trx,
    {
      companyId: actor.companyId,
      actorUserId: actor.userId,
      action: 'bonus_pool.create',
      entity: 'bonus_pool',
      entityId: poolId,
      after: {
        name: input.name,
        cycleId: cycle.id,
        amount,
        rule: input.rule,
        lines: stored.map((l) => ({ employeeId: l.employeeId, amount: l.amount })),
      },
      reason: input.reason ?? null,
    },
    now,
  )
  return poolId
}
