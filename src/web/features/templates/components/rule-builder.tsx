import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Input, Radio, Select, Switch, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formulaFunctionList } from '../../../../contracts/formula-functions.ts'
import type { Band, Level, Rule, RuleShape } from '../../../../contracts/template.ts'
import type { TemplateIssue } from '../../../../contracts/template-api.ts'
import { createDefaultRule, ruleShapes } from '../default-rule.ts'
import { describeRule } from '../describe-rule.ts'
import { findIssues } from '../issue-paths.ts'
import { removeAt, replaceAt } from '../update-list.ts'
import { Field, IssueList } from './field.tsx'
import { NumberInput } from './number-input.tsx'

type RuleOf<S extends RuleShape> = Extract<Rule, { shape: S }>

type Props = {
  rule: Rule
  onChange: (rule: Rule) => void
  /** Points the item is worth, for a new rule's defaults. */
  maxPoints: number
  unit?: string
  /** Dotted path of the rule in the template, e.g. "dimensions.0.indicators.1.rule". */
  path: string
  issues: readonly TemplateIssue[]
}

/** Variables every scoring formula may read (the engine's standardFormulaVariables). */
const standardVariables = ['actual', 'target', 'max', 'completion', 'occurrences']
const formulaFunctions = formulaFunctionList.map((f) => f.name)

// The form-based rule builder: a shape picker, then the parameters of that shape, with the validator's
// problems next to each parameter and the rule's one-line summary underneath.
export function RuleBuilder({ rule, onChange, maxPoints, unit, path, issues }: Props) {
  const { t } = useTranslation()
  const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)

  return (
    <Flex vertical gap={8}>
      <Field label={t('templates.rule.shape.label')} issues={at('shape')} width={260}>
        {(id) => (
          <Select<RuleShape>
            id={id}
            value={rule.shape}
            onChange={(shape) => onChange(createDefaultRule(shape, maxPoints))}
            options={ruleShapes.map((shape) => ({ value: shape, label: t(`templates.rule.shape.${shape}`) }))}
          />
        )}
      </Field>
      <ShapeForm rule={rule} onChange={onChange} path={path} issues={issues} />
      <IssueList issues={findIssues(issues, path, true)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('templates.rule.summaryLabel')}: {describeRule(t, rule, unit)}
      </Typography.Text>
    </Flex>
  )
}

function ShapeForm({ rule, onChange, path, issues }: Omit<Props, 'maxPoints' | 'unit'>) {
  switch (rule.shape) {
    case 'bands':
      return <BandsForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'ratio_to_target':
      return <RatioForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'deduct_per_occurrence':
      return <DeductPerOccurrenceForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'deduct_per_shortfall':
      return <ShortfallForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'weighted_deductions':
      return <WeightedForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'bonus_per_occurrence':
      return <BonusPerOccurrenceForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'bonus_range':
    case 'discretionary':
      return <RangeForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'levels':
      return <LevelsForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'count_ladder':
      return <LadderForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'pass_fail':
      return <PassFailForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'veto':
      return <VetoForm rule={rule} onChange={onChange} path={path} issues={issues} />
    case 'formula':
      return <FormulaForm rule={rule} onChange={onChange} path={path} issues={issues} />
  }
}

type FormProps<S extends RuleShape> = {
  rule: RuleOf<S>
  onChange: (rule: Rule) => void
  path: string
  issues: readonly TemplateIssue[]
}

function useAt(path: string, issues: readonly TemplateIssue[]) {
  return (sub: string) => findIssues(issues, `${path}.${sub}`, true)
}

/** Required numbers: clearing the box reads as 0 so the draft stays well-typed (the validator flags nonsense). */
const req = (value: number | undefined) => value ?? 0

