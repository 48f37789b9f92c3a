import { App, Button, Card, Form, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RotaCalendar } from '../../../../contracts/rota.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useRotaEmployees, useSetPattern } from '../api/rota-api.ts'

const weekdays = [1, 2, 3, 4, 5, 6, 7]

// 每周排班: pick an agent, then the shifts they work on each weekday; saving replaces the agent's weekly pattern
// (the server refuses two overlapping shifts on one day and names the weekday).
export function PatternForm({ calendar }: { calendar: RotaCalendar }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const employees = useRotaEmployees()
  const save = useSetPattern()
  const [employeeId, setEmployeeId] = useState<number>()
  const [form] = Form.useForm<Record<string, number[]>>()
  const weekdayNames = t('rota.weekdays', { returnObjects: true }) as string[]
  const choose = (id: number) => {
    setEmployeeId(id)
    const mine = calendar.patterns.filter((p) => p.employeeId === id)
    form.setFieldsValue(
      Object.fromEntries(
        weekdays.map((w) => [`d${w}`, mine.filter((p) => p.weekday === w).map((p) => p.shiftId)]),
      ),
    )
  }
  const submit = (values: Record<string, number[] | undefined>) => {
    if (employeeId === undefined) return
    save.mutate(
      {
        employeeId,
        entries: weekdays.flatMap((weekday) =>
          (values[`d${weekday}`] ?? []).map((shiftId) => ({ weekday, shiftId })),
        ),
      },
      {
        onSuccess: () => message.success(t('rota.patternSaved')),
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  }
  return (
    <Card size="small" title={t('rota.patternTitle')} style={{ width: 380 }}>
      <Form.Item label={t('rota.agent')} htmlFor="rota-pattern-agent">
        <Select
          id="rota-pattern-agent"
          showSearch
          optionFilterProp="label"
          value={employeeId}
          onChange={choose}
          loading={employees.isPending}
          options={(employees.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${e.name} ${e.employeeNo}`,
          }))}
        />
      </Form.Item>
      <Form form={form} name="rota-pattern" layout="horizontal" labelCol={{ span: 6 }} onFinish={submit}>
        {weekdays.map((w) => (
          <Form.Item key={w} name={`d${w}`} label={weekdayNames[w - 1]}>
            <Select
              mode="multiple"
              allowClear
              disabled={employeeId === undefined}
              placeholder={t('rota.rest')}
              options={calendar.shifts.map((s) => ({ value: s.id, label: `${s.name} ${s.start}–${s.end}` }))}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" disabled={employeeId === undefined} loading={save.isPending}>
          {t('rota.savePattern')}
        </Button>
      </Form>
    </Card>
  )
}
