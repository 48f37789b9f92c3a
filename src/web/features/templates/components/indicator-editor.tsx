import { Flex, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Assessor, DataSource, Indicator, Target, WhenMissing } from '../../../../contracts/template.ts'
import type { TemplateIssue } from '../../../../contracts/template-api.ts'
import { findIssues } from '../issue-paths.ts'
import { Field } from './field.tsx'
import { NumberInput } from './number-input.tsx'
import { RuleBuilder } from './rule-builder.tsx'
import { UnitNumberInput } from './unit-number-input.tsx'

const raters: Assessor['rater'][] = ['supervisor', 'self', 'peer', 'hr', 'department', 'system']
const attributions = ['employee', 'team', 'shop'] as const
const targetKinds: Target['kind'][] = ['none', 'fixed', 'per_employee', 'derived']

// All the fields of one indicator (指标): name, definition, unit, direction, type, points, target, assessor,
// data source, and its rule.
export function IndicatorEditor({
  indicator,
  onChange,
  path,
  issues,
}: {
  indicator: Indicator
  onChange: (indicator: Indicator) => void
  path: string
  issues: readonly TemplateIssue[]
}) {
  const { t } = useTranslation()
  const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)
  const set = (patch: Partial<Indicator>) => onChange({ ...indicator, ...patch })

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12}>
        <Field label={t('templates.editor.indicator.name')} issues={at('name')} width={220}>
          {(id) => <Input id={id} value={indicator.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field label={t('templates.editor.indicator.key')} issues={at('key')} width={180}>
          {(id) => (
            <Input id={id} value={indicator.key} onChange={(e) => set({ key: e.target.value.trim() })} />
          )}
        </Field>
        <Field label={t('templates.editor.indicator.maxPoints')} issues={at('maxPoints')}>
          {(id) => (
            <NumberInput
              id={id}
              value={indicator.maxPoints}
              min={0}
              onChange={(v) => set({ maxPoints: v ?? 0 })}
            />
          )}
        </Field>
        <Field label={t('templates.editor.indicator.unit')} issues={at('unit')} width={90}>
          {(id) => (
            <Input
              id={id}
              value={indicator.unit ?? ''}
              onChange={(e) => set({ unit: e.target.value || undefined })}
            />
          )}
        </Field>
        <Field label={t('templates.editor.indicator.type')} issues={at('type')} width={150}>
          {(id) => (
            <Select
              id={id}
              value={indicator.type}
              onChange={(type) => set({ type })}
              options={(['kpi', 'kci'] as const).map((v) => ({ value: v, label: t(`templates.type.${v}`) }))}
            />
          )}
        </Field>
        <Field label={t('templates.editor.indicator.direction')} issues={at('direction')} width={150}>
          {(id) => (
            <Select
              id={id}
              value={indicator.direction}
              onChange={(direction) => set({ direction })}
              options={(['higher_better', 'lower_better'] as const).map((v) => ({
                value: v,
                label: t(`templates.direction.${v}`),
              }))}
            />
          )}
        </Field>
        <Field label={t('templates.editor.indicator.whenMissing')} issues={at('whenMissing')} width={220}>
          {(id) => (
            <Select
              id={id}
              value={indicator.whenMissing ?? 'default'}
              onChange={(v: WhenMissing | 'default') => set({ whenMissing: v === 'default' ? undefined : v })}
              options={(['default', 'block', 'zero', 'full', 'exclude'] as const).map((v) => ({
                value: v,
                label: t(`templates.whenMissing.${v}`),
              }))}
            />
          )}
        </Field>
      </Flex>
      <Field label={t('templates.editor.indicator.definition')} issues={at('definition')}>
        {(id) => (
          <Input.TextArea
            id={id}
            value={indicator.definition ?? ''}
            autoSize={{ minRows: 1, maxRows: 5 }}
            onChange={(e) => set({ definition: e.target.value || undefined })}
          />
        )}
      </Field>
      <Flex wrap gap={12}>
        <TargetEditor
          target={indicator.target}
          unit={indicator.unit}
          onChange={(target) => set({ target })}
          path={`${path}.target`}
          issues={issues}
        />
      </Flex>
      <Flex wrap gap={12}>
        <AssessorEditor
          assessor={indicator.assessor}
          onChange={(assessor) => set({ assessor })}
          path={`${path}.assessor`}
          issues={issues}
        />
        <DataSourceEditor
          source={indicator.dataSource}
          onChange={(dataSource) => set({ dataSource })}
          path={`${path}.dataSource`}
          issues={issues}
        />
      </Flex>
      <RuleBuilder
        rule={indicator.rule}
        onChange={(rule) => set({ rule })}
        maxPoints={indicator.maxPoints}
        unit={indicator.unit}
        path={`${path}.rule`}
        issues={issues}
      />
    </Flex>
  )
}

