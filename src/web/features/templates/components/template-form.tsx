import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Collapse, Flex, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AdjustmentItem, Dimension, Indicator, Template } from '../../../../contracts/template.ts'
import type { TemplateIssue } from '../../../../contracts/template-api.ts'
import { createDefaultRule } from '../default-rule.ts'
import { describeRule } from '../describe-rule.ts'
import { formatNumber } from '../format-number.ts'
import { findIssues } from '../issue-paths.ts'
import { moveAt, removeAt, replaceAt, uniqueKey } from '../update-list.ts'
import { Field, IssueList } from './field.tsx'
import { AssessorEditor, DataSourceEditor, IndicatorEditor } from './indicator-editor.tsx'
import { NumberInput } from './number-input.tsx'
import { RuleBuilder } from './rule-builder.tsx'
import { ScoringEditor } from './scoring-editor.tsx'

type Props = {
  draft: Template
  onChange: (draft: Template) => void
  issues: readonly TemplateIssue[]
  /** A new template: its code (fixed once saved) can still be chosen. */
  isNew?: boolean
}

// The whole template as a form: basics, dimensions with their indicators, bonus/deduction items, scoring.
export function TemplateForm({ draft, onChange, issues, isNew = false }: Props) {
  const { t } = useTranslation()
  const at = (path: string) => findIssues(issues, path, true)
  const set = (patch: Partial<Template>) => onChange({ ...draft, ...patch })
  const allIndicatorKeys = () => draft.dimensions.flatMap((d) => d.indicators.map((i) => i.key))

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('templates.editor.basics')}>
        <Flex vertical gap={12}>
          <Flex wrap gap={12}>
            <Field label={t('templates.editor.name')} issues={at('name')} width={320}>
              {(id) => <Input id={id} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
            </Field>
            {isNew ? (
              <Field label={t('templates.editor.code')} issues={at('code')} width={240}>
                {(id) => (
                  <Input
                    id={id}
                    value={draft.code}
                    placeholder={t('templates.copy.codeHint')}
                    onChange={(e) => set({ code: e.target.value.trim() })}
                  />
                )}
              </Field>
            ) : null}
            <Field label={t('templates.editor.period')} issues={at('period')} width={120}>
              {(id) => (
                <Select
                  id={id}
                  value={draft.period}
                  onChange={(period) => set({ period })}
                  options={(['monthly', 'quarterly', 'annual'] as const).map((p) => ({
                    value: p,
                    label: t(`templates.period.${p}`),
                  }))}
                />
              )}
            </Field>
            <Field label={t('templates.editor.positions')} issues={at('positions')} width={320}>
              {(id) => (
                <Select
                  id={id}
                  mode="tags"
                  value={draft.positions ?? []}
                  placeholder={t('templates.editor.positionsPlaceholder')}
                  onChange={(positions: string[]) => set({ positions })}
                />
              )}
            </Field>
          </Flex>
          <Field label={t('templates.editor.description')} issues={at('description')}>
            {(id) => (
              <Input.TextArea
                id={id}
                value={draft.description ?? ''}
                autoSize={{ minRows: 2, maxRows: 6 }}
                onChange={(e) => set({ description: e.target.value || undefined })}
              />
            )}
          </Field>
        </Flex>
      </Card>

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('templates.editor.dimensions')}
      </Typography.Title>
      <IssueList issues={at('dimensions')} />
      {draft.dimensions.map((dimension, index) => (
        <DimensionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: the key field itself is editable, so it cannot be the React key
          key={index}
          dimension={dimension}
          index={index}
          count={draft.dimensions.length}
          issues={issues}
          takenKeys={allIndicatorKeys}
          onChange={(next) => set({ dimensions: replaceAt(draft.dimensions, index, next) })}
          onMove={(by) => set({ dimensions: moveAt(draft.dimensions, index, by) })}
          onRemove={() => set({ dimensions: removeAt(draft.dimensions, index) })}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          set({
            dimensions: [
              ...draft.dimensions,
              {
                key: uniqueKey(
                  'dimension',
                  draft.dimensions.map((d) => d.key),
                ),
                name: t('templates.editor.newDimension'),
                maxPoints: 0,
                indicators: [],
              },
            ],
          })
        }
      >
        {t('templates.editor.addDimension')}
      </Button>

      <AdjustmentsEditor
        items={draft.adjustments}
        issues={issues}
        onChange={(adjustments) => set({ adjustments })}
      />

      <ScoringEditor scoring={draft.scoring} issues={issues} onChange={(scoring) => set({ scoring })} />
    </Flex>
  )
}

