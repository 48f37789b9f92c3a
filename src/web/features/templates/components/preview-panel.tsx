import {
  Alert,
  Button,
  Card,
  Divider,
  Flex,
  Input,
  Select,
  Spin,
  Statistic,
  Switch,
  Tag,
  Typography,
} from 'antd'
import { type Dispatch, type SetStateAction, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SheetScore } from '../../../../contracts/sheets.ts'
import type {
  AdjustmentItem,
  Indicator,
  IndicatorInput,
  Rule,
  Template,
} from '../../../../contracts/template.ts'
import type { TemplateIssue, TemplatePreviewPay } from '../../../../contracts/template-api.ts'
import { formatUnitValue, unitOf } from '../../../../contracts/unit-values.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useTemplatePreview } from '../api/preview-template.ts'
import { describeRule } from '../describe-rule.ts'
import { pickText } from '../describe-template-parts.ts'
import { formatNumber } from '../format-number.ts'
import { issueMessage } from '../issue-paths.ts'
import { type PreviewInputs, previewFieldsFor, splitPreviewIssues, toSheetInputs } from '../preview-fields.ts'
import { useDebouncedValue } from '../use-debounced-value.ts'
import { IssueList } from './field.tsx'
import { NumberInput } from './number-input.tsx'
import { PayPreviewSection } from './pay-preview.tsx'
import { UnitNumberInput } from './unit-number-input.tsx'

type Item = {
  key: string
  name: string
  /** The most the item can give; undefined for an uncapped bonus or deduction item. */
  maxPoints?: number
  rule: Rule
  unit?: string
  targetHint?: number
}

function indicatorItem(indicator: Indicator): Item {
  const target = indicator.target
  return {
    key: indicator.key,
    name: indicator.name,
    maxPoints: indicator.maxPoints,
    rule: indicator.rule,
    unit: indicator.unit,
    targetHint:
      target.kind === 'fixed' ? target.value : target.kind === 'per_employee' ? target.default : undefined,
  }
}

function adjustmentItem(item: AdjustmentItem): Item {
  return { key: item.key, name: item.name, maxPoints: item.cap, rule: item.rule }
}

/** An indicator's or a bonus/deduction item's score: its points, whether its input was missing, and why. */
type ItemScore = SheetScore['dimensions'][number]['indicators'][number] | SheetScore['adjustments'][number]

/** Indicator and adjustment scores by key. */
function scoresByKey(score: SheetScore | null | undefined): Map<string, ItemScore> {
  const map = new Map<string, ItemScore>()
  if (!score) return map
  for (const d of score.dimensions) for (const i of d.indicators) map.set(i.key, i)
  for (const i of score.adjustments) map.set(i.key, i)
  return map
}

/** The pay request without empty boxes, so an empty input reads as missing rather than as zero. */
function filledPayRequest(request: TemplatePreviewPay): TemplatePreviewPay {
  const values = Object.fromEntries(
    Object.entries(request.values ?? {}).filter(([, v]) => String(v).trim() !== ''),
  )
  return { ...(request.schemeCode ? { schemeCode: request.schemeCode } : {}), values }
}

