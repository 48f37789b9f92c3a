import { Card, Flex, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'

// Every step taken on the sheet, newest first: what, by whom, when, and the reason given.
export function SheetHistory({ sheet }: { sheet: Pick<SheetDetail, 'events'> }) {
  const { t } = useTranslation()
  if (sheet.events.length === 0) return null
  return (
    <Card size="small" title={t('sheets.history.title')} data-testid="sheet-history">
      <Flex vertical gap={6}>
        {[...sheet.events].reverse().map((e, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: events are an append-only list
          <Typography.Text key={index} style={{ fontSize: 12 }}>
            <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>{' '}
            {e.actorName ?? t('sheets.history.system')} ·{' '}
            {t(`sheets.action.${e.action}`, { defaultValue: e.action })}
            {e.reason ? `（${e.reason}）` : ''}
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  )
}
