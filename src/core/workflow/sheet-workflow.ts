import { DomainError } from '../errors.ts'

// The appraisal sheet's state machine (考核表流程), enforced on the server: which party may take which
// action from which state, and where it leads. Services map the signed-in user to a party; this file
// decides. Every refusal names the state, the rule and (for deadlines) the date.

export const sheetStates = [
  'draft', // 制定目标
  'targets_agreed', // 目标已确认
  'in_progress', // 执行中（日常记录）
  'self_submitted', // 已提交自评
  'supervisor_submitted', // 上级已评
  'computed', // 已计算
  'feedback_held', // 已面谈反馈
  'appeal_window', // 已签字，申诉期内
  'appeal_filed', // 已申诉
  'investigating', // 人力资源调查中
  'final', // 已归档（锁定）
] as const
export type SheetState = (typeof sheetStates)[number]

/** States whose total is computed (计算完成及之后): what dashboards, calibration, roll-ups and pay read as a score. */
export const scoredSheetStates = [
  'computed',
  'feedback_held',
  'appeal_window',
  'appeal_filed',
  'investigating',
  'final',
] as const satisfies readonly SheetState[]

/**
 * Whether a signed sheet's appeal window has passed with no appeal (申诉期满无申诉): the sweep finalises it, and
 * until it runs a reader is shown it as final (`today` and the deadline are YYYY-MM-DD in the company's zone).
 */
export function isAppealWindowOver(state: string, appealDeadline: string | null, today: string): boolean {
  return state === 'appeal_window' && appealDeadline !== null && appealDeadline < today
}

/** The state a reader sees: the stored one, or final once the appeal window is over (reads never write). */
export function visibleSheetState<S extends string>(
  state: S,
  appealDeadline: string | null,
  today: string,
): S | 'final' {
  return isAppealWindowOver(state, appealDeadline, today) ? 'final' : state
}

/** Whether a sheet in this state has a computed total. */
export function isScoredState(state: string): boolean {
  return (scoredSheetStates as readonly string[]).includes(state)
}

export const sheetActions = [
  'set_targets',
  'confirm_targets',
  'start',
  'add_record',
  'add_observation',
  'save_self_review',
  'submit_self_review',
  'return_self_review',
  'save_supervisor_review',
  'submit_supervisor_review',
  'assign_peers',
  'set_data',
  'compute',
  'calibrate',
  'hold_feedback',
  'sign',
  'file_appeal',
  'investigate',
  'rule_appeal',
  'finalize',
  'reopen',
  'delegate',
] as const
export type SheetAction = (typeof sheetActions)[number]

/**
 * Who acts, relative to the sheet: the appraised employee (owner), the reviewer (direct supervisor or the
 * delegate), a supervisor higher up the tree (upper), HR, admin, finance, the system (sweeps, jobs),
 * or anybody else (other).
 */
export const sheetParties = [
  'owner',
  'reviewer',
  'upper',
  'hr',
  'admin',
  'finance',
  'system',
  'other',
] as const
export type SheetParty = (typeof sheetParties)[number]

type Rule = {
  from: readonly SheetState[]
  parties: readonly SheetParty[]
  /** The next state; undefined when the action changes data but not the state. */
  to?: SheetState
  zh: string
  en: string
}

const beforeCompute: SheetState[] = [
  'draft',
  'targets_agreed',
  'in_progress',
  'self_submitted',
  'supervisor_submitted',
]

/** The transition table. `confirm_targets` moves to targets_agreed only once both parties confirmed (see decideTransition). */
export const sheetRules: Record<SheetAction, Rule> = {
  set_targets: {
    from: ['draft'],
    parties: ['owner', 'reviewer', 'hr'],
    zh: '设定目标与权重',
    en: 'set targets and weights',
  },
  confirm_targets: {
    from: ['draft'],
    parties: ['owner', 'reviewer'],
    to: 'targets_agreed',
    zh: '确认目标',
    en: 'confirm targets',
  },
  start: {
    from: ['targets_agreed'],
    parties: ['owner', 'reviewer', 'hr', 'system'],
    to: 'in_progress',
    zh: '开始执行',
    en: 'start the period',
  },
  add_record: {
    from: ['targets_agreed', 'in_progress'],
    parties: ['owner'],
    zh: '填写工作记录',
    en: 'add a work record',
  },
  add_observation: {
    from: ['targets_agreed', 'in_progress', 'self_submitted'],
    parties: ['reviewer'],
    zh: '填写观察记录',
    en: 'add an observation',
  },
  save_self_review: { from: ['in_progress'], parties: ['owner'], zh: '保存自评', en: 'save the self review' },
  submit_self_review: {
    from: ['in_progress'],
    parties: ['owner'],
    to: 'self_submitted',
    zh: '提交自评',
    en: 'submit the self review',
  },
  return_self_review: {
    from: ['self_submitted'],
    parties: ['reviewer', 'hr'],
    to: 'in_progress',
    zh: '退回自评',
    en: 'return the self review',
  },
  save_supervisor_review: {
    from: ['self_submitted'],
    parties: ['reviewer'],
    zh: '保存上级评分',
    en: 'save the supervisor review',
  },
  submit_supervisor_review: {
    from: ['self_submitted'],
    parties: ['reviewer'],
    to: 'supervisor_submitted',
    zh: '提交上级评分',
    en: 'submit the supervisor review',
  },
  assign_peers: {
    from: beforeCompute,
    parties: ['reviewer', 'hr'],
    zh: '指定互评人',
    en: 'assign peer reviewers',
  },
  set_data: {
    from: beforeCompute,
    parties: ['reviewer', 'hr', 'system'],
    zh: '录入数据（抽查、指标实际值）',
    en: 'enter data (sampling, actuals)',
  },
  compute: {
    from: ['supervisor_submitted', 'computed'],
    parties: ['hr', 'admin', 'system'],
    to: 'computed',
    zh: '计算得分',
    en: 'compute the score',
  },
  calibrate: {
    from: ['computed', 'feedback_held'],
    parties: ['hr'],
    zh: '校准总分',
    en: 'calibrate the total',
  },
  hold_feedback: {
    from: ['computed'],
    parties: ['reviewer'],
    to: 'feedback_held',
    zh: '记录绩效面谈',
    en: 'record the feedback meeting',
  },
  sign: {
    from: ['feedback_held'],
    parties: ['owner'],
    to: 'appeal_window',
    zh: '签字确认',
    en: 'sign the result',
  },
  file_appeal: {
    from: ['appeal_window'],
    parties: ['owner'],
    to: 'appeal_filed',
    zh: '提出申诉',
    en: 'file an appeal',
  },
  investigate: {
    from: ['appeal_filed'],
    parties: ['hr'],
    to: 'investigating',
    zh: '受理调查',
    en: 'take up the investigation',
  },
  rule_appeal: {
    from: ['investigating'],
    parties: ['hr'],
    to: 'final',
    zh: '作出申诉裁决',
    en: 'rule on the appeal',
  },
  finalize: {
    from: ['appeal_window'],
    parties: ['system', 'hr'],
    to: 'final',
    zh: '申诉期满归档',
    en: 'finalise after the appeal window',
  },
  reopen: {
    from: ['final'],
    parties: ['admin'],
    to: 'computed',
    zh: '重新打开已归档的考核表',
    en: 'reopen a final sheet',
  },
  delegate: {
    from: beforeCompute,
    parties: ['upper', 'hr', 'admin'],
    zh: '委托评分人',
    en: 'delegate the review',
  },
}