export function TargetEditor({
  target,
  unit,
  onChange,
  path,
  issues,
}: {
  target: Target
  /** The indicator's unit: a % target is typed in percent points (95 → 0.95), as on sheets. */
  unit?: string
  onChange: (target: Target) => void
  path: string
  issues: readonly TemplateIssue[]
}) {
  const { t } = useTranslation()
  const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)
  const switchKind = (kind: Target['kind']): Target => {
    switch (kind) {
      case 'none':
        return { kind }
      case 'fixed':
        return { kind, value: 0 }
      case 'per_employee':
        return { kind }
      case 'derived':
        return { kind, metric: '', from: 'previous_period_daily_average', factor: 1.1 }
    }
  }
  return (
    <>
      <Field
        label={t('templates.editor.indicator.targetKind')}
        issues={[...at('kind'), ...findIssues(issues, path, true)]}
        width={150}
      >
        {(id) => (
          <Select
            id={id}
            value={target.kind}
            onChange={(kind) => onChange(switchKind(kind))}
            options={targetKinds.map((kind) => ({ value: kind, label: t(`templates.target.${kind}`) }))}
          />
        )}
      </Field>
      {target.kind === 'fixed' ? (
        <Field label={t('templates.editor.indicator.targetValue')} issues={at('value')}>
          {(id) => (
            <UnitNumberInput
              id={id}
              value={target.value}
              unit={unit}
              onChange={(v) => onChange({ ...target, value: v ?? 0 })}
            />
          )}
        </Field>
      ) : null}
      {target.kind === 'per_employee' ? (
        <Field label={t('templates.editor.indicator.targetDefault')} issues={at('default')}>
          {(id) => (
            <UnitNumberInput
              id={id}
              value={target.default}
              unit={unit}
              onChange={(v) =>
                onChange(v === undefined ? { kind: 'per_employee' } : { ...target, default: v })
              }
            />
          )}
        </Field>
      ) : null}
      {target.kind === 'derived' ? (
        <>
          <Field label={t('templates.editor.indicator.targetMetric')} issues={at('metric')} width={160}>
            {(id) => (
              <Input
                id={id}
                value={target.metric}
                onChange={(e) => onChange({ ...target, metric: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('templates.editor.indicator.targetFrom')} issues={at('from')} width={150}>
            {(id) => (
              <Select
                id={id}
                value={target.from}
                onChange={(from) => onChange({ ...target, from })}
                options={(
                  [
                    'previous_period_daily_average',
                    'previous_period_total',
                    'same_period_last_year',
                    'last_periods_average',
                  ] as const
                ).map((v) => ({
                  value: v,
                  label: t(`templates.target.from.${v}`),
                }))}
              />
            )}
          </Field>
          {target.from === 'last_periods_average' ? (
            <Field label={t('templates.editor.indicator.targetPeriods')} issues={at('periods')} width={110}>
              {(id) => (
                <NumberInput
                  id={id}
                  value={target.periods ?? 3}
                  step={1}
                  onChange={(v) => onChange({ ...target, periods: v ?? 3 })}
                />
              )}
            </Field>
          ) : null}
          {target.from === 'same_period_last_year' || target.from === 'last_periods_average' ? (
            <Field label={t('templates.editor.indicator.targetPerDay')} issues={at('perDay')} width={140}>
              {(id) => (
                <Select
                  id={id}
                  value={target.perDay === true ? 'day' : 'total'}
                  onChange={(v) => onChange({ ...target, perDay: v === 'day' })}
                  options={(['total', 'day'] as const).map((v) => ({
                    value: v,
                    label: t(`templates.target.perDay.${v}`),
                  }))}
                />
              )}
            </Field>
          ) : null}
          <Field label={t('templates.editor.indicator.targetFactor')} issues={at('factor')}>
            {(id) => (
              <NumberInput
                id={id}
                value={target.factor}
                step={0.05}
                onChange={(v) => onChange({ ...target, factor: v ?? 1 })}
              />
            )}
          </Field>
        </>
      ) : null}
    </>
  )
}

export function AssessorEditor({
  assessor,
  onChange,
  path,
  issues,
}: {
  assessor: Assessor
  onChange: (assessor: Assessor) => void
  path: string
  issues: readonly TemplateIssue[]
}) {
  const { t } = useTranslation()
  const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)
  return (
    <>
      <Field label={t('templates.editor.indicator.assessorRater')} issues={at('rater')} width={150}>
        {(id) => (
          <Select
            id={id}
            value={assessor.rater}
            onChange={(rater) =>
              onChange(rater === 'department' ? { rater, department: assessor.department ?? '' } : { rater })
            }
            options={raters.map((rater) => ({ value: rater, label: t(`templates.rater.${rater}`) }))}
          />
        )}
      </Field>
      {assessor.rater === 'department' ? (
        <Field
          label={t('templates.editor.indicator.assessorDepartment')}
          issues={at('department')}
          width={160}
        >
          {(id) => (
            <Input
              id={id}
              value={assessor.department ?? ''}
              onChange={(e) => onChange({ ...assessor, department: e.target.value })}
            />
          )}
        </Field>
      ) : null}
    </>
  )
}

export function DataSourceEditor({
  source,
  onChange,
  path,
  issues,
}: {
  source: DataSource
  onChange: (source: DataSource) => void
  path: string
  issues: readonly TemplateIssue[]
}) {
  const { t } = useTranslation()
  const at = (sub: string) => findIssues(issues, `${path}.${sub}`, true)
  return (
    <>
      <Field label={t('templates.editor.indicator.dataSourceKind')} issues={at('kind')} width={180}>
        {(id) => (
          <Select
            id={id}
            value={source.kind}
            onChange={(kind) =>
              onChange(
                kind === 'manual' || kind === 'sampling'
                  ? { kind }
                  : kind === 'organisation'
                    ? { kind, fact: 'leavers_by_tenure' }
                    : { kind, metric: '', attribution: 'employee' },
              )
            }
            options={(['manual', 'metric', 'sampling', 'organisation'] as const).map((kind) => ({
              value: kind,
              label: t(`templates.dataSource.kind.${kind}`),
            }))}
          />
        )}
      </Field>
      {source.kind === 'metric' ? (
        <>
          <Field label={t('templates.editor.indicator.metric')} issues={at('metric')} width={180}>
            {(id) => (
              <Input
                id={id}
                value={source.metric}
                onChange={(e) => onChange({ ...source, metric: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('templates.editor.indicator.attribution')} issues={at('attribution')} width={110}>
            {(id) => (
              <Select
                id={id}
                value={source.attribution}
                onChange={(attribution) => onChange({ ...source, attribution })}
                options={attributions.map((a) => ({
                  value: a,
                  label: t(`templates.dataSource.attribution.${a}`),
                }))}
              />
            )}
          </Field>
        </>
      ) : null}
    </>
  )
}
