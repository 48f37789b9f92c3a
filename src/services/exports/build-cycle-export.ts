import type { BonusPool } from '../../contracts/pay.ts'
import type { ExportKind } from '../../contracts/results.ts'
import { DomainError } from '../../core/errors.ts'
import type { ExportTable } from '../../core/exports/export-table.ts'
import type { Db } from '../../db/database.ts'
import { listBonusPoolRows, listCycleSheetRows } from '../../db/pay-repository.ts'
import { listSheetSummaries } from '../../db/sheet-repository.ts'
import { computeConsequences } from '../consequences/list-consequences.ts'
import { readPaySheet } from '../pay/get-pay-sheet.ts'
import { loadCycle } from '../pay/load-cycle.ts'
import { buildPaySheetExport } from './build-pay-sheet-export.ts'

// The tables behind the cycle exports: sheets (progress), results (total, grade, coefficient), the pay sheet
// (one row per person, a grand total row, the rules on a second sheet), the consequence lists of the cycle's
// year and the cycle's bonus pools (one row per pool line). Each is read in full first (so a refusal is still a JSON error), then streamed by write-table-export.

const stateNames: Record<string, string> = {
  draft: '草稿',
  targets_agreed: '目标已确认',
  in_progress: '进行中',
  self_submitted: '已自评',
  supervisor_submitted: '主管已评',
  computed: '已算分',
  feedback_held: '已面谈',
  appeal_window: '申诉期',
  appeal_filed: '已申诉',
  investigating: '调查中',
  final: '已定稿',
}
const gradeNames: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' }
const poolKindNames: Record<string, string> = { quarterly: '季度', annual: '年度' }
const poolStatusNames: Record<string, string> = { draft: '草稿', approved: '已审批' }

export type ExportScope = { treeRootEmployeeId?: number; finalOnly?: boolean }