function BandsForm({ rule, onChange, path, issues }: FormProps<'bands'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  const percent = rule.basis === 'completion_rate'
  const setBand = (index: number, patch: Partial<Band>) =>
    onChange({ ...rule, bands: replaceAt(rule.bands, index, { ...(rule.bands[index] as Band), ...patch }) })
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={12}>
        <Field label={t('templates.rule.fields.basis')} issues={at('basis')}>
          {(id) => (
            <Radio.Group
              id={id}
              value={rule.basis}
              onChange={(e) => onChange({ ...rule, basis: e.target.value })}
              options={[
                { value: 'actual', label: t('templates.rule.fields.basisActual') },
                { value: 'completion_rate', label: t('templates.rule.fields.basisRate') },
              ]}
            />
          )}
        </Field>
        <Field label={t('templates.rule.fields.scale')} issues={at('scale')}>
          {(id) => (
            <Radio.Group
              id={id}
              value={rule.scale ?? 'points'}
              onChange={(e) => onChange({ ...rule, scale: e.target.value })}
              options={[
                { value: 'points', label: t('templates.rule.fields.scalePoints') },
                { value: 'fraction_of_max', label: t('templates.rule.fields.scaleFraction') },
              ]}
            />
          )}
        </Field>
      </Flex>
      {percent ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('templates.rule.fields.percentHint')}
        </Typography.Text>
      ) : null}
      <Table<Band & { index: number }>
        size="small"
        pagination={false}
        rowKey="index"
        scroll={{ x: 'max-content' }}
        dataSource={rule.bands.map((band, index) => ({ ...band, index }))}
        columns={[
          {
            title: t('templates.rule.fields.min'),
            key: 'min',
            render: (_, band) => (
              <Flex vertical gap={2}>
                <Flex gap={6} align="center">
                  <NumberInput
                    aria-label={t('templates.rule.fields.bandMin', { n: band.index + 1 })}
                    value={band.min}
                    onChange={(min) => setBand(band.index, { min })}
                    step={percent ? 0.05 : 1}
                    width={100}
                  />
                  <Checkbox
                    checked={band.minInclusive !== false}
                    onChange={(e) => setBand(band.index, { minInclusive: e.target.checked })}
                  >
                    {t('templates.rule.fields.inclusive')}
                  </Checkbox>
                </Flex>
                <IssueList issues={at(`bands.${band.index}.min`)} />
              </Flex>
            ),
          },
          {
            title: t('templates.rule.fields.max'),
            key: 'max',
            render: (_, band) => (
              <Flex vertical gap={2}>
                <Flex gap={6} align="center">
                  <NumberInput
                    aria-label={t('templates.rule.fields.bandMax', { n: band.index + 1 })}
                    value={band.max}
                    onChange={(max) => setBand(band.index, { max })}
                    step={percent ? 0.05 : 1}
                    width={100}
                  />
                  <Checkbox
                    checked={band.maxInclusive === true}
                    onChange={(e) => setBand(band.index, { maxInclusive: e.target.checked })}
                  >
                    {t('templates.rule.fields.inclusive')}
                  </Checkbox>
                </Flex>
                <IssueList issues={at(`bands.${band.index}.max`)} />
              </Flex>
            ),
          },
          {
            title: t('templates.rule.fields.points'),
            key: 'points',
            render: (_, band) => (
              <Flex vertical gap={2}>
                <NumberInput
                  aria-label={t('templates.rule.fields.bandPoints', { n: band.index + 1 })}
                  value={band.points}
                  onChange={(points) => setBand(band.index, { points: req(points) })}
                  width={80}
                />
                <IssueList issues={at(`bands.${band.index}.points`)} />
              </Flex>
            ),
          },
          {
            title: t('templates.rule.fields.label'),
            key: 'label',
            render: (_, band) => (
              <Input
                aria-label={t('templates.rule.fields.bandLabel', { n: band.index + 1 })}
                value={band.label ?? ''}
                onChange={(e) => setBand(band.index, { label: e.target.value || undefined })}
                style={{ width: 100 }}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            render: (_, band) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('templates.rule.fields.removeBand', { n: band.index + 1 })}
                onClick={() => onChange({ ...rule, bands: removeAt(rule.bands, band.index) })}
              />
            ),
          },
        ]}
      />
      <IssueList issues={at('bands')} />
      <Button
        icon={<PlusOutlined />}
        size="small"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const last = rule.bands[rule.bands.length - 1]
          const band: Band = last?.min !== undefined ? { max: last.min, points: 0 } : { points: 0 }
          onChange({ ...rule, bands: [...rule.bands, band] })
        }}
      >
        {t('templates.rule.fields.addBand')}
      </Button>
    </Flex>
  )
}

