import type { Role } from '../../../contracts/auth.ts'
import type { AppNotification } from '../../../contracts/notifications.ts'
import { allSheetsPath } from '../../lib/sheet-links.ts'

/**
 * Where clicking a notification leads: a page path; a sheet, whose page depends on the reader's part in it
 * (their own sheet under 我的考核, anyone else's under 团队考核); or nowhere (it is only marked read).
 */
export type NotificationTarget = { page: string } | { sheetId: number } | null

const hrRoles: readonly Role[] = ['admin', 'hr']

function positiveId(text: string): number | null {
  const n = Number(text)
  return Number.isInteger(n) && n > 0 ? n : null
}

// The entities the server writes into notifications (services/sheets, services/appeals, services/cycles).
export function notificationTarget(
  notification: Pick<AppNotification, 'kind' | 'entity' | 'entityId'>,
  role: Role,
): NotificationTarget {
  const id = positiveId(notification.entityId)
  if (id === null) return null
  switch (notification.entity) {
    case 'appraisal_sheet':
      // a peer reviewer scores from the task list on 我的考核, not on the colleague's sheet
      if (notification.kind === 'peer_review.assigned') return { page: '/my-appraisal' }
      // an employee can only be told about their own sheet
      return role === 'employee' ? { page: sheetPagePath(id, 'owner') } : { sheetId: id }
    case 'appeal':
      return hrRoles.includes(role) ? { page: `/appeals/${id}` } : null
    case 'cycle':
      // a computed cycle's feedback meetings are held from the reviewer's team queue, on that cycle
      if (notification.kind === 'sheet.feedback') return { page: `/team?cycle=${id}` }
      if (hrRoles.includes(role)) return { page: `/cycles/${id}` }
      // a supervisor follows a cycle through their tree's sheets in 全部考核表
      return role === 'supervisor' ? { page: allSheetsPath(id) } : null
    default:
      return null
  }
}

/** A sheet's page for the reader: the owner's own list, or the team queue for reviewers, HR and admins. */
export function sheetPagePath(sheetId: number, party: string): string {
  return party === 'owner' ? `/my-appraisal/${sheetId}` : `/team/${sheetId}`
}
