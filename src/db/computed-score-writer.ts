import { sql } from 'kysely'
import type { Db } from './database.ts'

// The one writer of computed scores (已计算), used by the single-sheet compute (a batch of one) and the cycle's
// batch compute (one statement per slice): the state rule, the sheet event and the reviewers' notification
// live here once.

/** One sheet's computed score as the engine produced it; `computedScoresJson` or scoreSlice serialise a list. */
export type ComputedScore = {
  id: number
  score: unknown
  total: string | undefined
  grade: string | null | undefined
  coefficient: string | undefined
}

/** The JSON array `writeComputedScores` reads (the scoring thread builds the same text for its slices). */
export function computedScoresJson(scores: readonly ComputedScore[]): string {
  return JSON.stringify(
    scores.map((s) => ({
      id: s.id,
      score: s.score,
      total: s.total,
      grade: s.grade,
      coefficient: s.coefficient,
    })),
  )
}

/**
 * Writes computed scores set-based, in one statement: each sheet of `scores` (JSON of ComputedScore[]) gets its
 * score, total, grade and coefficient, loses its calibration, moves to `computed` with a new version, and gets
 * one `compute` event, in sheet order. The caller has locked the rows and decided the transition.
 */
export async function writeComputedScores(
  db: Db,
  write: {
    companyId: number
    scores: string
    fromState: string
    actorUserId: number | null
    party: string
    reason: string | null
    now: Date
  },
): Promise<void> {
  const at = write.now.toISOString()
  await sql`
    with written as (
      update appraisal_sheets s
      set score = v.score, total = v.total::numeric, grade = v.grade, coefficient = v.coefficient::numeric,
          calibration = null, state = 'computed', version = s.version + 1, updated_at = ${at}::timestamptz
      from jsonb_to_recordset(${write.scores}::jsonb) as v(id int, score jsonb, total text, grade text, coefficient text)
      where s.id = v.id
      returning s.id
    )
    insert into sheet_events (company_id, sheet_id, action, from_state, to_state, actor_user_id, party, reason, created_at)
    select ${write.companyId}, w.id, 'compute', ${write.fromState}, 'computed', ${write.actorUserId}, ${write.party}, ${write.reason}, ${at}::timestamptz
    from written w order by w.id`.execute(db)
}

/**
 * Tells each reviewer of the computed sheets that the feedback meetings are due: one notification per reviewer
 * (a supervisor of 40 gets one message naming the first `namesShown`, not 40), pointing at the sheet when there
 * is one, else at the cycle.
 */
export async function insertFeedbackDueNotifications(
  db: Db,
  notice: {
    companyId: number
    cycleId: number
    title: string
    sheetIds: readonly number[]
    namesShown: number
    now: Date
  },
): Promise<void> {
  const { namesShown } = notice
  await sql`
    insert into notifications (company_id, user_id, kind, title, body, entity, entity_id, created_at)
    select ${notice.companyId}, u.id, 'sheet.feedback', ${notice.title},
           case when count(*) = 1 then min(e.name) || '的考核表已计算，待您进行绩效面谈。'
             else count(*) || ' 张考核表已计算，待您进行绩效面谈：'
               || array_to_string((array_agg(e.name order by s.id))[1:${namesShown}], '、')
               || case when count(*) > ${namesShown} then ' 等。' else '。' end end,
           case when count(*) = 1 then 'appraisal_sheet' else 'cycle' end,
           case when count(*) = 1 then min(s.id)::text else ${String(notice.cycleId)} end,
           ${notice.now.toISOString()}::timestamptz
    from appraisal_sheets s
    join employees e on e.id = s.employee_id
    join users u on u.employee_id = s.reviewer_employee_id and u.company_id = s.company_id
    where s.id = any(${[...notice.sheetIds]}::int[])
    group by u.id
    order by u.id`.execute(db)
}
