import {
  owedSteps,
  type SheetParty,
  type SheetState,
  type StageDeadlines,
} from '../../../contracts/sheets.ts'

// The sheet's progress as a person reads it: eight stages from agreeing targets to the archived result,
// each with its due date, and whether the step someone owes is overdue.

export const sheetStages = [
  'targets', // 制定目标
  'selfReview', // 执行与自评
  'supervisorReview', // 上级评分
  'compute', // 计算得分
  'feedback', // 绩效面谈
  'sign', // 签字确认
  'appeal', // 申诉期
  'final', // 归档
] as const
export type SheetStage = (typeof sheetStages)[number]

const stageOfState: Record<SheetState, SheetStage> = {
  draft: 'targets',
  targets_agreed: 'selfReview',
  in_progress: 'selfReview',
  self_submitted: 'supervisorReview',
  supervisor_submitted: 'compute',
  computed: 'feedback',
  feedback_held: 'sign',
  appeal_window: 'appeal',
  appeal_filed: 'appeal',
  investigating: 'appeal',
  final: 'final',
}

/** The index of the stage the sheet is in (a final sheet has finished every stage). */
export function stageIndex(state: SheetState): number {
  return state === 'final' ? sheetStages.length : sheetStages.indexOf(stageOfState[state])
}

/** The stage a state belongs to. */
export function stageOf(state: SheetState): SheetStage {
  return stageOfState[state]
}

/** A stage's due date: the cycle's stage deadline, the appeal deadline once signed; none for compute and final. */
export function stageDueDate(
  stage: SheetStage,
  deadlines: StageDeadlines,
  appealDeadline: string | null,
): string | undefined {
  switch (stage) {
    case 'targets':
    case 'selfReview':
    case 'supervisorReview':
    case 'feedback':
    case 'sign':
      return deadlines[stage]
    case 'appeal':
      return appealDeadline ?? undefined
    case 'compute':
    case 'final':
      return undefined
  }
}

export type OwedStep = { step: string; dueDate: string | undefined; overdue: boolean }

/**
 * The step this party owes on the sheet now (draft: only while they have not confirmed), with its due
 * date and whether today is past it; undefined when they owe nothing.
 */
export function owedStepOf(
  sheet: {
    state: SheetState
    ownerConfirmed: boolean
    reviewerConfirmed: boolean
    deadlines: StageDeadlines
  },
  party: Extract<SheetParty, 'owner' | 'reviewer' | 'hr'>,
  today: string,
): OwedStep | undefined {
  const owed = owedSteps(sheet.state, { owner: sheet.ownerConfirmed, reviewer: sheet.reviewerConfirmed })
  const mine = owed.find((s) => s.party === party)
  if (!mine) return undefined
  const dueDate =
    mine.step === 'appealWindow' || mine.step === 'investigation' ? undefined : sheet.deadlines[mine.step]
  return { step: mine.step, dueDate, overdue: dueDate !== undefined && dueDate < today }
}
