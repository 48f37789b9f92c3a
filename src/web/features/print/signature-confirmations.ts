import type { SheetDetail, SheetEvent } from '../../../contracts/sheets.ts'

/** One signature line of the printed sheet: who confirmed electronically and when, or nobody yet. */
export type Confirmation = { name: string | null; at: string; system: boolean } | null

export type SignatureLines = {
  /** 被考核人: the employee's signature (sign). */
  employee: Confirmation
  /** 考核人: the supervisor's submitted review or the feedback meeting they recorded. */
  supervisor: Confirmation
  /** 复核人: HR's calibration or appeal ruling, or the archiving when the window passed. */
  reviewer: Confirmation
}

export type SignedSheet = Pick<
  SheetDetail,
  'events' | 'signedAt' | 'employee' | 'reviewer' | 'feedback' | 'finalizedAt'
>

function last(events: readonly SheetEvent[], actions: readonly string[]): Confirmation {
  let found: SheetEvent | undefined
  for (const event of events)
    if (actions.includes(event.action) && (!found || event.at >= found.at)) found = event
  if (!found) return null
  return { name: found.actorName, at: found.at, system: found.party === 'system' }
}

/**
 * The three signature lines of the seed forms (被考核人 / 考核人 / 复核人), from the sheet's events; a sheet
 * whose steps were recorded without events (imported history) falls back to what the sheet itself holds:
 * the signature time (only its employee can sign), the feedback record (only the reviewer holds it) and the
 * archiving time.
 */
export function signatureConfirmations(sheet: SignedSheet): SignatureLines {
  const { events } = sheet
  return {
    employee:
      last(events, ['sign']) ??
      (sheet.signedAt ? { name: sheet.employee.name, at: sheet.signedAt, system: false } : null),
    supervisor:
      last(events, ['submit_supervisor_review', 'hold_feedback']) ??
      (sheet.feedback?.date && sheet.reviewer
        ? { name: sheet.reviewer.name, at: sheet.feedback.date, system: false }
        : null),
    reviewer:
      last(events, ['calibrate', 'rule_appeal', 'finalize']) ??
      (sheet.finalizedAt ? { name: null, at: sheet.finalizedAt, system: true } : null),
  }
}
