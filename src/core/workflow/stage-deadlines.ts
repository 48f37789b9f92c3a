import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts'
import type { SheetParty, SheetState } from './sheet-workflow.ts'

// Each stage's due date, counted in working days from the period's start or end, and who owes the next step.

export type StageKey = 'targets' | 'selfReview' | 'supervisorReview' | 'feedback' | 'sign'

/** Working days after the period start (targets) or end (the rest); the seed asks for the monthly review within 3. */
export type StageOffsets = Record<StageKey, number>

export const defaultStageOffsets: StageOffsets = {
  targets: 3,
  selfReview: 2,
  supervisorReview: 3,
  feedback: 5,
  sign: 7,
}

/** Working days to file an appeal after signing, and for HR to rule after taking it up ([X] in the seed). */
export const defaultAppealWindowDays = 3
export const defaultInvestigationDays = 5

export type StageDeadlines = Record<StageKey, string>

export function stageDeadlines(
  calendar: WorkingCalendar,
  period: { start: string; end: string },
  offsets: StageOffsets = defaultStageOffsets,
): StageDeadlines {
  return {
    targets: addWorkingDays(calendar, period.start, offsets.targets),
    selfReview: addWorkingDays(calendar, period.end, offsets.selfReview),
    supervisorReview: addWorkingDays(calendar, period.end, offsets.supervisorReview),
    feedback: addWorkingDays(calendar, period.end, offsets.feedback),
    sign: addWorkingDays(calendar, period.end, offsets.sign),
  }
}

export type OwedStep = {
  party: SheetParty
  step: StageKey | 'appealWindow' | 'investigation'
  zh: string
  en: string
}

/** Who owes the next step of a sheet in this state (several parties in draft until both confirmed). */
export function owedSteps(state: SheetState, confirmed: { owner: boolean; reviewer: boolean }): OwedStep[] {
  switch (state) {
    case 'draft': {
      const steps: OwedStep[] = []
      if (!confirmed.owner)
        steps.push({ party: 'owner', step: 'targets', zh: '确认目标', en: 'confirm targets' })
      if (!confirmed.reviewer)
        steps.push({ party: 'reviewer', step: 'targets', zh: '确认目标', en: 'confirm targets' })
      return steps
    }
    case 'targets_agreed':
    case 'in_progress':
      return [{ party: 'owner', step: 'selfReview', zh: '提交自评', en: 'submit the self review' }]
    case 'self_submitted':
      return [{ party: 'reviewer', step: 'supervisorReview', zh: '上级评分', en: 'review' }]
    case 'supervisor_submitted':
      return [{ party: 'hr', step: 'supervisorReview', zh: '计算得分', en: 'compute' }]
    case 'computed':
      return [{ party: 'reviewer', step: 'feedback', zh: '绩效面谈', en: 'hold the feedback meeting' }]
    case 'feedback_held':
      return [{ party: 'owner', step: 'sign', zh: '签字确认', en: 'sign the result' }]
    case 'appeal_window':
      return []
    case 'appeal_filed':
      return [{ party: 'hr', step: 'investigation', zh: '受理申诉', en: 'take up the appeal' }]
    case 'investigating':
      return [{ party: 'hr', step: 'investigation', zh: '申诉裁决', en: 'rule on the appeal' }]
    case 'final':
      return []
  }
}