function MoveButtons({
  index,
  count,
  onMove,
  onRemove,
  name,
}: {
  index: number
  count: number
  onMove: (by: -1 | 1) => void
  onRemove: () => void
  name: string
}) {
  const { t } = useTranslation()
  return (
    <Space size={0} onClick={(e) => e.stopPropagation()}>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        aria-label={`${t('templates.editor.moveUp')} ${name}`}
        onClick={() => onMove(-1)}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        aria-label={`${t('templates.editor.moveDown')} ${name}`}
        onClick={() => onMove(1)}
      />
      <Popconfirm title={t('templates.editor.removeConfirm', { name })} onConfirm={onRemove}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={`${t('templates.editor.remove')} ${name}`}
        />
      </Popconfirm>
    </Space>
  )
}

function DimensionEditor({
  dimension,
  index,
  count,
  issues,
  takenKeys,
  onChange,
  onMove,
  onRemove,
}: {
  dimension: Dimension
  index: number
  count: number
  issues: readonly TemplateIssue[]
  takenKeys: () => string[]
  onChange: (dimension: Dimension) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const path = `dimensions.${index}`
  const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)
  const set = (patch: Partial<Dimension>) => onChange({ ...dimension, ...patch })
  const sum = dimension.indicators.reduce((total, i) => total + i.maxPoints, 0)
  const balanced = Math.abs(sum - dimension.maxPoints) < 1e-9

  const addIndicator = () => {
    const indicator: Indicator = {
      key: uniqueKey('indicator', takenKeys()),
      name: t('templates.editor.newIndicator'),
      direction: 'higher_better',
      type: 'kpi',
      maxPoints: 10,
      target: { kind: 'none' },
      rule: createDefaultRule('discretionary', 10),
      assessor: { rater: 'supervisor' },
      dataSource: { kind: 'manual' },
    }
    set({ indicators: [...dimension.indicators, indicator] })
  }

  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={8} align="center">
          <span>{dimension.name || dimension.key}</span>
          <Tag color={balanced ? 'green' : 'orange'}>
            {t('templates.editor.indicatorsSum', {
              sum: formatNumber(sum),
              budget: formatNumber(dimension.maxPoints),
            })}
          </Tag>
        </Flex>
      }
      extra={
        <MoveButtons index={index} count={count} onMove={onMove} onRemove={onRemove} name={dimension.name} />
      }
    >
      <Flex vertical gap={12}>
        <Flex wrap gap={12}>
          <Field label={t('templates.editor.dimensionName')} issues={at('name')} width={220}>
            {(id) => <Input id={id} value={dimension.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field label={t('templates.editor.dimensionKey')} issues={at('key')} width={160}>
            {(id) => (
              <Input id={id} value={dimension.key} onChange={(e) => set({ key: e.target.value.trim() })} />
            )}
          </Field>
          <Field label={t('templates.editor.budget')} issues={at('maxPoints')}>
            {(id) => (
              <NumberInput
                id={id}
                value={dimension.maxPoints}
                min={0}
                onChange={(v) => set({ maxPoints: v ?? 0 })}
              />
            )}
          </Field>
        </Flex>
        <IssueList issues={[...findIssues(issues, path, true), ...at('indicators')]} />
        <Collapse
          size="small"
          items={dimension.indicators.map((indicator, i) => {
            const indicatorPath = `${path}.indicators.${i}`
            const problems = findIssues(issues, indicatorPath)
            return {
              key: String(i),
              label: (
                <Flex wrap gap={8} align="center" data-testid={`indicator-${indicator.key}`}>
                  <Typography.Text strong>{indicator.name}</Typography.Text>
                  <Tag>{t('templates.view.pointsValue', { points: formatNumber(indicator.maxPoints) })}</Tag>
                  {problems.length > 0 ? (
                    <Tag color="red">{t('templates.editor.issuesCount', { n: problems.length })}</Tag>
                  ) : null}
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360, fontSize: 12 }}>
                    {describeRule(t, indicator.rule, indicator.unit)}
                  </Typography.Text>
                </Flex>
              ),
              extra: (
                <MoveButtons
                  index={i}
                  count={dimension.indicators.length}
                  name={indicator.name}
                  onMove={(by) => set({ indicators: moveAt(dimension.indicators, i, by) })}
                  onRemove={() => set({ indicators: removeAt(dimension.indicators, i) })}
                />
              ),
              children: (
                <IndicatorEditor
                  indicator={indicator}
                  path={indicatorPath}
                  issues={issues}
                  onChange={(next) => set({ indicators: replaceAt(dimension.indicators, i, next) })}
                />
              ),
            }
          })}
        />
        <Button
          icon={<PlusOutlined />}
          size="small"
          style={{ alignSelf: 'flex-start' }}
          onClick={addIndicator}
        >
          {t('templates.editor.addIndicator')}
        </Button>
      </Flex>
    </Card>
  )
}

