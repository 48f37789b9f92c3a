import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Input, InputNumber, Popconfirm, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreedTargets, Indicator, SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { UnitNumberInput } from '../../templates/components/unit-number-input.tsx'
import { useSheetStep } from '../api/run-sheet-step.ts'
import { formatNumber, formatValue } from '../format-value.ts'

type Draft = Record<string, { target?: number; weight?: number; note?: string }>

function defaultTarget(indicator: Indicator): number | undefined {
  const t = indicator.target
  return t.kind === 'fixed' ? t.value : t.kind === 'per_employee' ? t.default : undefined
}

// Targets and weights of the period (目标与权重): both the employee and the reviewer confirm them; either may
// edit them while the sheet is a draft (which clears both confirmations); then the period starts.
export function TargetsPanel({ sheet }: { sheet: SheetDetail }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const indicators = sheet.template.definition.dimensions.flatMap((d) => d.indicators)
  const agreed: AgreedTargets = sheet.targets ?? {}
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<Draft>({})
  const canEdit = sheet.allowedActions.includes('set_targets')
  const canConfirm = sheet.allowedActions.includes('confirm_targets')
  const canStart = sheet.allowedActions.includes('start')
  const myConfirmation =
    sheet.party === 'owner'
      ? sheet.ownerConfirmedAt
      : sheet.party === 'reviewer'
        ? sheet.reviewerConfirmedAt
        : null
  const templateTotal = sheet.template.definition.dimensions.reduce((s, d) => s + d.maxPoints, 0)
  const weightTotal = indicators.reduce((s, i) => s + (draft[i.key]?.weight ?? i.maxPoints), 0)

  const startEditing = () => {
    setDraft(
      Object.fromEntries(
        indicators.map((i) => [
          i.key,
          {
            target: agreed.indicators?.[i.key]?.target ?? defaultTarget(i),
            weight: agreed.indicators?.[i.key]?.weight ?? i.maxPoints,
            note: agreed.indicators?.[i.key]?.note,
          },
        ]),
      ),
    )
    setEditing(true)
  }

  const save = () => {
    const body: Draft = {}
    for (const i of indicators) {
      const d = draft[i.key]
      if (!d) continue
      const entry: Draft[string] = {}
      if (d.target !== undefined) entry.target = d.target
      if (d.weight !== undefined && d.weight !== i.maxPoints) entry.weight = d.weight
      if (d.note?.trim()) entry.note = d.note.trim()
      if (Object.keys(entry).length > 0) body[i.key] = entry
    }
    // Weights are sent together or not at all: the server checks that they keep the template's total.
    if (Object.values(body).some((e) => e.weight !== undefined))
      for (const i of indicators)
        body[i.key] = { ...body[i.key], weight: draft[i.key]?.weight ?? i.maxPoints }
    step.mutate(
      { sheetId: sheet.id, step: 'targets', body: { expectedVersion: sheet.version, indicators: body } },
      {
        onSuccess: () => {
          setEditing(false)
          void message.success(t('sheets.targets.saved'))
        },
      },
    )
  }

  const simple = (name: 'confirm-targets' | 'start', done: string) =>
    step.mutate(
      { sheetId: sheet.id, step: name, body: { expectedVersion: sheet.version } },
      { onSuccess: () => void message.success(done) },
    )

  const confirmation = (label: string, at: string | null) => (
    <Tag
      icon={at ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined />}
      color={at ? 'success' : 'default'}
    >
      {at
        ? t('sheets.targets.confirmedAt', { who: label, at: dayjs(at).format('YYYY-MM-DD HH:mm') })
        : t('sheets.targets.notConfirmed', { who: label })}
    </Tag>
  )

  return (
    <Card
      size="small"
      title={t('sheets.targets.title')}
      data-testid="targets-panel"
      extra={
        canEdit && !editing ? (
          <Button size="small" onClick={startEditing}>
            {t('sheets.targets.edit')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={10}>
        {indicators.map((indicator) => {
          const own = agreed.indicators?.[indicator.key]
          // A target derived from history, frozen when the cycle opened, with its derivation in words.
          const derived = agreed.derived?.[indicator.key]
          const derivedMissing = own?.target === undefined && derived !== undefined && derived.value === null
          const d = draft[indicator.key] ?? {}
          return (
            <Flex key={indicator.key} vertical gap={4} data-testid={`target-${indicator.key}`}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{indicator.name}</Typography.Text>
                {editing ? null : (
                  <Typography.Text>
                    {t('sheets.targets.targetWeight', {
                      target: derivedMissing
                        ? t('sheets.targets.historyMissing')
                        : formatValue(
                            own?.target ?? derived?.value ?? defaultTarget(indicator),
                            indicator.unit,
                          ),
                      weight: formatNumber(own?.weight ?? indicator.maxPoints),
                    })}
                  </Typography.Text>
                )}
              </Flex>
              {derived && own?.target === undefined ? (
                <Typography.Text
                  type={derivedMissing ? 'warning' : 'secondary'}
                  style={{ fontSize: 12 }}
                  data-testid={`target-derivation-${indicator.key}`}
                >
                  {t('sheets.targets.fromHistory')}：
                  {
                    derived.explanation[
                      i18n.language === 'en' ? 'en' : i18n.language === 'zh-TW' ? 'zh-TW' : 'zh-CN'
                    ]
                  }
                </Typography.Text>
              ) : null}
              {editing ? (
                <Flex wrap gap={8}>
                  <UnitNumberInput
                    aria-label={`${indicator.name} ${t('sheets.targets.target')}`}
                    placeholder={t('sheets.targets.target')}
                    width={140}
                    unit={indicator.unit}
                    value={d.target}
                    onChange={(target) =>
                      setDraft((all) => ({
                        ...all,
                        [indicator.key]: { ...all[indicator.key], target },
                      }))
                    }
                  />
                  <InputNumber
                    aria-label={`${indicator.name} ${t('sheets.targets.weight')}`}
                    placeholder={t('sheets.targets.weight')}
                    min={0}
                    style={{ width: 110 }}
                    value={d.weight ?? null}
                    onChange={(v) =>
                      setDraft((all) => ({
                        ...all,
                        [indicator.key]: {
                          ...all[indicator.key],
                          weight: typeof v === 'number' ? v : undefined,
                        },
                      }))
                    }
                  />
                  <Input
                    aria-label={`${indicator.name} ${t('sheets.targets.note')}`}
                    placeholder={t('sheets.targets.note')}
                    style={{ flex: '1 1 160px' }}
                    maxLength={1000}
                    value={d.note ?? ''}
                    onChange={(e) =>
                      setDraft((all) => ({
                        ...all,
                        [indicator.key]: { ...all[indicator.key], note: e.target.value },
                      }))
                    }
                  />
                </Flex>
              ) : own?.note ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {own.note}
                </Typography.Text>
              ) : null}
            </Flex>
          )
        })}
        {editing ? (
          <>
            <Typography.Text type={Math.abs(weightTotal - templateTotal) > 1e-9 ? 'danger' : 'secondary'}>
              {t('sheets.targets.weightTotal', {
                total: formatNumber(weightTotal),
                expected: formatNumber(templateTotal),
              })}
            </Typography.Text>
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => setEditing(false)}>{t('sheets.cancel')}</Button>
              <Button type="primary" loading={step.isPending} onClick={save}>
                {t('sheets.targets.save')}
              </Button>
            </Flex>
          </>
        ) : null}
        <Flex wrap gap={6}>
          {confirmation(t('sheets.party.owner'), sheet.ownerConfirmedAt)}
          {confirmation(t('sheets.party.reviewer'), sheet.reviewerConfirmedAt)}
        </Flex>
        {step.isError ? <Alert type="error" showIcon title={describeError(t, step.error)} /> : null}
        {!editing && (canConfirm || canStart) ? (
          <Flex wrap gap={8} justify="flex-end">
            {canConfirm && !myConfirmation ? (
              <Popconfirm
                title={t('sheets.targets.confirmQuestion')}
                okText={t('sheets.targets.confirm')}
                cancelText={t('sheets.cancel')}
                onConfirm={() => simple('confirm-targets', t('sheets.targets.confirmed'))}
              >
                <Button type="primary" loading={step.isPending}>
                  {t('sheets.targets.confirm')}
                </Button>
              </Popconfirm>
            ) : null}
            {canStart ? (
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => simple('start', t('sheets.targets.started'))}
              >
                {t('sheets.targets.start')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  )
}
