import { Alert, Button, Drawer, Flex, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ChangedRuleDto,
  PaySchemeDraft,
  SimulationRequest,
  SimulationRow,
} from '../../../../contracts/simulations.ts'
import type { Template } from '../../../../contracts/template.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { useDashboardCycles } from '../../dashboards/api/get-dashboard-cycles.ts'
import { useSimulation } from '../api/get-simulation.ts'
import { useBuiltinPaySchemes } from '../api/list-builtin-pay-schemes.ts'
import { useStartSimulation } from '../api/start-simulation.ts'

// 模拟: try a draft template (the editor's) or a pay scheme draft on a finished cycle, and see every person's
// score, grade, coefficient and pay today → draft, the rules that moved them, department totals; export XLSX.

type Props = { open: boolean; onClose: () => void } & (
  | { mode: 'template'; template: Template }
  | { mode: 'pay' }
)

const arrow = (a: string | null, b: string | null) => `${a ?? '—'} → ${b ?? '—'}`

function ruleName(change: ChangedRuleDto, t: (key: string) => string, english: boolean): string {
  if (change.kind === 'scale') return t('simulations.rule.scale')
  if (change.kind === 'grade_bands') return t('simulations.rule.gradeBands')
  if (change.kind === 'coefficient_bands') return t('simulations.rule.coefficientBands')
  return english && change.nameEn ? change.nameEn : change.name
}