function AdjustmentsEditor({
  items,
  issues,
  onChange,
}: {
  items: AdjustmentItem[]
  issues: readonly TemplateIssue[]
  onChange: (items: AdjustmentItem[]) => void
}) {
  const { t } = useTranslation()
  const add = (kind: AdjustmentItem['kind']) => {
    const item: AdjustmentItem = {
      key: uniqueKey(
        kind,
        items.map((i) => i.key),
      ),
      name: t(kind === 'bonus' ? 'templates.editor.newBonus' : 'templates.editor.newDeduction'),
      kind,
      rule:
        kind === 'bonus'
          ? createDefaultRule('bonus_per_occurrence', 5)
          : createDefaultRule('deduct_per_occurrence', 5),
      cap: 5,
      assessor: { rater: 'supervisor' },
      dataSource: { kind: 'manual' },
    }
    onChange([...items, item])
  }
  return (
    <Card size="small" title={t('templates.editor.adjustments')}>
      <Flex vertical gap={12}>
        <IssueList issues={findIssues(issues, 'adjustments', true)} />
        {items.map((item, index) => {
          const path = `adjustments.${index}`
          const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)
          const set = (patch: Partial<AdjustmentItem>) =>
            onChange(replaceAt(items, index, { ...item, ...patch }))
          return (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place; the key may be mid-edit
              key={index}
              size="small"
              type="inner"
              title={
                <Flex gap={8} align="center">
                  <Tag color={item.kind === 'bonus' ? 'green' : 'red'}>
                    {t(`templates.adjustmentKind.${item.kind}`)}
                  </Tag>
                  {item.name}
                </Flex>
              }
              extra={
                <MoveButtons
                  index={index}
                  count={items.length}
                  name={item.name}
                  onMove={(by) => onChange(moveAt(items, index, by))}
                  onRemove={() => onChange(removeAt(items, index))}
                />
              }
            >
              <Flex vertical gap={12}>
                <Flex wrap gap={12}>
                  <Field label={t('templates.editor.adjustmentName')} issues={at('name')} width={220}>
                    {(id) => (
                      <Input id={id} value={item.name} onChange={(e) => set({ name: e.target.value })} />
                    )}
                  </Field>
                  <Field label={t('templates.editor.indicator.key')} issues={at('key')} width={160}>
                    {(id) => (
                      <Input id={id} value={item.key} onChange={(e) => set({ key: e.target.value.trim() })} />
                    )}
                  </Field>
                  <Field label={t('templates.editor.adjustmentKind')} issues={at('kind')} width={120}>
                    {(id) => (
                      <Select
                        id={id}
                        value={item.kind}
                        onChange={(kind) => set({ kind })}
                        options={(['bonus', 'deduction'] as const).map((k) => ({
                          value: k,
                          label: t(`templates.adjustmentKind.${k}`),
                        }))}
                      />
                    )}
                  </Field>
                  <Field label={t('templates.editor.cap')} issues={at('cap')}>
                    {(id) => (
                      <NumberInput id={id} value={item.cap} min={0} onChange={(cap) => set({ cap })} />
                    )}
                  </Field>
                  <AssessorEditor
                    assessor={item.assessor}
                    onChange={(assessor) => set({ assessor })}
                    path={`${path}.assessor`}
                    issues={issues}
                  />
                  <DataSourceEditor
                    source={item.dataSource}
                    onChange={(dataSource) => set({ dataSource })}
                    path={`${path}.dataSource`}
                    issues={issues}
                  />
                </Flex>
                <RuleBuilder
                  rule={item.rule}
                  onChange={(rule) => set({ rule })}
                  maxPoints={item.cap ?? 10}
                  path={`${path}.rule`}
                  issues={issues}
                />
              </Flex>
            </Card>
          )
        })}
        <Space wrap>
          <Button icon={<PlusOutlined />} size="small" onClick={() => add('bonus')}>
            {t('templates.editor.addBonus')}
          </Button>
          <Button icon={<PlusOutlined />} size="small" onClick={() => add('deduction')}>
            {t('templates.editor.addDeduction')}
          </Button>
        </Space>
      </Flex>
    </Card>
  )
}
