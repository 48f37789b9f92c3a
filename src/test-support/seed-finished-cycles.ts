import { seedTestOrganisation, type TestOrganisation } from '../api/testing/seed-test-organisation.ts'
import type { Db } from '../db/database.ts'
import type { CycleKind } from '../db/workflow-tables.ts'
import { installBuiltinTemplates } from '../services/templates/install-builtin-templates.ts'

// Pay, bonus, export and consequence tests read results, not the review that led to them: walking every sheet
// through targets, reviews, compute, signature and finalisation would only slow them down. So they write
// closed cycles whose sheets already hold their results, straight into the test shop of seed-test-organisation.ts.

/** One sheet's results as they stand once the review is over. */
export type FinishedSheet = {
  employeeId: number
  /** Left empty unless given, as on a sheet whose employee has no position. */
  positionId?: number
  /** `final` unless a test needs one still open (`computed`, `appeal_window` …). */
  state?: string
  total: number | string
  grade: string
  coefficient: number | string
  /** The score breakdown (dimensions, indicators) where a test reads it. */
  score?: unknown
}

export type FinishedCycle = {
  name: string
  kind: CycleKind
  periodStart: string
  periodEnd: string
  sheets: readonly FinishedSheet[]
}

export type FinishedCycles = {
  org: TestOrganisation
  /** The built-in template version every sheet is scored on (the first one installed). */
  templateVersionId: number
  /** Writes a closed cycle with its sheets in the order given; answers the cycle's id. */
  add(cycle: FinishedCycle): Promise<number>
}

/** The test shop with the built-in templates installed, ready to take finished cycles. */
export async function seedFinishedCycles(db: Db): Promise<FinishedCycles> {
  const org = await seedTestOrganisation(db)
  await installBuiltinTemplates(db, org.companyId)
  const version = await db
    .selectFrom('template_versions as tv')
    .innerJoin('templates as t', 't.id', 'tv.template_id')
    .select('tv.id')
    .where('t.company_id', '=', org.companyId)
    .executeTakeFirstOrThrow()
  const wdb = db
  return {
    org,
    templateVersionId: version.id,
    async add(cycle) {
      const { id } = await wdb
        .insertInto('cycles')
        .values({
          company_id: org.companyId,
          name: cycle.name,
          kind: cycle.kind,
          period_start: cycle.periodStart,
          period_end: cycle.periodEnd,
          status: 'closed',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await wdb
        .insertInto('appraisal_sheets')
        .values(
          cycle.sheets.map((sheet) => ({
            company_id: org.companyId,
            cycle_id: id,
            employee_id: sheet.employeeId,
            position_id: sheet.positionId ?? null,
            template_version_id: version.id,
            state: sheet.state ?? 'final',
            total: String(sheet.total),
            grade: sheet.grade,
            coefficient: String(sheet.coefficient),
            score: sheet.score === undefined ? null : JSON.stringify(sheet.score),
          })),
        )
        .execute()
      return id
    },
  }
}
