import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { type CalendarDay, useCalendar, useChangeCalendar } from '../api/calendar-api.ts'

type AddValues = { date: Dayjs; kind: CalendarDay['kind']; name: string; reason?: string }

// 工作日历: public holidays and make-up working days that every working-day deadline is counted on; the
// State Council arrangement comes from the chinese-days package for the years it covers, the admin adds or
// overrides company entries, and a year past the package is said plainly.
export function CalendarPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const canEdit = user.role === 'admin'
  const [year, setYear] = useState(dayjs().year())
  const calendar = useCalendar(year)
  const change = useChangeCalendar(year)
  const [form] = Form.useForm<AddValues>()
  if (calendar.isError)
    return (
      <Result status="error" title={t('calendar.loadFailed')} subTitle={describeError(t, calendar.error)} />
    )

  const add = (values: AddValues) =>
    change.mutate(
      {
        set: [{ date: values.date.format('YYYY-MM-DD'), kind: values.kind, name: values.name.trim() }],
        reason: values.reason?.trim() || undefined,
      },
      {
        onSuccess: () => {
          message.success(t('calendar.saved'))
          form.resetFields(['date', 'name', 'reason'])
        },
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  const remove = (date: string) =>
    change.mutate(
      { remove: [date] },
      {
        onSuccess: () => message.success(t('calendar.removed')),
        onError: (error) => message.error(describeError(t, error)),
      },
    )

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <InputNumber
            aria-label={t('calendar.year')}
            prefix={t('calendar.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        }
      />
      {calendar.data ? (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          data-testid="calendar-coverage"
          type={calendar.data.coverage.covered ? 'info' : 'warning'}
          title={
            calendar.data.coverage.covered
              ? t('calendar.coverage', calendar.data.coverage)
              : t('calendar.notCovered', {
                  year: calendar.data.year,
                  lastYear: calendar.data.coverage.lastYear,
                })
          }
          description={
            calendar.data.coverage.covered ? undefined : t('calendar.coverage', calendar.data.coverage)
          }
        />
      ) : null}
      {canEdit ? (
        <Card size="small" title={t('calendar.add')} style={{ marginBottom: 16 }}>
          <Form<AddValues> form={form} layout="inline" initialValues={{ kind: 'holiday' }} onFinish={add}>
            <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 120 }}
                options={[
                  { value: 'holiday', label: t('calendar.kinds.holiday') },
                  { value: 'workday', label: t('calendar.kinds.workday') },
                ]}
              />
            </Form.Item>
            <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={50} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="reason" label={t('calendar.reason')}>
              <Input maxLength={2000} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={change.isPending}>
                {t('calendar.save')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={calendar.isPending}
        dataSource={calendar.data?.days ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('calendar.empty') }}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date', width: 130 },
          {
            title: t('calendar.weekday'),
            key: 'weekday',
            width: 90,
            render: (_, r) => t(`calendar.weekdays.${dayjs(r.date).day()}`),
          },
          {
            title: t('calendar.kind'),
            key: 'kind',
            width: 110,
            render: (_, r) => (
              <Tag color={r.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${r.kind}`)}</Tag>
            ),
          },
          { title: t('calendar.name'), dataIndex: 'name' },
          {
            title: t('calendar.source'),
            key: 'source',
            width: 260,
            render: (_, r) => (
              <>
                <Tag color={r.source === 'company' ? 'gold' : undefined}>
                  {t(`calendar.sources.${r.source}`)}
                </Tag>
                {r.statutory ? (
                  <Typography.Text type="secondary">
                    {t('calendar.overrides', {
                      name: r.statutory.name,
                      kind: t(`calendar.kinds.${r.statutory.kind}`),
                    })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('calendar.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, r: CalendarDay) =>
                    r.source === 'company' ? (
                      <Popconfirm title={t('calendar.removeConfirm')} onConfirm={() => remove(r.date)}>
                        <Button size="small" danger>
                          {t('calendar.remove')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </>
  )
}
