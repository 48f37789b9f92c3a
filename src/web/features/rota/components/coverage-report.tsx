import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Flex, Result, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { CoverageGap } from '../../../../contracts/rota.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCoverage } from '../api/rota-api.ts'
import { dateFormat, viewRange } from '../rota-dates.ts'

// 覆盖检查: for a date range, every stretch of the service hours with fewer agents on duty than required
// (highlighted), and the agents over the weekly-hours or consecutive-days limit. The range lives in the address.
export function CoverageReport() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const week = viewRange('week', dayjs())
  const from = params.get('from') ?? week.from
  const to = params.get('to') ?? week.to
  const report = useCoverage(from, to)
  const name = (id: number) => report.data?.employeeNames[id] ?? `#${id}`
  const setRange = (a: string, b: string) => {
    const next = new URLSearchParams(params)
    next.set('from', a)
    next.set('to', b)
    setParams(next, { replace: true })
  }
  const data = report.data
  const limits = data ? data.weeklyHoursViolations.length + data.consecutiveDaysViolations.length : 0
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <DatePicker.RangePicker
          aria-label={t('rota.range')}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(r) => r?.[0] && r[1] && setRange(r[0].format(dateFormat), r[1].format(dateFormat))}
        />
        <Button icon={<DownloadOutlined />} href={`/api/rota/export?month=${from.slice(0, 7)}`} download>
          {t('rota.exportMonth', { month: from.slice(0, 7) })}
        </Button>
      </Flex>
      {report.isError ? (
        <Result status="error" title={t('rota.loadFailed')} subTitle={describeError(t, report.error)} />
      ) : null}
      {data ? (
        <Alert
          type={data.gaps.length === 0 && limits === 0 ? 'success' : 'warning'}
          showIcon
          message={
            data.gaps.length === 0
              ? t('rota.allCovered')
              : t('rota.gapCount', { count: data.gaps.length, from: data.from, to: data.to })
          }
          description={limits > 0 ? t('rota.limitCount', { count: limits }) : undefined}
        />
      ) : null}
      <Card size="small" title={t('rota.gapsTitle')}>
        <Table<CoverageGap>
          aria-label={t('rota.gapsTitle')}
          rowKey={(g) => `${g.date}-${g.from}`}
          size="small"
          loading={report.isPending}
          pagination={false}
          dataSource={data?.gaps ?? []}
          rowClassName={() => 'rota-gap-row'}
          onRow={() => ({ style: { background: '#fff1f0' } })}
          locale={{ emptyText: t('rota.allCovered') }}
          columns={[
            { title: t('rota.date'), dataIndex: 'date', width: 110 },
            { title: t('rota.weekday'), dataIndex: 'weekdayName', width: 90 },
            {
              title: t('rota.interval'),
              key: 'interval',
              render: (_: unknown, g) => (
                <Typography.Text strong type="danger">
                  {g.from}–{g.to}
                </Typography.Text>
              ),
            },
            {
              title: t('rota.onDuty'),
              key: 'duty',
              render: (_: unknown, g) => (
                <Tag color="red">
                  {g.onDuty} / {g.required}
                </Tag>
              ),
            },
            {
              title: t('rota.agentsOnDuty'),
              dataIndex: 'employeeIds',
              render: (ids: number[]) => ids.map(name).join('、') || '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('rota.limitsTitle')}>
        <Table
          aria-label={t('rota.limitsTitle')}
          rowKey={(r) => `${r.rule}-${r.employeeId}-${r.from}`}
          size="small"
          pagination={false}
          loading={report.isPending}
          locale={{ emptyText: t('rota.noLimits') }}
          dataSource={[
            ...(data?.weeklyHoursViolations ?? []).map((v) => ({
              rule: t('rota.weeklyHours'),
              employeeId: v.employeeId,
              from: v.weekStart,
              to: v.weekEnd,
              value: `${v.hours} h`,
              limit: `${v.limit} h`,
            })),
            ...(data?.consecutiveDaysViolations ?? []).map((v) => ({
              rule: t('rota.consecutiveDays'),
              employeeId: v.employeeId,
              from: v.from,
              to: v.to,
              value: t('rota.days', { count: v.days }),
              limit: t('rota.days', { count: v.limit }),
            })),
          ]}
          columns={[
            { title: t('rota.agent'), dataIndex: 'employeeId', render: (id: number) => name(id) },
            { title: t('rota.rule'), dataIndex: 'rule' },
            { title: t('rota.from'), dataIndex: 'from' },
            { title: t('rota.to'), dataIndex: 'to' },
            {
              title: t('rota.actual'),
              dataIndex: 'value',
              render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text>,
            },
            { title: t('rota.limit'), dataIndex: 'limit' },
          ]}
        />
      </Card>
    </Flex>
  )
}
