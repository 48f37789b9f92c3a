import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Popconfirm,
  Result,
  Segmented,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { RotaCalendar as Calendar } from '../../../../contracts/rota.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useRemoveException, useRotaCalendar } from '../api/rota-api.ts'
import { dateFormat, datesBetween, isoWeekdayOf, viewRange } from '../rota-dates.ts'
import { ExceptionForm } from './exception-form.tsx'
import { PatternForm } from './pattern-form.tsx'

type Row = { employeeId: number; name: string }
const shiftColours = ['blue', 'purple', 'cyan', 'geekblue', 'magenta', 'gold']

/** The agents on the calendar: everyone with a pattern, a shift or a leave in the range, by id. */
export function calendarAgents(calendar: Calendar): Row[] {
  const names = new Map<number, string>()
  for (const p of calendar.patterns) names.set(p.employeeId, names.get(p.employeeId) ?? `#${p.employeeId}`)
  for (const d of calendar.days) names.set(d.employeeId, d.employeeName)
  for (const l of calendar.leaves) names.set(l.employeeId, l.employeeName)
  return [...names.entries()].sort(([a], [b]) => a - b).map(([employeeId, name]) => ({ employeeId, name }))
}

// 排班日历: a week or a month, one row per agent and one column per day, with the shift (or leave) of each day;
// below it the forms that change the rota: an agent's weekly pattern, and leave, swap or cover on a date.
export function RotaCalendar() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const view = params.get('view') === 'month' ? 'month' : 'week'
  const anchor = dayjs(params.get('date') ?? undefined).isValid()
    ? dayjs(params.get('date') ?? undefined)
    : dayjs()
  const { from, to } = viewRange(view, anchor)
  const calendar = useRotaCalendar(from, to)
  const remove = useRemoveException()
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) next.set(k, v)
    setParams(next, { replace: true })
  }
  const move = (n: number) => set({ date: anchor.add(n, view).format(dateFormat) })
  if (calendar.isError)
    return <Result status="error" title={t('rota.loadFailed')} subTitle={describeError(t, calendar.error)} />

  const data = calendar.data
  const dates = datesBetween(from, to)
  const colourOf = new Map(data?.shifts.map((s, i) => [s.id, shiftColours[i % shiftColours.length]!]) ?? [])
  const cell = (employeeId: number, date: string) => {
    const days = data?.days.filter((d) => d.employeeId === employeeId && d.date === date) ?? []
    const leaves = data?.leaves.filter((l) => l.employeeId === employeeId && l.date === date) ?? []
    return (
      <Flex vertical gap={2}>
        {days.map((d) => (
          <Tag
            key={`${d.shiftId}-${d.source}`}
            color={colourOf.get(d.shiftId)}
            style={{ marginInlineEnd: 0 }}
          >
            {d.shiftName}
            {d.source === 'cover'
              ? ` · ${t('rota.cover')}`
              : d.source === 'swap'
                ? ` · ${t('rota.swap')}`
                : ''}
          </Tag>
        ))}
        {leaves.map((l) => (
          <Tag key={`leave-${l.shiftName}`} color="red" style={{ marginInlineEnd: 0 }}>
            {t('rota.leave')} {l.shiftName}
          </Tag>
        ))}
      </Flex>
    )
  }
  const weekdayNames = t('rota.weekdays', { returnObjects: true }) as string[]

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <Segmented
          aria-label={t('rota.view')}
          value={view}
          onChange={(v) => set({ view: String(v) })}
          options={[
            { value: 'week', label: t('rota.week') },
            { value: 'month', label: t('rota.month') },
          ]}
        />
        <Button aria-label={t('rota.previous')} icon={<LeftOutlined />} onClick={() => move(-1)} />
        <DatePicker
          aria-label={t('rota.date')}
          picker={view}
          value={anchor}
          allowClear={false}
          onChange={(d) => d && set({ date: d.format(dateFormat) })}
        />
        <Button aria-label={t('rota.next')} icon={<RightOutlined />} onClick={() => move(1)} />
        <Typography.Text type="secondary">
          {from} – {to}
          {data ? ` (${data.timeZone})` : ''}
        </Typography.Text>
      </Flex>
      <Table<Row>
        aria-label={t('rota.calendarTable')}
        rowKey="employeeId"
        size="small"
        bordered
        loading={calendar.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data ? calendarAgents(data) : []}
        locale={{ emptyText: t('rota.noAgents') }}
        columns={[
          { title: t('rota.agent'), dataIndex: 'name', fixed: 'left', width: 90 },
          ...dates.map((date) => ({
            key: date,
            title: (
              <span style={{ whiteSpace: 'nowrap' }}>
                {date.slice(5)} {weekdayNames[isoWeekdayOf(date) - 1]}
              </span>
            ),
            width: view === 'week' ? 120 : 80,
            render: (_: unknown, row: Row) => cell(row.employeeId, date),
          })),
        ]}
      />
      {data ? (
        <Flex wrap gap={16} align="flex-start">
          <PatternForm calendar={data} />
          <ExceptionForm calendar={data} defaultDate={from} />
        </Flex>
      ) : null}
      {data && data.exceptions.length > 0 ? (
        <Card size="small" title={t('rota.exceptionsTitle')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.exceptions}
            columns={[
              { title: t('rota.date'), dataIndex: 'date', width: 110 },
              {
                title: t('rota.agent'),
                dataIndex: 'employeeId',
                render: (id: number) =>
                  calendarAgents(data).find((a) => a.employeeId === id)?.name ?? `#${id}`,
              },
              { title: t('rota.kind'), dataIndex: 'kind', render: (k: string) => t(`rota.kinds.${k}`) },
              {
                title: t('rota.shift'),
                dataIndex: 'shiftId',
                render: (id: number | null) =>
                  id === null ? t('rota.wholeDay') : (data.shifts.find((s) => s.id === id)?.name ?? `#${id}`),
              },
              { title: t('rota.note'), dataIndex: 'note' },
              {
                title: t('rota.actions'),
                key: 'actions',
                render: (_: unknown, e: { id: number }) => (
                  <Popconfirm
                    title={t('rota.removeConfirm')}
                    onConfirm={() =>
                      remove.mutate(e.id, {
                        onSuccess: () => message.success(t('rota.removed')),
                        onError: (error) => message.error(describeError(t, error)),
                      })
                    }
                  >
                    <Button size="small" danger>
                      {t('rota.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
    </Flex>
  )
}
