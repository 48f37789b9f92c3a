import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Result,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { StoredSampleScore, WeeklySample } from '../../../../contracts/rota.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useDrawSamples, useRotaEmployees, useSamplingComponent, useWeeklySamples } from '../api/rota-api.ts'
import { dateFormat, isoWeekLabel, weekStartOf } from '../rota-dates.ts'
import { ScoreSampleDialog } from './score-sample-dialog.tsx'

/** Conversation ids pasted one per line (or separated by commas or spaces), blanks and repeats dropped. */
export function parseItemIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
}

// 抽检: the supervisor draws the week's conversations per agent from a seed (recorded, so the draw can be redone
// and checked), scores each on the template's indicators with a comment, and sees the month's component.
export function SamplingQueue() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const weekStart = weekStartOf(dayjs(params.get('weekOf') ?? undefined))
  const week = isoWeekLabel(weekStart)
  const samples = useWeeklySamples(week)
  const employees = useRotaEmployees()
  const draw = useDrawSamples()
  const [agents, setAgents] = useState<number[]>([])
  const [texts, setTexts] = useState<Record<number, string>>({})
  const [sampleSize, setSampleSize] = useState(3)
  const [seed, setSeed] = useState('')
  const [scoring, setScoring] = useState<{
    draw: WeeklySample
    itemId: string
    score: StoredSampleScore | null
  }>()
  const nameOf = (id: number) => employees.data?.items.find((e) => e.id === id)?.name ?? `#${id}`
  const drawn = new Set(samples.data?.items.map((d) => d.employeeId) ?? [])

  const submitDraw = () =>
    draw.mutate(
      {
        week,
        sampleSize,
        ...(seed.trim() ? { seed: seed.trim() } : {}),
        candidates: agents.map((employeeId) => ({
          employeeId,
          itemIds: parseItemIds(texts[employeeId] ?? ''),
        })),
      },
      {
        onSuccess: () => {
          message.success(t('rota.drawn'))
          setAgents([])
          setTexts({})
        },
        onError: (error) => message.error(describeError(t, error)),
      },
    )

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <DatePicker
          aria-label={t('rota.week')}
          picker="week"
          allowClear={false}
          value={weekStart}
          onChange={(d) => {
            if (!d) return
            const next = new URLSearchParams(params)
            next.set('weekOf', d.format(dateFormat))
            setParams(next, { replace: true })
          }}
        />
        <Typography.Text strong>{week}</Typography.Text>
      </Flex>
      <Card size="small" title={t('rota.drawTitle', { week })}>
        <Flex vertical gap={8}>
          <Flex wrap gap={8} align="center">
            <Select
              aria-label={t('rota.drawAgents')}
              mode="multiple"
              style={{ minWidth: 260 }}
              placeholder={t('rota.drawAgents')}
              value={agents}
              onChange={setAgents}
              optionFilterProp="label"
              options={(employees.data?.items ?? []).map((e) => ({
                value: e.id,
                label: e.name,
                disabled: drawn.has(e.id),
              }))}
            />
            <InputNumber
              aria-label={t('rota.sampleSize')}
              prefix={t('rota.sampleSize')}
              min={1}
              max={100}
              value={sampleSize}
              onChange={(v) => v && setSampleSize(v)}
            />
            <Input
              aria-label={t('rota.seed')}
              placeholder={t('rota.seedPlaceholder')}
              style={{ width: 240 }}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
            />
          </Flex>
          {agents.map((id) => (
            <Input.TextArea
              key={id}
              aria-label={t('rota.candidatesOf', { name: nameOf(id) })}
              placeholder={t('rota.candidatesOf', { name: nameOf(id) })}
              autoSize={{ minRows: 2, maxRows: 6 }}
              value={texts[id] ?? ''}
              onChange={(e) => setTexts({ ...texts, [id]: e.target.value })}
            />
          ))}
          <div>
            <Button
              type="primary"
              disabled={agents.length === 0}
              loading={draw.isPending}
              onClick={submitDraw}
            >
              {t('rota.draw')}
            </Button>
          </div>
        </Flex>
      </Card>
      {samples.isError ? (
        <Result status="error" title={t('rota.loadFailed')} subTitle={describeError(t, samples.error)} />
      ) : null}
      {(samples.data?.items ?? []).map((d) => (
        <Card
          key={d.id}
          size="small"
          title={`${d.employeeName} · ${d.week}`}
          extra={
            <Typography.Text type="secondary" copyable={{ text: d.seed }}>
              {t('rota.seedShown', { seed: d.seed, count: d.candidateIds.length })}
            </Typography.Text>
          }
        >
          <Table
            aria-label={t('rota.sampleOf', { name: d.employeeName })}
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: t('rota.item'), dataIndex: 'itemId' },
              {
                title: t('rota.score'),
                key: 'score',
                render: (_: unknown, i) =>
                  i.score ? <Tag color="green">{i.score.score}</Tag> : <Tag>{t('rota.unscored')}</Tag>,
              },
              { title: t('rota.comment'), key: 'comment', render: (_: unknown, i) => i.score?.comment ?? '' },
              {
                title: t('rota.actions'),
                key: 'actions',
                render: (_: unknown, i) => (
                  <Button
                    size="small"
                    onClick={() => setScoring({ draw: d, itemId: i.itemId, score: i.score })}
                  >
                    {i.score ? t('rota.rescore') : t('rota.scoreIt')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <ComponentCard month={weekStart.add(3, 'day').format('YYYY-MM')} agents={samples.data?.items ?? []} />
      {scoring ? <ScoreSampleDialog target={scoring} onClose={() => setScoring(undefined)} /> : null}
    </Flex>
  )
}

// The month's supervisor component for one agent: the mean of the scored samples, blended 75/25 with a self score.
function ComponentCard({ month, agents }: { month: string; agents: WeeklySample[] }) {
  const { t } = useTranslation()
  const [employeeId, setEmployeeId] = useState<number>()
  const [selfScore, setSelfScore] = useState<number | null>(null)
  const chosen = employeeId ?? agents[0]?.employeeId
  const component = useSamplingComponent({ employeeId: chosen, month, selfScore })
  return (
    <Card size="small" title={t('rota.componentTitle', { month })}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('rota.agent')}
          style={{ width: 160 }}
          value={chosen}
          onChange={setEmployeeId}
          options={agents.map((a) => ({ value: a.employeeId, label: a.employeeName }))}
        />
        <InputNumber
          aria-label={t('rota.selfScore')}
          prefix={t('rota.selfScore')}
          min={0}
          max={100}
          value={selfScore}
          onChange={(v) => setSelfScore(v)}
        />
      </Flex>
      {component.data ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          aria-label={t('rota.componentTitle', { month })}
        >
          <Descriptions.Item label={t('rota.sampleCount')}>{component.data.sampleCount}</Descriptions.Item>
          <Descriptions.Item label={t('rota.supervisorScore')}>
            {component.data.supervisorScore ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('rota.componentTotal')}>
            {component.data.total ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('rota.unscoredCount')}>
            {component.data.unscoredItems.length}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('rota.noDraws')}</Typography.Text>
      )}
    </Card>
  )
}
