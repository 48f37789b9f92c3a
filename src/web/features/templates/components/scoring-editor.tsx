import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Checkbox, Flex, Input, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  CoefficientBand,
  GradeBand,
  RaterWeights,
  TemplateScoring,
} from '../../../../contracts/template.ts'
import type { TemplateIssue } from '../../../../contracts/template-api.ts'
import { formatNumber } from '../format-number.ts'
import { findIssues } from '../issue-paths.ts'
import { removeAt, replaceAt } from '../update-list.ts'
import { Field, IssueList } from './field.tsx'
import { NumberInput } from './number-input.tsx'

const raterKeys = ['supervisor', 'self', 'peer', 'sampling', 'hr'] as const

// Scoring settings: the scale, how raters blend (e.g. 主管 75% + 自评 25%), grade bands and 绩效系数 bands.
export function ScoringEditor({
  scoring,
  onChange,
  issues,
}: {
  scoring: TemplateScoring
  onChange: (scoring: TemplateScoring) => void
  issues: readonly TemplateIssue[]
}) {
  const { t } = useTranslation()
  const at = (sub: string) => findIssues(issues, `scoring.${sub}`, true)
  const set = (patch: Partial<TemplateScoring>) => onChange({ ...scoring, ...patch })
  const weightSum = raterKeys.reduce((sum, key) => sum + (scoring.raterWeights[key] ?? 0), 0)

  const setWeight = (key: (typeof raterKeys)[number], value: number | undefined) => {
    const next: RaterWeights = { ...scoring.raterWeights }
    if (value === undefined || value === 0) delete next[key]
    else next[key] = value
    set({ raterWeights: next })
  }
  const setGrade = (index: number, patch: Partial<GradeBand>) =>
    set({ grades: replaceAt(scoring.grades, index, { ...(scoring.grades[index] as GradeBand), ...patch }) })
  const setCoefficient = (index: number, patch: Partial<CoefficientBand>) =>
    set({
      coefficients: replaceAt(scoring.coefficients, index, {
        ...(scoring.coefficients[index] as CoefficientBand),
        ...patch,
      }),
    })

  return (
    <Card size="small" title={t('templates.editor.scoring')}>
      <Flex vertical gap={16}>
        <IssueList issues={findIssues(issues, 'scoring', true)} />
        <Flex wrap gap={16}>
          <Field label={t('templates.editor.scale')} issues={at('scale')}>
            {(id) => (
              <Radio.Group
                id={id}
                value={scoring.scale}
                onChange={(e) => set({ scale: e.target.value })}
                options={(['hundred', 'raw_points'] as const).map((s) => ({
                  value: s,
                  label: t(`templates.scale.${s}`),
                }))}
              />
            )}
          </Field>
          <Field label={t('templates.editor.bonusCap')} issues={at('bonusCap')}>
            {(id) => (
              <NumberInput
                id={id}
                value={scoring.bonusCap}
                min={0}
                onChange={(bonusCap) => set({ bonusCap })}
              />
            )}
          </Field>
        </Flex>

        <div>
          <Typography.Text strong>{t('templates.editor.raterWeights')}</Typography.Text>{' '}
          <Typography.Text type={Math.abs(weightSum - 1) < 1e-9 ? 'secondary' : 'warning'}>
            {t('templates.editor.raterWeightsSum', { sum: formatNumber(weightSum) })}
          </Typography.Text>
          <Flex wrap gap={12} style={{ marginTop: 4 }}>
            {raterKeys.map((key) => (
              <Field key={key} label={t(`templates.rater.${key}`)} issues={at(`raterWeights.${key}`)}>
                {(id) => (
                  <NumberInput
                    id={id}
                    value={scoring.raterWeights[key]}
                    min={0}
                    max={1}
                    step={0.05}
                    width={90}
                    onChange={(v) => setWeight(key, v)}
                  />
                )}
              </Field>
            ))}
          </Flex>
          <IssueList issues={at('raterWeights')} />
        </div>

        <div>
          <Typography.Text strong>{t('templates.editor.grades')}</Typography.Text>
          <Flex vertical gap={8} style={{ marginTop: 4 }}>
            {scoring.grades.map((grade, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <Flex key={index} wrap gap={8} align="flex-end">
                <Field label={t('templates.editor.grade')} issues={at(`grades.${index}.grade`)} width={110}>
                  {(id) => (
                    <Input
                      id={id}
                      value={grade.grade}
                      onChange={(e) => setGrade(index, { grade: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  label={t('templates.editor.gradeLabel')}
                  issues={at(`grades.${index}.label`)}
                  width={110}
                >
                  {(id) => (
                    <Input
                      id={id}
                      value={grade.label['zh-CN']}
                      onChange={(e) =>
                        setGrade(index, { label: { ...grade.label, 'zh-CN': e.target.value } })
                      }
                    />
                  )}
                </Field>
                <Field label={t('templates.editor.gradeMin')} issues={at(`grades.${index}.min`)}>
                  {(id) => (
                    <Flex gap={4} align="center">
                      <NumberInput
                        id={id}
                        value={grade.min}
                        width={80}
                        onChange={(v) => setGrade(index, { min: v ?? 0 })}
                      />
                      <Checkbox
                        checked={grade.minInclusive}
                        onChange={(e) => setGrade(index, { minInclusive: e.target.checked })}
                      >
                        {t('templates.rule.fields.inclusive')}
                      </Checkbox>
                    </Flex>
                  )}
                </Field>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('templates.rule.fields.remove')}
                  onClick={() => set({ grades: removeAt(scoring.grades, index) })}
                />
              </Flex>
            ))}
            <IssueList issues={at('grades')} />
            <Button
              icon={<PlusOutlined />}
              size="small"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                set({
                  grades: [
                    ...scoring.grades,
                    { grade: '', label: { 'zh-CN': '' }, min: 0, minInclusive: true },
                  ],
                })
              }
            >
              {t('templates.editor.addGrade')}
            </Button>
          </Flex>
        </div>

        <div>
          <Typography.Text strong>{t('templates.editor.coefficients')}</Typography.Text>
          <Flex vertical gap={8} style={{ marginTop: 4 }}>
            {scoring.coefficients.map((band, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <Flex key={index} wrap gap={8} align="flex-end">
                <Field label={t('templates.editor.gradeMin')} issues={at(`coefficients.${index}.min`)}>
                  {(id) => (
                    <Flex gap={4} align="center">
                      <NumberInput
                        id={id}
                        value={band.min}
                        width={80}
                        onChange={(v) => setCoefficient(index, { min: v ?? 0 })}
                      />
                      <Checkbox
                        checked={band.minInclusive}
                        onChange={(e) => setCoefficient(index, { minInclusive: e.target.checked })}
                      >
                        {t('templates.rule.fields.inclusive')}
                      </Checkbox>
                    </Flex>
                  )}
                </Field>
                <Field
                  label={t('templates.editor.coefficient')}
                  issues={at(`coefficients.${index}.coefficient`)}
                >
                  {(id) => (
                    <NumberInput
                      id={id}
                      value={band.coefficient}
                      step={0.1}
                      width={80}
                      onChange={(v) => setCoefficient(index, { coefficient: v ?? 0 })}
                    />
                  )}
                </Field>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('templates.rule.fields.remove')}
                  onClick={() => set({ coefficients: removeAt(scoring.coefficients, index) })}
                />
              </Flex>
            ))}
            <IssueList issues={at('coefficients')} />
            <Button
              icon={<PlusOutlined />}
              size="small"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                set({
                  coefficients: [...scoring.coefficients, { min: 0, minInclusive: true, coefficient: 1 }],
                })
              }
            >
              {t('templates.editor.addCoefficient')}
            </Button>
          </Flex>
        </div>
      </Flex>
    </Card>
  )
}
