import { Alert, Button, Form, Input, InputNumber, Radio, Select, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppealDetail } from '../../../../contracts/appeal-detail.ts'
import type { AppealRulingKind } from '../../../../contracts/appeals.ts'
import { describeError } from '../../../lib/describe-error.ts'
import type { useAppealSteps } from '../api/appeal-steps.ts'
import {
  buildChangedInputs,
  type ChangeRow,
  changeSourceOf,
  currentValue,
  findIndicator,
} from '../build-changed-inputs.ts'

// The ruling (裁决): upheld / partly upheld with the changed values of the disputed indicators (the sheet is
// recomputed, the old score stays in its history), or rejected; a note is always required.
export function RulingForm({
  appeal,
  steps,
}: {
  appeal: AppealDetail
  steps: ReturnType<typeof useAppealSteps>
}) {
  const { t } = useTranslation()
  const definition = appeal.sheet.template.definition
  const [ruling, setRuling] = useState<AppealRulingKind>('partly_upheld')
  const [note, setNote] = useState('')
  const [rows, setRows] = useState<ChangeRow[]>(() =>
    [...new Set(appeal.disputed.map((d) => d.indicatorKey))].map((key) => ({
      indicatorKey: key,
      source: changeSourceOf(findIndicator(definition, key)),
      value: null,
    })),
  )
  const indicators = useMemo(() => definition.dimensions.flatMap((d) => d.indicators), [definition])
  const setRow = (key: string, patch: Partial<ChangeRow>) =>
    setRows((list) => list.map((r) => (r.indicatorKey === key ? { ...r, ...patch } : r)))
  const changes = buildChangedInputs(appeal.sheet, rows, note.trim())
  const hasChanges = Object.keys({ ...changes.shared, ...changes.supervisor }).length > 0
  const missing = note.trim() === '' || (ruling !== 'rejected' && !hasChanges)
  const submit = () =>
    steps.rule.mutate({
      ruling,
      note: note.trim(),
      changedInputs: ruling === 'rejected' ? undefined : changes,
    })

  return (
    <Form layout="vertical">
      <Form.Item label={t('appeals.ruling.kind')}>
        <Radio.Group
          value={ruling}
          onChange={(e) => setRuling(e.target.value)}
          options={(['upheld', 'partly_upheld', 'rejected'] as const).map((r) => ({
            value: r,
            label: t(`appeals.rulings.${r}`),
          }))}
        />
      </Form.Item>
      {ruling !== 'rejected' ? (
        <Form.Item label={t('appeals.ruling.changes')} extra={t('appeals.ruling.changesHint')}>
          <Table<ChangeRow>
            rowKey="indicatorKey"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                title: t('appeals.disputed.indicator'),
                key: 'name',
                render: (_, r) => findIndicator(definition, r.indicatorKey)?.name ?? r.indicatorKey,
              },
              {
                title: t('appeals.ruling.source'),
                key: 'source',
                render: (_, r) => (
                  <Select
                    size="small"
                    value={r.source}
                    onChange={(source) => setRow(r.indicatorKey, { source })}
                    style={{ width: 110 }}
                    options={[
                      { value: 'shared', label: t('appeals.ruling.sources.shared') },
                      { value: 'supervisor', label: t('appeals.ruling.sources.supervisor') },
                    ]}
                  />
                ),
              },
              {
                title: t('appeals.ruling.current'),
                key: 'current',
                render: (_, r) => currentValue(appeal.sheet, r) ?? '—',
              },
              {
                title: t('appeals.ruling.newValue'),
                key: 'value',
                render: (_, r) => {
                  const name = findIndicator(definition, r.indicatorKey)?.name ?? r.indicatorKey
                  return (
                    <InputNumber
                      size="small"
                      value={r.value}
                      aria-label={t('appeals.ruling.newValueFor', { name })}
                      onChange={(value) => setRow(r.indicatorKey, { value: value ?? null })}
                    />
                  )
                },
              },
            ]}
          />
          <Select
            size="small"
            style={{ width: 240, marginTop: 8 }}
            placeholder={t('appeals.ruling.addIndicator')}
            value={null}
            onChange={(key: string) =>
              setRows((list) =>
                list.some((r) => r.indicatorKey === key)
                  ? list
                  : [
                      ...list,
                      {
                        indicatorKey: key,
                        source: changeSourceOf(findIndicator(definition, key)),
                        value: null,
                      },
                    ],
              )
            }
            options={indicators.map((i) => ({ value: i.key, label: i.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('appeals.ruling.note')} required>
        <Input.TextArea
          rows={3}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('appeals.ruling.note')}
        />
      </Form.Item>
      {steps.rule.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={describeError(t, steps.rule.error)}
        />
      ) : null}
      {missing ? (
        <Typography.Paragraph type="secondary">
          {ruling === 'rejected' ? t('appeals.ruling.needNote') : t('appeals.ruling.needChanges')}
        </Typography.Paragraph>
      ) : null}
      <Button type="primary" disabled={missing} loading={steps.rule.isPending} onClick={submit}>
        {t('appeals.ruling.submit')}
      </Button>
    </Form>
  )
}