export function SimulationDrawer(props: Props) {
  const { t, i18n } = useTranslation()
  const english = i18n.language === 'en'
  const cycles = useDashboardCycles()
  const schemes = useBuiltinPaySchemes()
  const [cycleId, setCycleId] = useState<number>()
  const [schemeText, setSchemeText] = useState('')
  const [schemeError, setSchemeError] = useState(false)
  const [target, setTarget] = useState<{ cycleId: number; simulationId: number }>()
  const start = useStartSimulation()
  const simulation = useSimulation(target)
  const finished = (cycles.data?.items ?? []).filter((c) => c.scored > 0)

  const onStart = () => {
    if (cycleId === undefined) return
    let request: SimulationRequest
    if (props.mode === 'template') request = { template: props.template }
    else {
      try {
        request = { payScheme: JSON.parse(schemeText) as PaySchemeDraft }
        setSchemeError(false)
      } catch {
        setSchemeError(true)
        return
      }
    }
    start.mutate(
      { cycleId, request },
      { onSuccess: (started) => setTarget({ cycleId, simulationId: started.simulationId }) },
    )
  }

  const status = simulation.data
  const result = status?.simulation ?? null
  const columns = [
    {
      title: t('simulations.person'),
      key: 'person',
      fixed: 'left' as const,
      width: 120,
      render: (_: unknown, r: SimulationRow) => (
        <Space direction="vertical" size={0}>
          <span>{r.employeeName}</span>
          <Typography.Text type="secondary">
            {r.departmentName ?? t('simulations.noDepartment')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('simulations.score'),
      key: 'score',
      render: (_: unknown, r: SimulationRow) => arrow(r.today.total, r.draft.total),
    },
    {
      title: t('simulations.grade'),
      key: 'grade',
      render: (_: unknown, r: SimulationRow) => arrow(r.today.grade, r.draft.grade),
    },
    {
      title: t('simulations.coefficient'),
      key: 'coefficient',
      render: (_: unknown, r: SimulationRow) => arrow(r.today.coefficient, r.draft.coefficient),
    },
    {
      title: t('simulations.pay'),
      key: 'pay',
      render: (_: unknown, r: SimulationRow) => arrow(r.today.pay, r.draft.pay),
    },
    {
      title: t('simulations.deltaPay'),
      key: 'delta',
      render: (_: unknown, r: SimulationRow) => r.delta.pay ?? '—',
    },
    {
      title: t('simulations.changedBy'),
      key: 'changes',
      render: (_: unknown, r: SimulationRow) => (
        <Space wrap size={4}>
          {r.changes.map((c) => (
            <Tag key={`${c.kind}:${c.key}`}>{`${ruleName(c, t, english)} ${arrow(c.before, c.after)}`}</Tag>
          ))}
          {r.problems.map((p) => (
            <Tag key={p['zh-CN']} color="warning">
              {english ? p.en : p['zh-CN']}
            </Tag>
          ))}
        </Space>
      ),
    },
  ]
  const language = i18n.language === 'zh-TW' || i18n.language === 'en' ? i18n.language : 'zh-CN'

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('simulations.title')}
      width="min(1100px, 100vw)"
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('simulations.intro')}</Typography.Paragraph>
        <Flex wrap gap={8}>
          <Select
            aria-label={t('simulations.cycle')}
            placeholder={t('simulations.cycle')}
            style={{ minWidth: 220 }}
            loading={cycles.isPending}
            value={cycleId}
            onChange={setCycleId}
            options={finished.map((c) => ({ value: c.id, label: c.name }))}
          />
          {props.mode === 'pay' ? (
            <Select
              aria-label={t('simulations.startFrom')}
              placeholder={t('simulations.startFrom')}
              style={{ minWidth: 220 }}
              loading={schemes.isPending}
              onChange={(code: string) => {
                const found = schemes.data?.items.find((s) => s.scheme.code === code)
                if (found) setSchemeText(JSON.stringify(found.scheme, null, 2))
              }}
              options={(schemes.data?.items ?? []).map((s) => ({
                value: s.scheme.code,
                label: english ? s.scheme.name.en : s.scheme.name['zh-CN'],
              }))}
            />
          ) : null}
          <Button type="primary" disabled={cycleId === undefined} loading={start.isPending} onClick={onStart}>
            {t('simulations.run')}
          </Button>
        </Flex>
        {props.mode === 'pay' ? (
          <Input.TextArea
            aria-label={t('simulations.scheme')}
            value={schemeText}
            onChange={(e) => setSchemeText(e.target.value)}
            autoSize={{ minRows: 4, maxRows: 14 }}
            style={{ fontFamily: 'monospace' }}
          />
        ) : null}
        {schemeError ? <Alert type="error" showIcon title={t('simulations.schemeInvalid')} /> : null}
        {start.isError ? (
          <Alert
            type="error"
            showIcon
            title={t('simulations.failed')}
            description={
              isApiError(start.error)
                ? start.error.issues.map((i) => i.message).join('；') || start.error.message
                : undefined
            }
          />
        ) : null}
        {status && !result && status.status !== 'failed' ? (
          <Progress percent={status.total > 0 ? Math.round((status.done / status.total) * 100) : 0} />
        ) : null}
        {status?.status === 'failed' ? <Alert type="error" showIcon title={t('simulations.failed')} /> : null}
        {result ? (
          <>
            <Flex wrap gap={8} align="center" justify="space-between">
              <Typography.Text strong>
                {t('simulations.summary', {
                  changed: result.all.changed,
                  people: result.all.people,
                  delta: result.all.delta.pay,
                })}
              </Typography.Text>
              <Button
                href={`/api/cycles/${result.cycleId}/simulations/${result.id}/export?language=${language}`}
                download
              >
                {t('simulations.export')}
              </Button>
            </Flex>
            <Table
              size="small"
              rowKey="departmentName"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[...result.departments, { ...result.all, departmentName: t('simulations.all') }]}
              columns={[
                {
                  title: t('simulations.department'),
                  key: 'department',
                  render: (_: unknown, d) => d.departmentName ?? t('simulations.noDepartment'),
                },
                { title: t('simulations.people'), dataIndex: 'people' },
                { title: t('simulations.changed'), dataIndex: 'changed' },
                {
                  title: t('simulations.averageScore'),
                  key: 'avg',
                  render: (_: unknown, d) => arrow(d.today.averageScore, d.draft.averageScore),
                },
                {
                  title: t('simulations.pay'),
                  key: 'pay',
                  render: (_: unknown, d) => arrow(d.today.pay, d.draft.pay),
                },
                { title: t('simulations.deltaPay'), key: 'delta', render: (_: unknown, d) => d.delta.pay },
              ]}
            />
            <Table
              size="small"
              rowKey="sheetId"
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              dataSource={[...result.rows].sort((a, b) => Number(b.changed) - Number(a.changed))}
              columns={columns}
            />
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}
