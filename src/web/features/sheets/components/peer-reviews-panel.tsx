import { Alert, App, Button, Card, Empty, Flex, Select, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useEmployees } from '../../organisation/api/get-employees.ts'
import { useDebouncedValue } from '../../templates/use-debounced-value.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'
import { ReviewInputSummary } from './review-view.tsx'

// The reviewer (or HR) chooses the colleagues who review the employee, searching by name; the employee
// never sees this choice.
function PeerAssignment({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const current = sheet.peerReviews.flatMap((p) =>
    p.peerReviewerEmployeeId === undefined
      ? []
      : [{ value: p.peerReviewerEmployeeId, label: p.peerReviewerName ?? '' }],
  )
  const [chosen, setChosen] = useState<number[]>(current.map((c) => c.value))
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search, 300)
  const employees = useEmployees({
    q: q || undefined,
    departmentId: q ? undefined : sheet.department?.id,
    status: 'active',
    page: 1,
    pageSize: 50,
  })
  const options = new Map(current.map((c) => [c.value, c.label]))
  for (const e of employees.data?.items ?? [])
    if (e.id !== sheet.employee.id)
      options.set(e.id, `${e.name}${e.departmentName ? ` · ${e.departmentName}` : ''}`)
  return (
    <Flex vertical gap={8} data-testid="peer-assignment">
      <Select
        mode="multiple"
        aria-label={t('sheets.peers.choose')}
        placeholder={t('sheets.peers.choose')}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        value={chosen}
        onChange={setChosen}
        options={[...options].map(([value, label]) => ({ value, label }))}
        style={{ width: '100%' }}
      />
      {step.isError ? <Alert type="error" showIcon title={describeError(t, step.error)} /> : null}
      <Flex justify="flex-end">
        <Button
          loading={step.isPending}
          onClick={() =>
            step.mutate(
              {
                sheetId: sheet.id,
                step: 'peers',
                body: { expectedVersion: sheet.version, reviewerEmployeeIds: chosen },
              },
              { onSuccess: () => void message.success(t('sheets.peers.assigned')) },
            )
          }
        >
          {t('sheets.peers.assign')}
        </Button>
      </Flex>
    </Flex>
  )
}

// Peer reviews collected for the sheet (同事互评). The reviewer and HR see who wrote each and whether it is
// in; the employee gets only the submitted ones, numbered, because the API never tells them the author.
export function PeerReviewsPanel({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const indicators = sheet.template.definition.dimensions.flatMap((d) => d.indicators)
  const canAssign = sheet.allowedActions.includes('assign_peers')
  if (sheet.peerReviews.length === 0 && !canAssign) return null
  return (
    <Card size="small" title={t('sheets.peers.title')} data-testid="peer-reviews-panel">
      {canAssign ? <PeerAssignment key={sheet.version} sheet={sheet} /> : null}
      {sheet.peerReviews.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sheets.peers.none')} />
      ) : (
        <Flex vertical gap={12}>
          {sheet.peerReviews.map((peer, index) => (
            <Flex key={peer.id ?? index} vertical gap={4} data-testid="peer-review">
              <Flex wrap gap={8} align="center">
                <Typography.Text strong>
                  {peer.peerReviewerName ?? t('sheets.peers.anonymous', { n: index + 1 })}
                </Typography.Text>
                {peer.submittedAt === undefined ? null : peer.submittedAt ? (
                  <Tag color="green">
                    {t('sheets.peers.submittedAt', { at: dayjs(peer.submittedAt).format('YYYY-MM-DD') })}
                  </Tag>
                ) : (
                  <Tag>{t('sheets.peers.pending')}</Tag>
                )}
              </Flex>
              {indicators
                .filter((i) => peer.indicators?.[i.key])
                .map((i) => (
                  <Typography.Text key={i.key} style={{ fontSize: 13 }}>
                    {i.name}：<ReviewInputSummary indicator={i} input={peer.indicators![i.key]!} />
                  </Typography.Text>
                ))}
              {peer.comment ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {peer.comment}
                </Typography.Paragraph>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  )
}