/** The export table of one kind for a cycle; `scope` limits rows to a reporting tree or final sheets. */
export async function buildCycleExport(
  db: Db,
  companyId: number,
  what: ExportKind,
  cycleId: number,
  scope: ExportScope = {},
): Promise<ExportTable> {
  const cycle = await loadCycle(db, companyId, cycleId)
  const suffix = `${cycle.name}`
  switch (what) {
    case 'sheets': {
      const rows = await listSheetSummaries(db, companyId, {
        cycleId,
        treeRootEmployeeId: undefined,
        limit: 1_000_000,
      })
      return {
        title: `考核表 ${suffix}`,
        columns: [
          { key: 'no', header: '工号', type: 'text' },
          { key: 'name', header: '姓名', type: 'text', width: 16 },
          { key: 'department', header: '部门', type: 'text', width: 14 },
          { key: 'reviewer', header: '考评人', type: 'text', width: 12 },
          { key: 'state', header: '状态', type: 'text', width: 12 },
          { key: 'targets', header: '目标已确认', type: 'text' },
          { key: 'total', header: '得分', type: 'decimal2' },
          { key: 'grade', header: '等级', type: 'text' },
          { key: 'appealDeadline', header: '申诉截止', type: 'date', width: 12 },
        ],
        rows: rows
          .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
          .map((s) => ({
            no: s.employeeNo,
            name: s.employeeName,
            department: s.departmentName,
            reviewer: s.reviewerName,
            state: stateNames[s.state] ?? s.state,
            targets: s.ownerConfirmed && s.reviewerConfirmed ? '是' : '否',
            total: s.total,
            grade: s.grade ? (gradeNames[s.grade] ?? s.grade) : null,
            appealDeadline: s.appealDeadline,
          })),
      }
    }
    case 'results': {
      const rows = await listCycleSheetRows(db, companyId, cycleId, {
        treeRootEmployeeId: scope.treeRootEmployeeId,
        finalOnly: scope.finalOnly,
      })
      return {
        title: `考核结果 ${suffix}`,
        columns: [
          { key: 'no', header: '工号', type: 'text' },
          { key: 'name', header: '姓名', type: 'text', width: 16 },
          { key: 'department', header: '部门', type: 'text', width: 14 },
          { key: 'position', header: '岗位', type: 'text', width: 14 },
          { key: 'state', header: '状态', type: 'text', width: 12 },
          { key: 'total', header: '得分', type: 'decimal2' },
          { key: 'grade', header: '等级', type: 'text' },
          { key: 'coefficient', header: '绩效系数', type: 'decimal2' },
        ],
        rows: rows.map((r) => ({
          no: r.employeeNo,
          name: r.employeeName,
          department: r.departmentName,
          position: r.positionName,
          state: stateNames[r.state] ?? r.state,
          total: r.total,
          grade: r.grade ? (gradeNames[r.grade] ?? r.grade) : null,
          coefficient: r.coefficient,
        })),
      }
    }
    case 'pay': {
      const sheet = await readPaySheet(db, companyId, cycleId)
      // Finance exports final results only; for HR a row whose appraisal is not final says so (issue 12).
      const employees = scope.finalOnly ? sheet.employees.filter((e) => !e.draft) : sheet.employees
      return buildPaySheetExport(sheet, employees, {
        states: stateNames,
        status: sheet.status === 'approved' ? '已审批' : '草稿',
      })
    }
    case 'consequences': {
      const year = Number(cycle.periodStart.slice(0, 4))
      const lists = await computeConsequences(db, companyId, year, {
        treeRootEmployeeId: scope.treeRootEmployeeId,
        cycleId,
      })
      const row = (
        list: string,
        p: { employeeNo: string; employeeName: string; departmentName: string | null },
      ) => ({
        list,
        no: p.employeeNo,
        name: p.employeeName,
        department: p.departmentName,
      })
      return {
        title: `结果应用 ${year}`,
        columns: [
          { key: 'list', header: '名单', type: 'text', width: 14 },
          { key: 'no', header: '工号', type: 'text' },
          { key: 'name', header: '姓名', type: 'text', width: 16 },
          { key: 'department', header: '部门', type: 'text', width: 14 },
          { key: 'periods', header: '期间', type: 'text', width: 24 },
          { key: 'percent', header: '调薪比例', type: 'percent' },
          { key: 'detail', header: '说明', type: 'text', width: 60 },
        ],
        rows: [
          ...lists.dismissalReview.map((r) => ({
            ...row('辞退评审', r),
            periods: r.periods.map((p) => p.period).join('、'),
            detail: r.explanation['zh-CN'],
          })),
          ...lists.promotionCandidates.map((r) => ({
            ...row('晋升候选', r),
            periods: r.periods.map((p) => p.period).join('、'),
            detail: r.explanation['zh-CN'],
          })),
          ...lists.improvementCandidates.map((r) => ({
            ...row('改进计划', r),
            periods: cycle.name,
            detail: `维度「${r.dimension}」${r.points}/${r.maxPoints} 分（${Math.round(r.share * 100)}%）${r.planId ? '，已有计划' : ''}`,
          })),
          ...lists.salaryAdjustments.map((r) => ({
            ...row('调薪建议', r),
            periods: String(year),
            percent: r.percent === null ? null : r.percent / 100,
            detail: r.explanation['zh-CN'],
          })),
        ],
      }
    }
    case 'bonuses': {
      // Oldest pool first, each pool's lines in the order they were allocated (by employee number).
      const pools = (await listBonusPoolRows(db, companyId, { cycleId })).reverse()
      return {
        title: `奖金池 ${suffix}`,
        columns: [
          { key: 'pool', header: '奖金池', type: 'text', width: 24 },
          { key: 'kind', header: '类型', type: 'text' },
          { key: 'status', header: '状态', type: 'text' },
          { key: 'no', header: '工号', type: 'text' },
          { key: 'name', header: '姓名', type: 'text', width: 16 },
          { key: 'department', header: '部门', type: 'text', width: 14 },
          { key: 'score', header: '得分', type: 'decimal2' },
          { key: 'grade', header: '等级', type: 'text' },
          { key: 'coefficient', header: '绩效系数', type: 'decimal2' },
          { key: 'weight', header: '权重', type: 'decimal2', width: 12 },
          { key: 'amount', header: '分得金额', type: 'decimal2', width: 14 },
          { key: 'explanation', header: '计算说明', type: 'text', width: 60 },
        ],
        rows: pools.flatMap((p) =>
          (p.lines as BonusPool['lines']).map((l) => ({
            pool: p.name,
            kind: poolKindNames[p.kind] ?? p.kind,
            status: poolStatusNames[p.status] ?? p.status,
            no: l.employeeNo,
            name: l.employeeName,
            department: l.departmentName,
            score: l.score,
            grade: l.grade ? (gradeNames[l.grade] ?? l.grade) : null,
            coefficient: l.coefficient,
            weight: l.weight,
            amount: l.amount,
            explanation: l.explanation['zh-CN'],
          })),
        ),
      }
    }
    default:
      throw new DomainError('invalid_input', `unknown export ${String(what)}`, [
        { path: 'what', message: String(what) },
      ])
  }
}