export const stateNames: Record<SheetState, { zh: string; en: string }> = {
  draft: { zh: '制定目标', en: 'draft' },
  targets_agreed: { zh: '目标已确认', en: 'targets agreed' },
  in_progress: { zh: '执行中', en: 'in progress' },
  self_submitted: { zh: '已提交自评', en: 'self review submitted' },
  supervisor_submitted: { zh: '上级已评分', en: 'supervisor review submitted' },
  computed: { zh: '已计算', en: 'computed' },
  feedback_held: { zh: '已面谈反馈', en: 'feedback held' },
  appeal_window: { zh: '申诉期内', en: 'appeal window' },
  appeal_filed: { zh: '已申诉', en: 'appeal filed' },
  investigating: { zh: '人力资源调查中', en: 'HR investigation' },
  final: { zh: '已归档', en: 'final' },
}

const partyNames: Record<SheetParty, string> = {
  owner: '被考核人本人',
  reviewer: '评分上级',
  upper: '更高一级上级',
  hr: '人力资源',
  admin: '管理员',
  finance: '财务',
  system: '系统',
  other: '无关人员',
}

export type TransitionRequest = {
  state: SheetState
  action: SheetAction
  party: SheetParty
  /** For confirm_targets: whether the other party has already confirmed. */
  otherPartyConfirmed?: boolean
  /** Today (YYYY-MM-DD) and the action's deadline, for actions with a hard deadline (file_appeal). */
  today?: string
  deadline?: string
}

export type TransitionOutcome = { from: SheetState; to: SheetState; changesState: boolean }

/** Whether the action is allowed; returns the next state or throws forbidden (party) / invalid_state (state, deadline). */
export function decideTransition(request: TransitionRequest): TransitionOutcome {
  const rule = sheetRules[request.action]
  const { state, party, action } = request
  if (!rule.parties.includes(party)) {
    throw new DomainError(
      'forbidden',
      `${partyNames[party]}不能“${rule.zh}”：此操作仅限${rule.parties.map((p) => partyNames[p]).join('、')}（${party} may not ${rule.en}）`,
      [],
      { rule: action, party },
    )
  }
  if (state === 'final' && action !== 'reopen') {
    throw new DomainError(
      'locked',
      `考核表已归档（${stateNames.final.zh}），任何人都不能“${rule.zh}”；如需更正请由管理员重新打开（the sheet is final and locked: ${rule.en} refused）`,
      [],
      { state, rule: action },
    )
  }
  if (!rule.from.includes(state)) {
    throw new DomainError(
      'invalid_state',
      `考核表当前状态为“${stateNames[state].zh}”，不能“${rule.zh}”：仅在${rule.from.map((s) => `“${stateNames[s].zh}”`).join('、')}状态下允许（state ${state}: ${rule.en} allowed only from ${rule.from.join(', ')}）`,
      [],
      { state, rule: action },
    )
  }
  if (request.deadline !== undefined && request.today !== undefined && request.today > request.deadline) {
    throw new DomainError(
      'invalid_state',
      `“${rule.zh}”的截止日期是 ${request.deadline}，今天（${request.today}）已过期（${rule.en}: the deadline was ${request.deadline}）`,
      [],
      { state, rule: action, deadline: request.deadline },
    )
  }
  let to = rule.to ?? state
  if (action === 'confirm_targets' && !request.otherPartyConfirmed) to = state
  return { from: state, to, changesState: to !== state }
}

/** Whether the party may take the action now (no throw), for the actions list sent to the pages. */
export function allowedActions(state: SheetState, party: SheetParty): SheetAction[] {
  return sheetActions.filter((action) => {
    const rule = sheetRules[action]
    return (
      rule.parties.includes(party) && rule.from.includes(state) && !(state === 'final' && action !== 'reopen')
    )
  })
}
