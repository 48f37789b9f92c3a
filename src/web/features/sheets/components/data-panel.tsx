import { Alert, App, Button, Card, Divider, Flex, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorInput, SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { describeRule } from '../../templates/describe-rule.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'
import { reviewFieldsFor } from '../review-fields.ts'
import { IndicatorInputFields } from './indicator-input-fields.tsx'

type Inputs = Record<string, IndicatorInput>

// Data the reviewer enters before computing (录入数据): the actual of a metric-bound indicator when the
// imported figure is missing or wrong — it then wins over the import, so a reason is required and audited —
// and the bonus/deduction items (加分项、扣分项). Only keys that changed are sent; the others stay.
export function DataPanel({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const template = sheet.template.definition
  const metricBound = template.dimensions
    .flatMap((d) => d.indicators)
    .filter((i) => i.dataSource.kind === 'metric')
  const items = template.adjustments.filter((a) => reviewFieldsFor(a).length > 0)
  const [indicators, setIndicators] = useState<Inputs>(sheet.sharedInputs?.indicators ?? {})
  const [adjustments, setAdjustments] = useState<Inputs>(sheet.sharedInputs?.adjustments ?? {})
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  if (!sheet.allowedActions.includes('set_data') || (metricBound.length === 0 && items.length === 0))
    return null

  const changed = (now: Inputs, before: Inputs | undefined) =>
    Object.fromEntries(
      Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before?.[k])),
    )

  const save = () => {
    setFormError(null)
    const body = {
      expectedVersion: sheet.version,
      indicators: changed(indicators, sheet.sharedInputs?.indicators),
      adjustments: changed(adjustments, sheet.sharedInputs?.adjustments),
      reason: reason.trim() || undefined,
    }
    if (Object.keys(body.indicators).length + Object.keys(body.adjustments).length === 0)
      return setFormError(t('sheets.data.nothingChanged'))
    if (Object.keys(body.indicators).length > 0 && !body.reason)
      return setFormError(t('sheets.data.needReason'))
    step.mutate(
      { sheetId: sheet.id, step: 'data', body },
      {
        onSuccess: () => {
          setReason('')
          void message.success(t('sheets.data.saved'))
        },
      },
    )
  }

  return (
    <Card size="small" title={t('sheets.data.title')} data-testid="data-panel">
      <Flex vertical gap={10}>
        {metricBound.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sheets.data.metricHint')}
          </Typography.Text>
        ) : null}
        {metricBound.map((indicator) => (
          <Flex key={indicator.key} vertical gap={4}>
            <Typography.Text strong>{indicator.name}</Typography.Text>
            <IndicatorInputFields
              indicator={indicator}
              fields={['actual']}
              value={indicators[indicator.key] ?? {}}
              onChange={(next) => setIndicators({ ...indicators, [indicator.key]: next })}
            />
          </Flex>
        ))}
        {items.length > 0 ? (
          <Divider titlePlacement="start" style={{ marginBlock: 4 }}>
            {t('sheets.breakdown.adjustments')}
          </Divider>
        ) : null}
        {items.map((item) => (
          <Flex key={item.key} vertical gap={4}>
            <Typography.Text strong>{item.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {describeRule(t, item.rule)}
            </Typography.Text>
            <IndicatorInputFields
              indicator={item}
              value={adjustments[item.key] ?? {}}
              onChange={(next) => setAdjustments({ ...adjustments, [item.key]: next })}
            />
          </Flex>
        ))}
        <Input.TextArea
          aria-label={t('sheets.data.reason')}
          placeholder={t('sheets.data.reason')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {formError ? <Alert type="error" showIcon title={formError} /> : null}
        {step.isError ? <Alert type="error" showIcon title={describeError(t, step.error)} /> : null}
        <Flex justify="flex-end">
          <Button loading={step.isPending} onClick={save}>
            {t('sheets.data.save')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  )
}
