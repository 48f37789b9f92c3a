import { App, Button, Card, DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { RotaCalendar } from '../../../../contracts/rota.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useAddException, useRotaEmployees } from '../api/rota-api.ts'
import { dateFormat } from '../rota-dates.ts'

type Values = {
  date: Dayjs
  employeeId: number
  kind: 'leave' | 'swap' | 'cover'
  shiftId?: number
  coverEmployeeId?: number
  note?: string
}

// 请假 / 换班 / 顶班 on one date: leave (optionally covered by someone), a swap to another shift (or rest), or
// handing a shift to a cover. The server refuses anything that double-books the agent or the cover.
export function ExceptionForm({ calendar, defaultDate }: { calendar: RotaCalendar; defaultDate: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const employees = useRotaEmployees()
  const add = useAddException()
  const [form] = Form.useForm<Values>()
  const kind = Form.useWatch('kind', form)
  const people = (employees.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.name} ${e.employeeNo}`,
  }))
  const submit = (v: Values) =>
    add.mutate(
      {
        date: v.date.format(dateFormat),
        employeeId: v.employeeId,
        kind: v.kind,
        shiftId: v.shiftId ?? null,
        coverEmployeeId: v.coverEmployeeId ?? null,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('rota.exceptionSaved'))
          form.resetFields(['shiftId', 'coverEmployeeId', 'note'])
        },
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  return (
    <Card size="small" title={t('rota.exceptionTitle')} style={{ width: 380 }}>
      <Form<Values>
        form={form}
        name="rota-exception"
        layout="horizontal"
        labelCol={{ span: 7 }}
        initialValues={{ kind: 'leave', date: dayjs(defaultDate) }}
        onFinish={submit}
      >
        <Form.Item name="date" label={t('rota.date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="employeeId" label={t('rota.agent')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item name="kind" label={t('rota.kind')} rules={[{ required: true }]}>
          <Select
            options={(['leave', 'swap', 'cover'] as const).map((k) => ({
              value: k,
              label: t(`rota.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="shiftId"
          label={t('rota.shift')}
          extra={t(`rota.shiftHelp.${kind ?? 'leave'}`)}
          rules={[{ required: kind === 'cover' }]}
        >
          <Select
            allowClear
            options={calendar.shifts.map((s) => ({ value: s.id, label: `${s.name} ${s.start}–${s.end}` }))}
          />
        </Form.Item>
        {kind !== 'swap' ? (
          <Form.Item
            name="coverEmployeeId"
            label={t('rota.coverBy')}
            rules={[{ required: kind === 'cover' }]}
          >
            <Select allowClear showSearch optionFilterProp="label" options={people} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('rota.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('rota.addException')}
        </Button>
      </Form>
    </Card>
  )
}
