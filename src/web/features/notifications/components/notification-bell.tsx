import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Drawer, Popover } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotifications } from '../api/list-notifications.ts'
import { NotificationPanel } from './notification-panel.tsx'

const panelWidth = 380

// The header's bell: the unread count on a badge; the list opens in a popover on desktops and a drawer on phones.
export function NotificationBell({ isDesktop }: { isDesktop: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const unread = useNotifications().data?.unread ?? 0
  const close = () => setOpen(false)

  const bell = (
    <Button
      type="text"
      aria-label={unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell')}
      aria-expanded={open}
      onClick={isDesktop ? undefined : () => setOpen(true)}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  )

  if (!isDesktop)
    return (
      <>
        {bell}
        <Drawer
          placement="right"
          open={open}
          onClose={close}
          size={`min(${panelWidth}px, 100vw)`}
          title={t('notifications.title')}
          styles={{ body: { padding: 12 } }}
        >
          <NotificationPanel onNavigate={close} showTitle={false} />
        </Drawer>
      </>
    )
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
      content={
        <div style={{ width: panelWidth, maxHeight: 480, overflowY: 'auto' }}>
          <NotificationPanel onNavigate={close} />
        </div>
      }
    >
      {bell}
    </Popover>
  )
}
