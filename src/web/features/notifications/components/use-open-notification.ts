import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router-dom'
import type { AppNotification } from '../../../../contracts/notifications.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { getSheet } from '../../sheets/api/get-sheet.ts'
import { sheetQueryKeys } from '../../sheets/api/sheet-query-keys.ts'
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts'
import { notificationTarget, sheetPagePath } from '../notification-target.ts'

/** Opening a notification: marks it read and goes to what it is about (a notification without a page is only marked read). */
export function useOpenNotification(onNavigate: () => void) {
  const user = useCurrentUser()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const markRead = useMarkNotificationsRead()

  // The sheet is read once to learn whether it is mine; the page then renders from the same cached answer.
  const sheetPath = async (sheetId: number) => {
    try {
      const sheet = await queryClient.fetchQuery({
        queryKey: sheetQueryKeys.detail(sheetId),
        queryFn: () => getSheet(sheetId),
      })
      return sheetPagePath(sheetId, sheet.party)
    } catch {
      // the sheet page explains a sheet that cannot be read
      return sheetPagePath(sheetId, 'other')
    }
  }

  return async (notification: AppNotification) => {
    if (notification.readAt === null) markRead.mutate([notification.id])
    const target = notificationTarget(notification, user.role)
    if (target === null) return
    const path = 'page' in target ? target.page : await sheetPath(target.sheetId)
    onNavigate()
    navigate(path)
  }
}
