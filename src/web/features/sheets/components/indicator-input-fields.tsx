import { Flex, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Indicator, IndicatorInput } from '../../../../contracts/sheets.ts'
import { UnitNumberInput } from '../../templates/components/unit-number-input.tsx'
import { formatNumber } from '../format-value.ts'
import { type ReviewField, reviewFieldsFor, scoreBounds } from '../review-fields.ts'

// The inputs one rater gives for one indicator, as its rule needs them: an actual value (percent units
// typed as percentages), occurrences, counts per category, a level, a score within bounds, done / not done,
// a veto event, formula variables. Every box is labelled "<indicator> <field>" for screen readers.
export function IndicatorInputFields({
  indicator,
  value,
  onChange,
  disabled,
  fields = reviewFieldsFor(indicator),
}: {
  /** An indicator, or a bonus/deduction item (which has no unit). */
  indicator: Pick<Indicator, 'name' | 'rule' | 'dataSource'> & { unit?: string }
  value: IndicatorInput
  onChange: (next: IndicatorInput) => void
  disabled?: boolean
  /** The fields to show; by default those the rater fills in (reviewFieldsFor). */
  fields?: ReviewField[]
}) {
  const { t } = useTranslation()
  const rule = indicator.rule
  const label = (field: ReviewField | string) => `${indicator.name} ${t(`sheets.field.${field}`)}`
  const set = (patch: Partial<IndicatorInput>) => onChange({ ...value, ...patch })
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
  const bounds = scoreBounds(rule)

  return (
    <Flex wrap gap={8} align="center">
      {fields.includes('actual') ? (
        <UnitNumberInput
          aria-label={label('actual')}
          placeholder={t('sheets.field.actual')}
          disabled={disabled}
          width={140}
          unit={indicator.unit}
          value={value.actual}
          onChange={(actual) => set({ actual })}
        />
      ) : null}
      {fields.includes('occurrences') ? (
        <InputNumber
          aria-label={label('occurrences')}
          placeholder={t('sheets.field.occurrences')}
          disabled={disabled}
          min={0}
          precision={0}
          style={{ width: 120 }}
          value={value.occurrences ?? null}
          onChange={(v) => set({ occurrences: num(v) })}
        />
      ) : null}
      {fields.includes('counts') && rule.shape === 'weighted_deductions'
        ? rule.categories.map((category) => (
            <InputNumber
              key={category.key}
              aria-label={`${indicator.name} ${category.label || category.key}`}
              placeholder={category.label || category.key}
              disabled={disabled}
              min={0}
              precision={0}
              style={{ width: 120 }}
              value={value.counts?.[category.key] ?? null}
              onChange={(v) => {
                const counts = { ...value.counts }
                const n = num(v)
                if (n === undefined) delete counts[category.key]
                else counts[category.key] = n
                set({ counts })
              }}
            />
          ))
        : null}
      {fields.includes('level') && rule.shape === 'levels' ? (
        <Select
          aria-label={label('level')}
          placeholder={t('sheets.field.level')}
          disabled={disabled}
          allowClear
          style={{ minWidth: 160 }}
          value={value.level}
          onChange={(level?: string) => set({ level })}
          options={rule.levels.map((level) => ({
            value: level.code,
            label: `${level.code}${level.label && level.label !== level.code ? ` ${level.label}` : ''} (${formatNumber(level.points)})`,
          }))}
        />
      ) : null}
      {fields.includes('score') ? (
        <InputNumber
          aria-label={label('score')}
          placeholder={
            bounds ? `${formatNumber(bounds.min)}–${formatNumber(bounds.max)}` : t('sheets.field.score')
          }
          disabled={disabled}
          style={{ width: 120 }}
          value={value.score ?? null}
          onChange={(v) => set({ score: num(v) })}
        />
      ) : null}
      {fields.includes('passed') ? (
        <Radio.Group
          aria-label={label('passed')}
          disabled={disabled}
          value={value.passed}
          onChange={(e) => set({ passed: e.target.value as boolean })}
          options={[
            { value: true, label: t('sheets.field.done') },
            { value: false, label: t('sheets.field.notDone') },
          ]}
        />
      ) : null}
      {fields.includes('violated') ? (
        <Flex gap={6} align="center">
          <Switch
            aria-label={label('violated')}
            disabled={disabled}
            checked={value.violated === true}
            onChange={(violated) => set({ violated })}
          />
          <Typography.Text>{t('sheets.field.violated')}</Typography.Text>
        </Flex>
      ) : null}
      {fields.includes('variables') && rule.shape === 'formula'
        ? (rule.variables ?? []).map((name) => (
            <InputNumber
              key={name}
              aria-label={`${indicator.name} ${name}`}
              placeholder={name}
              disabled={disabled}
              style={{ width: 120 }}
              value={value.variables?.[name] ?? null}
              onChange={(v) => {
                const variables = { ...value.variables }
                const n = num(v)
                if (n === undefined) delete variables[name]
                else variables[name] = n
                set({ variables })
              }}
            />
          ))
        : null}
    </Flex>
  )
}

/** The indicator's comment box (mandatory for discretionary scores). */
export function IndicatorComment({
  indicator,
  value,
  onChange,
  required,
  disabled,
}: {
  indicator: Indicator
  value: string | undefined
  onChange: (comment: string) => void
  required: boolean
  disabled?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Input.TextArea
      aria-label={`${indicator.name} ${t('sheets.field.comment')}`}
      placeholder={required ? t('sheets.field.commentRequired') : t('sheets.field.comment')}
      autoSize={{ minRows: 1, maxRows: 4 }}
      maxLength={2000}
      disabled={disabled}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