function RatioForm({ rule, onChange, path, issues }: FormProps<'ratio_to_target'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={12}>
        <Field label={t('templates.rule.fields.capRatio')} issues={at('capRatio')}>
          {(id) => (
            <NumberInput
              id={id}
              value={rule.capRatio}
              step={0.1}
              min={0}
              onChange={(v) => onChange({ ...rule, capRatio: req(v) })}
            />
          )}
        </Field>
        <Field label={t('templates.rule.fields.floorRatio')} issues={at('floorRatio')}>
          {(id) => (
            <NumberInput
              id={id}
              value={rule.floorRatio}
              step={0.1}
              min={0}
              onChange={(v) => onChange({ ...rule, floorRatio: v })}
            />
          )}
        </Field>
        <Field label={t('templates.rule.fields.zeroBelowRatio')} issues={at('zeroBelowRatio')}>
          {(id) => (
            <NumberInput
              id={id}
              value={rule.zeroBelowRatio}
              step={0.1}
              min={0}
              onChange={(v) => onChange({ ...rule, zeroBelowRatio: v })}
            />
          )}
        </Field>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('templates.rule.fields.percentHint')}
      </Typography.Text>
    </Flex>
  )
}

function FloorField({
  value,
  onChange,
  issues,
}: {
  value: number | undefined
  onChange: (v: number | undefined) => void
  issues: readonly TemplateIssue[]
}) {
  const { t } = useTranslation()
  return (
    <Field label={t('templates.rule.fields.floor')} issues={issues}>
      {(id) => <NumberInput id={id} value={value} placeholder="0" onChange={onChange} />}
    </Field>
  )
}

function DeductPerOccurrenceForm({ rule, onChange, path, issues }: FormProps<'deduct_per_occurrence'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  return (
    <Flex wrap gap={12}>
      <Field label={t('templates.rule.fields.perOccurrence')} issues={at('perOccurrence')}>
        {(id) => (
          <NumberInput
            id={id}
            value={rule.perOccurrence}
            min={0}
            onChange={(v) => onChange({ ...rule, perOccurrence: req(v) })}
          />
        )}
      </Field>
      <Field label={t('templates.rule.fields.freeOccurrences')} issues={at('freeOccurrences')}>
        {(id) => (
          <NumberInput
            id={id}
            value={rule.freeOccurrences}
            min={0}
            placeholder="0"
            onChange={(v) => onChange({ ...rule, freeOccurrences: v })}
          />
        )}
      </Field>
      <FloorField
        value={rule.floor}
        issues={at('floor')}
        onChange={(floor) => onChange({ ...rule, floor })}
      />
    </Flex>
  )
}

function ShortfallForm({ rule, onChange, path, issues }: FormProps<'deduct_per_shortfall'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  return (
    <Flex wrap gap={12}>
      <Field label={t('templates.rule.fields.threshold')} issues={at('threshold')}>
        {(id) => (
          <NumberInput
            id={id}
            value={rule.threshold}
            onChange={(v) => onChange({ ...rule, threshold: req(v) })}
          />
        )}
      </Field>
      <Field label={t('templates.rule.fields.unit')} issues={at('unit')}>
        {(id) => (
          <NumberInput
            id={id}
            value={rule.unit}
            min={0}
            onChange={(v) => onChange({ ...rule, unit: req(v) })}
          />
        )}
      </Field>
      <Field label={t('templates.rule.fields.pointsPerUnit')} issues={at('pointsPerUnit')}>
        {(id) => (
          <NumberInput
            id={id}
            value={rule.pointsPerUnit}
            min={0}
            onChange={(v) => onChange({ ...rule, pointsPerUnit: req(v) })}
          />
        )}
      </Field>
      <Field label={t('templates.rule.fields.partialUnit')} issues={at('partialUnit')}>
        {(id) => (
          <Radio.Group
            id={id}
            value={rule.partialUnit}
            onChange={(e) => onChange({ ...rule, partialUnit: e.target.value })}
            options={[
              { value: 'counts', label: t('templates.rule.fields.partialCounts') },
              { value: 'ignored', label: t('templates.rule.fields.partialIgnored') },
            ]}
          />
        )}
      </Field>
      <FloorField
        value={rule.floor}
        issues={at('floor')}
        onChange={(floor) => onChange({ ...rule, floor })}
      />
    </Flex>
  )
}

