import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Popconfirm, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'

// The employee's electronic signature (签字确认) under the result: who signed and when; signing opens the
// appeal window, whose last day is shown.
export function SignPanel({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const step = useSheetStep()
  const canSign = sheet.allowedActions.includes('sign')
  const signedBy = [...sheet.events].reverse().find((e) => e.action === 'sign')
  if (!sheet.signedAt && !canSign) return null
  return (
    <Card size="small" title={t('sheets.sign.title')} data-testid="sign-panel">
      {sheet.signedAt ? (
        <Flex vertical gap={4}>
          <Typography.Text data-testid="signature">
            <SafetyCertificateOutlined style={{ color: '#52c41a' }} />{' '}
            {t('sheets.sign.signed', {
              who: signedBy?.actorName ?? sheet.employee.name,
              at: dayjs(sheet.signedAt).format('YYYY-MM-DD HH:mm:ss'),
            })}
          </Typography.Text>
          {sheet.appealDeadline ? (
            <Typography.Text type="secondary">
              {t('sheets.sign.appealUntil', { date: sheet.appealDeadline })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('sheets.sign.statement', {
              name: user.displayName,
              window: sheet.cycle.appealWindowDays ?? 3,
            })}
          </Typography.Paragraph>
          {step.isError ? <Alert type="error" showIcon title={describeError(t, step.error)} /> : null}
          <Flex justify="flex-end">
            <Popconfirm
              title={t('sheets.sign.confirm')}
              okText={t('sheets.sign.sign')}
              cancelText={t('sheets.cancel')}
              onConfirm={() =>
                step.mutate(
                  { sheetId: sheet.id, step: 'sign', body: { expectedVersion: sheet.version } },
                  { onSuccess: () => void message.success(t('sheets.sign.done')) },
                )
              }
            >
              <Button type="primary" icon={<SafetyCertificateOutlined />} loading={step.isPending}>
                {t('sheets.sign.sign')}
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
      )}
    </Card>
  )
}
