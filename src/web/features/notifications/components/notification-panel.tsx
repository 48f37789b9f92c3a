import { Alert, App, Badge, Button, Empty, Flex, Spin, Tag, Typography, theme } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { AppNotification } from '../../../../contracts/notifications.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useNotifications } from '../api/list-notifications.ts'
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts'
import { useOpenNotification } from './use-open-notification.ts'

function NotificationRow({ item, onOpen }: { item: AppNotification; onOpen: () => void }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const isUnread = item.readAt === null
  return (
    <li style={{ borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
      <button
        type="button"
        onClick={onOpen}
        data-testid={`notification-${item.id}`}
        style={{
          display: 'block',
          width: '100%',
          padding: '10px 12px',
          border: 'none',
          textAlign: 'start',
          cursor: 'pointer',
          font: 'inherit',
          background: isUnread ? token.colorPrimaryBg : 'transparent',
        }}
      >
        <Flex align="center" gap={6}>
          {isUnread ? <Badge status="processing" /> : null}
          <Typography.Text strong={isUnread} ellipsis style={{ flex: 1, minWidth: 0 }}>
            {item.title}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 13 }}>
          {item.body}
        </Typography.Paragraph>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          {isUnread ? (
            <Tag
              color="blue"
              variant="filled"
              style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}
            >
              {t('notifications.unread')}
            </Tag>
          ) : null}
        </Flex>
      </button>
    </li>
  )
}

/** The newest notifications, unread ones highlighted, with "mark all read"; the body of the bell's popover or drawer. */
export function NotificationPanel({
  onNavigate,
  showTitle = true,
}: {
  /** Called before leaving for a notification's page, to close the popover or drawer. */
  onNavigate: () => void
  /** Off in the drawer, whose own header names it. */
  showTitle?: boolean
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const notifications = useNotifications()
  const markRead = useMarkNotificationsRead()
  const open = useOpenNotification(onNavigate)
  const items = notifications.data?.items ?? []
  const unread = notifications.data?.unread ?? 0

  return (
    <Flex vertical>
      <Flex
        justify={showTitle ? 'space-between' : 'flex-end'}
        align="center"
        style={{ padding: '0 4px 8px' }}
      >
        {showTitle ? <Typography.Text strong>{t('notifications.title')}</Typography.Text> : null}
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() =>
            markRead.mutate('all', { onError: (error) => void message.error(describeError(t, error)) })
          }
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {notifications.isPending ? (
        <Spin style={{ display: 'block', padding: 24 }} />
      ) : notifications.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('notifications.loadFailed')}
          description={describeError(t, notifications.error)}
        />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul aria-label={t('notifications.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} onOpen={() => void open(item)} />
          ))}
        </ul>
      )}
    </Flex>
  )
}
