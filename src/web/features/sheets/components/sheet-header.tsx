import { Card, Descriptions, Flex, Grid, Progress, Steps, Tag, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { SheetDetail, SheetState } from '../../../../contracts/sheets.ts'
import { sheetStages, stageDueDate, stageIndex, stageOf } from '../sheet-stages.ts'

/** The state of a sheet as a coloured tag (reused by lists and the HR pages). */
export function SheetStateTag({ state }: { state: SheetState }) {
  const { t } = useTranslation()
  const color =
    state === 'final'
      ? 'default'
      : state === 'appeal_filed' || state === 'investigating'
        ? 'orange'
        : state === 'draft'
          ? 'gold'
          : 'blue'
  return <Tag color={color}>{t(`sheets.state.${state}`)}</Tag>
}

export type SheetHeaderProps = {
  sheet: Pick<
    SheetDetail,
    'state' | 'cycle' | 'employee' | 'department' | 'reviewer' | 'template' | 'appealDeadline'
  > & { events?: SheetDetail['events'] }
}

// The reviewer, marked 受委托 when the review was handed to them (委托评分), with who did it, when and why.
function Reviewer({ sheet }: SheetHeaderProps) {
  const { t } = useTranslation()
  if (!sheet.reviewer) return <>—</>
  const delegation = sheet.events?.findLast((e) => e.action === 'delegate')
  if (!delegation) return <>{sheet.reviewer.name}</>
  const detail = t('sheets.header.delegatedBy', {
    by: delegation.actorName ?? '—',
    date: dayjs(delegation.at).format('YYYY-MM-DD'),
    reason: delegation.reason ?? '—',
  })
  return (
    <Flex wrap gap={4} align="center" data-testid="sheet-reviewer">
      {sheet.reviewer.name}
      <Tooltip title={detail}>
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('sheets.header.delegated')}
        </Tag>
      </Tooltip>
    </Flex>
  )
}

// The top of a sheet: who and which period, the template, and the stages from targets to the archive with
// each stage's due date. On a phone the eight steps become one line and a segmented bar.
export function SheetHeader({ sheet }: SheetHeaderProps) {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  const wide = screens.lg ?? true
  const current = stageIndex(sheet.state)
  const stage = stageOf(sheet.state)
  const due = (s: (typeof sheetStages)[number]) =>
    stageDueDate(s, sheet.cycle.deadlines, sheet.appealDeadline)
  const currentDue = due(stage)

  return (
    <Card size="small" data-testid="sheet-header">
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {sheet.employee.name} · {sheet.cycle.name}
          </Typography.Title>
          <SheetStateTag state={sheet.state} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'period',
              label: t('sheets.header.period'),
              children: `${sheet.cycle.periodStart} ~ ${sheet.cycle.periodEnd}`,
            },
            {
              key: 'department',
              label: t('sheets.header.department'),
              children: sheet.department?.name ?? '—',
            },
            { key: 'reviewer', label: t('sheets.header.reviewer'), children: <Reviewer sheet={sheet} /> },
            {
              key: 'template',
              label: t('sheets.header.template'),
              children: t('sheets.header.templateVersion', {
                name: sheet.template.name,
                version: sheet.template.version,
              }),
            },
          ]}
        />
        {wide ? (
          <Steps
            size="small"
            current={current}
            items={sheetStages.map((s) => {
              const date = due(s)
              return {
                key: s,
                title: t(`sheets.stage.${s}`),
                content: date ? t('sheets.header.dueOn', { date }) : undefined,
              }
            })}
          />
        ) : (
          <Flex vertical gap={4} data-testid="sheet-stage-compact">
            <Typography.Text>
              {sheet.state === 'final'
                ? t('sheets.stage.final')
                : t('sheets.header.stageOf', {
                    n: current + 1,
                    total: sheetStages.length,
                    stage: t(`sheets.stage.${stage}`),
                  })}
              {currentDue ? (
                <Typography.Text type="secondary">
                  {' '}
                  · {t('sheets.header.dueOn', { date: currentDue })}
                </Typography.Text>
              ) : null}
            </Typography.Text>
            <Progress
              steps={sheetStages.length}
              percent={Math.round((Math.min(current + 1, sheetStages.length) / sheetStages.length) * 100)}
              showInfo={false}
              size={[28, 6]}
            />
          </Flex>
        )}
      </Flex>
    </Card>
  )
}