function WeightedForm({ rule, onChange, path, issues }: FormProps<'weighted_deductions'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  type Category = (typeof rule.categories)[number]
  const setCategory = (index: number, patch: Partial<Category>) =>
    onChange({
      ...rule,
      categories: replaceAt(rule.categories, index, { ...(rule.categories[index] as Category), ...patch }),
    })
  return (
    <Flex vertical gap={8}>
      {rule.categories.map((category, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the key may be mid-edit
        <Flex key={index} wrap gap={8} align="flex-end">
          <Field label={t('templates.rule.fields.categoryKey')} issues={at(`categories.${index}.key`)}>
            {(id) => (
              <Input
                id={id}
                value={category.key}
                style={{ width: 110 }}
                onChange={(e) => setCategory(index, { key: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('templates.rule.fields.categoryLabel')} issues={at(`categories.${index}.label`)}>
            {(id) => (
              <Input
                id={id}
                value={category.label}
                style={{ width: 180 }}
                onChange={(e) => setCategory(index, { label: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('templates.rule.fields.pointsEach')} issues={at(`categories.${index}.pointsEach`)}>
            {(id) => (
              <NumberInput
                id={id}
                value={category.pointsEach}
                onChange={(v) => setCategory(index, { pointsEach: req(v) })}
              />
            )}
          </Field>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('templates.rule.fields.remove')}
            onClick={() => onChange({ ...rule, categories: removeAt(rule.categories, index) })}
          />
        </Flex>
      ))}
      <IssueList issues={at('categories')} />
      <Flex wrap gap={12} align="flex-end">
        <Button
          icon={<PlusOutlined />}
          size="small"
          onClick={() =>
            onChange({
              ...rule,
              categories: [
                ...rule.categories,
                { key: `c${rule.categories.length + 1}`, label: '', pointsEach: 1 },
              ],
            })
          }
        >
          {t('templates.rule.fields.addCategory')}
        </Button>
        <FloorField
          value={rule.floor}
          issues={at('floor')}
          onChange={(floor) => onChange({ ...rule, floor })}
        />
      </Flex>
    </Flex>
  )
}

function BonusPerOccurrenceForm({ rule, onChange, path, issues }: FormProps<'bonus_per_occurrence'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  return (
    <Flex wrap gap={12}>
      <Field label={t('templates.rule.fields.bonusPerOccurrence')} issues={at('perOccurrence')}>
        {(id) => (
          <NumberInput
            id={id}
            value={rule.perOccurrence}
            min={0}
            onChange={(v) => onChange({ ...rule, perOccurrence: req(v) })}
          />
        )}
      </Field>
      <Field label={t('templates.rule.fields.cap')} issues={at('cap')}>
        {(id) => (
          <NumberInput id={id} value={rule.cap} min={0} onChange={(cap) => onChange({ ...rule, cap })} />
        )}
      </Field>
    </Flex>
  )
}

function RangeForm({ rule, onChange, path, issues }: FormProps<'bonus_range' | 'discretionary'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  return (
    <Flex wrap gap={12}>
      <Field label={t('templates.rule.fields.rangeMin')} issues={at('min')}>
        {(id) => (
          <NumberInput id={id} value={rule.min} onChange={(v) => onChange({ ...rule, min: req(v) })} />
        )}
      </Field>
      <Field label={t('templates.rule.fields.rangeMax')} issues={at('max')}>
        {(id) => (
          <NumberInput id={id} value={rule.max} onChange={(v) => onChange({ ...rule, max: req(v) })} />
        )}
      </Field>
    </Flex>
  )
}

function LevelsForm({ rule, onChange, path, issues }: FormProps<'levels'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  const setLevel = (index: number, patch: Partial<Level>) =>
    onChange({
      ...rule,
      levels: replaceAt(rule.levels, index, { ...(rule.levels[index] as Level), ...patch }),
    })
  const thresholds = rule.thresholds
  type Threshold = NonNullable<typeof thresholds>[number]
  const thresholdIndex = (code: string) => thresholds?.findIndex((th) => th.level === code) ?? -1
  const setBand = (code: string, patch: Partial<Threshold['band']>) => {
    const list = thresholds ?? []
    const index = thresholdIndex(code)
    const current: Threshold = index >= 0 ? (list[index] as Threshold) : { level: code, band: {} }
    const next: Threshold = { ...current, band: { ...current.band, ...patch } }
    onChange({ ...rule, thresholds: index >= 0 ? replaceAt(list, index, next) : [...list, next] })
  }
  return (
    <Flex vertical gap={8}>
      <Checkbox
        checked={thresholds !== undefined}
        onChange={(e) => {
          if (e.target.checked) {
            onChange({ ...rule, thresholds: rule.levels.map((level) => ({ level: level.code, band: {} })) })
          } else {
            const { thresholds: _dropped, ...rest } = rule
            onChange(rest)
          }
        }}
      >
        {t('templates.rule.fields.useThresholds')}
      </Checkbox>
      {rule.levels.map((level, index) => {
        const th = thresholds?.[thresholdIndex(level.code)]
        const thPath = `thresholds.${thresholdIndex(level.code)}.band`
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the code may be mid-edit
          <Flex key={index} wrap gap={8} align="flex-end">
            <Field label={t('templates.rule.fields.levelCode')} issues={at(`levels.${index}.code`)}>
              {(id) => (
                <Input
                  id={id}
                  value={level.code}
                  style={{ width: 64 }}
                  onChange={(e) => {
                    const code = e.target.value
                    const nextLevels = replaceAt(rule.levels, index, { ...level, code })
                    onChange({
                      ...rule,
                      levels: nextLevels,
                      ...(thresholds
                        ? {
                            thresholds: thresholds.map((x) =>
                              x.level === level.code ? { ...x, level: code } : x,
                            ),
                          }
                        : {}),
                    })
                  }}
                />
              )}
            </Field>
            <Field label={t('templates.rule.fields.levelLabel')} issues={at(`levels.${index}.label`)}>
              {(id) => (
                <Input
                  id={id}
                  value={level.label}
                  style={{ width: 200 }}
                  onChange={(e) => setLevel(index, { label: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('templates.rule.fields.points')} issues={at(`levels.${index}.points`)}>
              {(id) => (
                <NumberInput
                  id={id}
                  value={level.points}
                  width={80}
                  onChange={(v) => setLevel(index, { points: req(v) })}
                />
              )}
            </Field>
            {th ? (
              <>
                <Field label={t('templates.rule.fields.min')} issues={at(`${thPath}.min`)}>
                  {(id) => (
                    <Flex gap={4} align="center">
                      <NumberInput
                        id={id}
                        value={th.band.min}
                        width={90}
                        onChange={(min) => setBand(level.code, { min })}
                      />
                      <Checkbox
                        checked={th.band.minInclusive !== false}
                        onChange={(e) => setBand(level.code, { minInclusive: e.target.checked })}
                      >
                        {t('templates.rule.fields.inclusive')}
                      </Checkbox>
                    </Flex>
                  )}
                </Field>
                <Field label={t('templates.rule.fields.max')} issues={at(`${thPath}.max`)}>
                  {(id) => (
                    <Flex gap={4} align="center">
                      <NumberInput
                        id={id}
                        value={th.band.max}
                        width={90}
                        onChange={(max) => setBand(level.code, { max })}
                      />
                      <Checkbox
                        checked={th.band.maxInclusive === true}
                        onChange={(e) => setBand(level.code, { maxInclusive: e.target.checked })}
                      >
                        {t('templates.rule.fields.inclusive')}
                      </Checkbox>
                    </Flex>
                  )}
                </Field>
              </>
            ) : thresholds ? (
              <Button size="small" onClick={() => setBand(level.code, {})}>
                {t('templates.rule.fields.thresholdFor')}
              </Button>
            ) : (
              <Field
                label={t('templates.rule.fields.levelDescription')}
                issues={at(`levels.${index}.description`)}
              >
                {(id) => (
                  <Input
                    id={id}
                    value={level.description ?? ''}
                    style={{ width: 220 }}
                    onChange={(e) => setLevel(index, { description: e.target.value || undefined })}
                  />
                )}
              </Field>
            )}
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('templates.rule.fields.remove')}
              onClick={() =>
                onChange({
                  ...rule,
                  levels: removeAt(rule.levels, index),
                  ...(thresholds ? { thresholds: thresholds.filter((x) => x.level !== level.code) } : {}),
                })
              }
            />
          </Flex>
        )
      })}
      <IssueList issues={[...at('levels'), ...at('thresholds')]} />
      <Button
        icon={<PlusOutlined />}
        size="small"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const code = String.fromCharCode(65 + rule.levels.length)
          onChange({ ...rule, levels: [...rule.levels, { code, label: code, points: 0 }] })
        }}
      >
        {t('templates.rule.fields.addLevel')}
      </Button>
    </Flex>
  )
}

function LadderForm({ rule, onChange, path, issues }: FormProps<'count_ladder'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  type Step = (typeof rule.steps)[number]
  const setStep = (index: number, patch: Partial<Step>) =>
    onChange({ ...rule, steps: replaceAt(rule.steps, index, { ...(rule.steps[index] as Step), ...patch }) })
  return (
    <Flex vertical gap={8}>
      {rule.steps.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
        <Flex key={index} wrap gap={8} align="flex-end">
          <Field label={t('templates.rule.fields.count')} issues={at(`steps.${index}.count`)}>
            {(id) => (
              <NumberInput
                id={id}
                value={step.count}
                min={0}
                width={80}
                onChange={(v) => setStep(index, { count: req(v) })}
              />
            )}
          </Field>
          <Field label={t('templates.rule.fields.points')} issues={at(`steps.${index}.points`)}>
            {(id) => (
              <NumberInput
                id={id}
                value={step.points}
                width={80}
                onChange={(v) => setStep(index, { points: req(v) })}
              />
            )}
          </Field>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('templates.rule.fields.remove')}
            onClick={() => onChange({ ...rule, steps: removeAt(rule.steps, index) })}
          />
        </Flex>
      ))}
      <IssueList issues={at('steps')} />
      <Flex wrap gap={12} align="flex-end">
        <Button
          icon={<PlusOutlined />}
          size="small"
          onClick={() => {
            const last = rule.steps[rule.steps.length - 1]
            onChange({ ...rule, steps: [...rule.steps, { count: last ? last.count + 1 : 0, points: 0 }] })
          }}
        >
          {t('templates.rule.fields.addStep')}
        </Button>
        <Field label={t('templates.rule.fields.beyond')} issues={at('beyond')}>
          {(id) => (
            <NumberInput
              id={id}
              value={rule.beyond}
              onChange={(v) => onChange({ ...rule, beyond: req(v) })}
            />
          )}
        </Field>
        <Field label={t('templates.rule.fields.scale')} issues={at('scale')}>
          {(id) => (
            <Radio.Group
              id={id}
              value={rule.scale ?? 'points'}
              onChange={(e) => onChange({ ...rule, scale: e.target.value })}
              options={[
                { value: 'points', label: t('templates.rule.fields.scalePoints') },
                { value: 'fraction_of_max', label: t('templates.rule.fields.scaleFraction') },
              ]}
            />
          )}
        </Field>
      </Flex>
    </Flex>
  )
}

const ops = ['>=', '>', '<=', '<', '=='] as const
const opSymbols: Record<(typeof ops)[number], string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
}

function PassFailForm({ rule, onChange, path, issues }: FormProps<'pass_fail'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  const condition = rule.condition
  return (
    <Flex wrap gap={12} align="flex-end">
      <Field label={t('templates.rule.fields.hasCondition')}>
        {(id) => (
          <Switch
            id={id}
            checked={condition !== undefined}
            onChange={(on) =>
              onChange(
                on ? { shape: 'pass_fail', condition: { op: '>=', value: 0 } } : { shape: 'pass_fail' },
              )
            }
          />
        )}
      </Field>
      {condition ? (
        <>
          <Field label={t('templates.rule.fields.op')} issues={at('condition.op')}>
            {(id) => (
              <Select
                id={id}
                value={condition.op}
                style={{ width: 80 }}
                onChange={(op) => onChange({ ...rule, condition: { ...condition, op } })}
                options={ops.map((op) => ({ value: op, label: opSymbols[op] }))}
              />
            )}
          </Field>
          <Field label={t('templates.rule.fields.value')} issues={at('condition.value')}>
            {(id) => (
              <NumberInput
                id={id}
                value={condition.value}
                onChange={(v) => onChange({ ...rule, condition: { ...condition, value: req(v) } })}
              />
            )}
          </Field>
        </>
      ) : null}
    </Flex>
  )
}

function VetoForm({ rule, onChange, path, issues }: FormProps<'veto'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  return (
    <Field label={t('templates.rule.fields.vetoScope')} issues={at('scope')}>
      {(id) => (
        <Radio.Group
          id={id}
          value={rule.scope}
          onChange={(e) => onChange({ ...rule, scope: e.target.value })}
          options={[
            { value: 'dimension', label: t('templates.rule.fields.vetoDimension') },
            { value: 'total', label: t('templates.rule.fields.vetoTotal') },
          ]}
        />
      )}
    </Field>
  )
}

function FormulaForm({ rule, onChange, path, issues }: FormProps<'formula'>) {
  const { t } = useTranslation()
  const at = useAt(path, issues)
  const variables = [...standardVariables, ...(rule.variables ?? [])]
  return (
    <Flex vertical gap={8}>
      <Field label={t('templates.rule.fields.expression')} issues={at('expression')}>
        {(id) => (
          <Input.TextArea
            id={id}
            value={rule.expression}
            autoSize={{ minRows: 1, maxRows: 4 }}
            style={{ fontFamily: 'monospace' }}
            onChange={(e) => onChange({ ...rule, expression: e.target.value })}
          />
        )}
      </Field>
      <Flex wrap gap={12}>
        <Field label={t('templates.rule.fields.variables')} issues={at('variables')} width={260}>
          {(id) => (
            <Select
              id={id}
              mode="tags"
              value={rule.variables ?? []}
              placeholder={t('templates.rule.fields.variablesHint')}
              tokenSeparators={[',', '，', ' ']}
              onChange={(list: string[]) =>
                onChange({ ...rule, variables: list.length > 0 ? list : undefined })
              }
            />
          )}
        </Field>
        <Field label={t('templates.rule.fields.floorPoints')} issues={at('floorPoints')}>
          {(id) => (
            <NumberInput
              id={id}
              value={rule.floorPoints}
              placeholder="0"
              onChange={(floorPoints) => onChange({ ...rule, floorPoints })}
            />
          )}
        </Field>
        <Field label={t('templates.rule.fields.capPoints')} issues={at('capPoints')}>
          {(id) => (
            <NumberInput
              id={id}
              value={rule.capPoints}
              onChange={(capPoints) => onChange({ ...rule, capPoints })}
            />
          )}
        </Field>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('templates.rule.fields.allowedVariables')}:{' '}
        <Typography.Text code>{variables.join(', ')}</Typography.Text>
        <br />
        {t('templates.rule.fields.allowedFunctions')}:{' '}
        <Typography.Text code>{formulaFunctions.join(', ')}</Typography.Text>
      </Typography.Text>
    </Flex>
  )
}