// The live preview beside the editor: sample inputs per indicator, scored by the real engine on the unsaved
// draft, with each indicator's points and explanation, the dimension subtotals, total, grade and coefficient.
export function PreviewPanel({
  draft,
  inputs,
  onInputs: setInputs,
}: {
  draft: Template
  inputs: PreviewInputs
  onInputs: Dispatch<SetStateAction<PreviewInputs>>
}) {
  const { t, i18n } = useTranslation()
  const [payRequest, setPayRequest] = useState<TemplatePreviewPay>({})
  const request = useMemo(
    () => ({ definition: draft, inputs: toSheetInputs(draft, inputs), pay: filledPayRequest(payRequest) }),
    [draft, inputs, payRequest],
  )
  const debounced = useDebouncedValue(request, 400)
  const preview = useTemplatePreview(debounced)
  const score = preview.data?.score
  const scores = scoresByKey(score)
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const previewIssues = splitPreviewIssues(preview.data?.issues ?? [])
  const pending = preview.isFetching || debounced !== request

  const setInput = (key: string, patch: Partial<IndicatorInput>) =>
    setInputs((current) => ({ ...current, [key]: { ...current[key], ...patch } }))

  // The draft's own label for the grade when it still has it (the editor may have renamed it since).
  const grade = score?.grade
  const gradeBand = draft.scoring.grades.find((g) => g.grade === grade?.grade)
  const gradeText = gradeBand
    ? pickText(gradeBand.label, i18n.language)
    : grade
      ? pickText(grade.label, i18n.language)
      : '—'

  const renderItem = (item: Item) => (
    <PreviewItem
      key={item.key}
      item={item}
      input={inputs[item.key] ?? {}}
      onInput={(patch) => setInput(item.key, patch)}
      score={scores.get(item.key)}
      language={language}
      issues={previewIssues.byKey.get(item.key)}
    />
  )

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          {t('templates.preview.title')}
          {pending ? <Spin size="small" /> : null}
        </Flex>
      }
      extra={
        <Button size="small" onClick={() => setInputs({})}>
          {t('templates.preview.reset')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('templates.preview.subtitle')}
      </Typography.Paragraph>
      <Flex wrap gap={24} style={{ marginBottom: 12 }} data-testid="preview-summary">
        <Statistic
          title={t('templates.preview.total')}
          value={score ? formatNumber(score.total) : '—'}
          valueRender={(node) => <span data-testid="preview-total">{node}</span>}
        />
        <Statistic title={t('templates.preview.grade')} value={score ? gradeText : '—'} />
        <Statistic
          title={t('templates.preview.coefficient')}
          value={score ? formatNumber(score.coefficient) : '—'}
        />
      </Flex>
      {score ? (
        <Flex vertical gap={2} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('templates.preview.breakdown', {
              base: formatNumber(score.base),
              bonus: formatNumber(score.bonus),
              deduction: formatNumber(score.deduction),
            })}
          </Typography.Text>
          {score.vetoed === 'total' ? <Tag color="red">{t('templates.preview.vetoed')}</Tag> : null}
          <Typography.Text style={{ fontSize: 12 }} data-testid="preview-total-explanation">
            {score.explanation[language] || score.explanation['zh-CN']}
          </Typography.Text>
        </Flex>
      ) : null}
      {preview.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('templates.preview.failed')}
          description={describeError(t, preview.error)}
        />
      ) : null}
      {previewIssues.general.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('templates.preview.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {previewIssues.general.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  {issue.path ? `${issue.path}: ` : ''}
                  {issueMessage(issue, i18n.language)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <PayPreviewSection result={preview.data} request={payRequest} onRequest={setPayRequest} />
      {draft.dimensions.map((dimension, index) => {
        const subtotal = score?.dimensions.find((d) => d.key === dimension.key) ?? score?.dimensions[index]
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: dimension keys may be mid-edit (duplicate or empty) in the draft
          <div key={`${index}:${dimension.key}`}>
            <Divider titlePlacement="start" style={{ marginBlock: 12 }}>
              <Flex gap={8} align="center">
                <span>{dimension.name}</span>
                <Tag color="blue" data-testid={`preview-dimension-${dimension.key}`}>
                  {t('templates.preview.dimensionSubtotal', {
                    points: subtotal ? formatNumber(subtotal.points) : '—',
                    max: formatNumber(dimension.maxPoints),
                  })}
                </Tag>
              </Flex>
            </Divider>
            <Flex vertical gap={12}>
              {dimension.indicators.map((indicator) => renderItem(indicatorItem(indicator)))}
            </Flex>
          </div>
        )
      })}
      {draft.adjustments.length > 0 ? (
        <>
          <Divider titlePlacement="start" style={{ marginBlock: 12 }}>
            {t('templates.preview.adjustments')}
          </Divider>
          <Flex vertical gap={12}>
            {draft.adjustments.map((item) => renderItem(adjustmentItem(item)))}
          </Flex>
        </>
      ) : null}
    </Card>
  )
}

