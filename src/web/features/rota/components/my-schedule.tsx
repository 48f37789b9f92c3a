import { Card, Col, Empty, Flex, List, Result, Row, Statistic, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useAttendance, useRotaCalendar } from '../api/rota-api.ts'
import { dateFormat, isoWeekdayOf } from '../rota-dates.ts'

// 我的排班: an agent's next two weeks of shifts and this month's attendance (出勤率, 迟到, 早退, 旷工, 请假),
// one column wide so it reads on a phone.
export function MySchedule({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const today = dayjs()
  const from = today.format(dateFormat)
  const to = today.add(13, 'day').format(dateFormat)
  const month = today.format('YYYY-MM')
  const calendar = useRotaCalendar(from, to)
  const attendance = useAttendance(month)
  const weekdayNames = t('rota.weekdays', { returnObjects: true }) as string[]
  if (user.employeeId === null) return <Result status="info" title={t('rota.noEmployee')} />
  if (calendar.isError)
    return <Result status="error" title={t('rota.loadFailed')} subTitle={describeError(t, calendar.error)} />
  const mine = (calendar.data?.days ?? []).filter((d) => d.employeeId === user.employeeId)
  const leaves = (calendar.data?.leaves ?? []).filter((l) => l.employeeId === user.employeeId)
  const entries = [
    ...mine.map((d) => ({
      key: `${d.date}-${d.shiftId}`,
      date: d.date,
      title: d.shiftName,
      time: `${d.start}–${d.end}`,
      tag: d.source === 'cover' ? t('rota.cover') : d.source === 'swap' ? t('rota.swap') : null,
      leave: false,
    })),
    ...leaves.map((l) => ({
      key: `${l.date}-leave-${l.shiftName}`,
      date: l.date,
      title: l.shiftName,
      time: '',
      tag: t('rota.leave'),
      leave: true,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time))
  const summary = attendance.data?.summaries.find((s) => s.employeeId === user.employeeId)
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      {embedded ? null : (
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('rota.myTitle')}
        </Typography.Title>
      )}
      <Card size="small" title={t('rota.attendanceTitle', { month })} loading={attendance.isPending}>
        {attendance.data && !attendance.data.clockData && summary ? (
          // Without imported clock data nobody is absent: the month says so instead of 旷工 and 0.0 % (issue 16).
          <Empty description={t('rota.noClockData')} />
        ) : summary ? (
          <Row gutter={[8, 12]}>
            <Col span={12}>
              <Statistic
                title={t('rota.attendanceRate')}
                value={summary.attendanceRate === null ? '—' : (summary.attendanceRate * 100).toFixed(1)}
                suffix={summary.attendanceRate === null ? undefined : '%'}
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('rota.attended')}
                value={summary.attendedShifts}
                suffix={`/ ${summary.scheduledShifts}`}
              />
            </Col>
            <Col span={6}>
              <Statistic title={t('rota.late')} value={summary.lateCount} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rota.earlyLeave')} value={summary.earlyLeaveCount} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rota.absent')} value={summary.absenceCount} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rota.leaveDays')} value={summary.leaveDays} />
            </Col>
          </Row>
        ) : (
          <Empty description={t('rota.noAttendance')} />
        )}
      </Card>
      <Card size="small" title={t('rota.upcoming', { from, to })} loading={calendar.isPending}>
        <List
          aria-label={t('rota.upcomingList')}
          dataSource={entries}
          locale={{ emptyText: t('rota.noShifts') }}
          renderItem={(e) => (
            <List.Item key={e.key}>
              <Flex justify="space-between" align="center" style={{ width: '100%' }} gap={8}>
                <div>
                  <Typography.Text strong>
                    {e.date.slice(5)} {weekdayNames[isoWeekdayOf(e.date) - 1]}
                  </Typography.Text>
                  {e.date === from ? (
                    <Tag color="green" style={{ marginInlineStart: 8 }}>
                      {t('rota.today')}
                    </Tag>
                  ) : null}
                </div>
                <div style={{ textAlign: 'right' }}>
                  <Typography.Text delete={e.leave}>{e.title}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{e.time}</Typography.Text>
                  {e.tag ? (
                    <Tag
                      color={e.leave ? 'red' : 'blue'}
                      style={{ marginInlineStart: 6, marginInlineEnd: 0 }}
                    >
                      {e.tag}
                    </Tag>
                  ) : null}
                </div>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  )
}