/** One item of the preview: its sample inputs (in the item's unit), points and explanation. */
export function PreviewItem({
  item,
  input,
  onInput,
  score,
  language,
  issues,
}: {
  item: Item
  issues: TemplateIssue[] | undefined
  input: IndicatorInput
  onInput: (patch: Partial<IndicatorInput>) => void
  score: ItemScore | undefined
  language: 'zh-CN' | 'en'
}) {
  const { t } = useTranslation()
  const fields = previewFieldsFor(item.rule)
  // An untouched item's "missing input" notes are noise: its points already read as not scored.
  const touched = Object.values(input).some((v) => v !== undefined && v !== '')
  const rule = item.rule
  const label = (field: string) =>
    t('templates.preview.fieldFor', { name: item.name, field: t(`templates.preview.${field}`) })

  return (
    <Flex vertical gap={4} data-testid={`preview-item-${item.key}`}>
      <Flex justify="space-between" gap={8} align="baseline">
        <Typography.Text strong>{item.name}</Typography.Text>
        <Tag
          color={score ? (score.missing ? 'default' : 'green') : 'default'}
          data-testid={`preview-points-${item.key}`}
        >
          {!score
            ? t('templates.preview.notScored')
            : item.maxPoints === undefined
              ? t('templates.preview.pointsOnly', { points: formatNumber(score.points) })
              : t('templates.preview.points', {
                  points: formatNumber(score.points),
                  max: formatNumber(item.maxPoints),
                })}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {describeRule(t, rule, item.unit)}
      </Typography.Text>
      <Flex wrap gap={8} align="center">
        {fields.includes('actual') ? (
          <UnitNumberInput
            aria-label={label('actual')}
            placeholder={t('templates.preview.actual')}
            value={input.actual}
            unit={item.unit}
            width={140}
            onChange={(actual) => onInput({ actual })}
          />
        ) : null}
        {fields.includes('target') ? (
          <UnitNumberInput
            aria-label={label('target')}
            placeholder={
              item.targetHint === undefined
                ? t('templates.preview.target')
                : `${t('templates.preview.target')} ${formatUnitValue(item.targetHint, unitOf(item.unit))}`
            }
            value={input.target}
            unit={item.unit}
            width={160}
            onChange={(target) => onInput({ target })}
          />
        ) : null}
        {fields.includes('occurrences') ? (
          <NumberInput
            aria-label={label('occurrences')}
            placeholder={t('templates.preview.occurrences')}
            value={input.occurrences}
            min={0}
            width={120}
            onChange={(occurrences) => onInput({ occurrences })}
          />
        ) : null}
        {fields.includes('counts') && rule.shape === 'weighted_deductions'
          ? rule.categories.map((category) => (
              <NumberInput
                key={category.key}
                aria-label={t('templates.preview.fieldFor', {
                  name: item.name,
                  field: category.label || category.key,
                })}
                placeholder={category.label || category.key}
                value={input.counts?.[category.key]}
                min={0}
                width={120}
                onChange={(count) => {
                  const counts = { ...input.counts }
                  if (count === undefined) delete counts[category.key]
                  else counts[category.key] = count
                  onInput({ counts })
                }}
              />
            ))
          : null}
        {fields.includes('level') && rule.shape === 'levels' ? (
          <Select
            aria-label={label('level')}
            placeholder={t('templates.preview.level')}
            allowClear
            style={{ width: 160 }}
            value={input.level}
            onChange={(level?: string) => onInput({ level })}
            options={rule.levels.map((level) => ({
              value: level.code,
              label: `${level.code}${level.label && level.label !== level.code ? ` ${level.label}` : ''} (${formatNumber(level.points)})`,
            }))}
          />
        ) : null}
        {fields.includes('score') ? (
          <NumberInput
            aria-label={label('score')}
            placeholder={t('templates.preview.score')}
            value={input.score}
            width={100}
            onChange={(value) => onInput({ score: value })}
          />
        ) : null}
        {fields.includes('comment') ? (
          <Input
            aria-label={label('comment')}
            placeholder={t('templates.preview.comment')}
            value={input.comment ?? ''}
            style={{ width: 200 }}
            onChange={(e) => onInput({ comment: e.target.value || undefined })}
          />
        ) : null}
        {fields.includes('passed') ? (
          <Flex gap={6} align="center">
            <Switch
              aria-label={label('passed')}
              checked={input.passed === true}
              onChange={(passed) => onInput({ passed })}
            />
            <Typography.Text>{t('templates.preview.passed')}</Typography.Text>
          </Flex>
        ) : null}
        {fields.includes('violated') ? (
          <Flex gap={6} align="center">
            <Switch
              aria-label={label('violated')}
              checked={input.violated === true}
              onChange={(violated) => onInput({ violated })}
            />
            <Typography.Text>{t('templates.preview.violated')}</Typography.Text>
          </Flex>
        ) : null}
        {fields.includes('variables') && rule.shape === 'formula'
          ? (rule.variables ?? []).map((name) => (
              <NumberInput
                key={name}
                aria-label={t('templates.preview.fieldFor', { name: item.name, field: name })}
                placeholder={name}
                value={input.variables?.[name]}
                width={110}
                onChange={(value) => {
                  const variables = { ...input.variables }
                  if (value === undefined) delete variables[name]
                  else variables[name] = value
                  onInput({ variables })
                }}
              />
            ))
          : null}
      </Flex>
      {touched ? <IssueList issues={issues} /> : null}
      {score?.explanation ? (
        <Typography.Text style={{ fontSize: 12 }} data-testid={`preview-explanation-${item.key}`}>
          {score.explanation[language] || score.explanation['zh-CN']}
        </Typography.Text>
      ) : null}
    </Flex>
  )
}
