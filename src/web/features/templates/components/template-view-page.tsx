import { CopyOutlined, EditOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import type { AdjustmentItem, Indicator, Template } from '../../../../contracts/template.ts'
import type { TemplateDetail } from '../../../../contracts/template-api.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useTemplate } from '../api/get-template.ts'
import { describeRule } from '../describe-rule.ts'
import { describeAssessor, describeDataSource, describeTarget, pickText } from '../describe-template-parts.ts'
import { formatNumber } from '../format-number.ts'
import { CopyTemplateDialog } from './copy-template-dialog.tsx'

// One template laid out like the seed tables (维度 / 指标 / 分值 / 考核标准 / 考核人 / 数据来源 / 目标值), with
// its adjustments, scoring settings, source notes and version history.
export function TemplateViewPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [searchParams, setSearchParams] = useSearchParams()
  const versionParam = Number(searchParams.get('version'))
  const version = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : undefined
  const template = useTemplate(id, version)
  const navigate = useNavigate()
  const [copying, setCopying] = useState(false)

  if (template.isPending) return <Skeleton active />
  if (template.isError)
    return (
      <Result status="error" title={t('templates.loadFailed')} subTitle={describeError(t, template.error)} />
    )
  const detail = template.data
  const definition = detail.definition
  const isLatest = detail.version === detail.latestVersion

  return (
    <>
      <PageHeader
        title={detail.name}
        subtitle={
          <Space wrap size={4}>
            <Typography.Text code>{detail.code}</Typography.Text>
            <Tag color={detail.origin === 'builtin' ? 'blue' : 'purple'}>
              {t(`templates.origin.${detail.origin}`)}
            </Tag>
            <Tag color={detail.status === 'active' ? 'green' : 'default'}>
              {t(`templates.status.${detail.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="..">{t('templates.actions.back')}</Link>
            <Select
              aria-label={t('templates.version.history')}
              value={detail.version}
              style={{ width: 150 }}
              onChange={(v: number) =>
                setSearchParams(v === detail.latestVersion ? {} : { version: String(v) })
              }
              options={detail.versions.map((v) => ({
                value: v.version,
                label: t('templates.version.label', { version: v.version }),
              }))}
            />
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
              {t('templates.actions.copy')}
            </Button>
            <Button
              type="primary"
              icon={<EditOutlined />}
              disabled={detail.status === 'archived'}
              onClick={() => navigate(`../${detail.id}/edit`, { relative: 'path' })}
            >
              {t('templates.actions.edit')}
            </Button>
          </Space>
        }
      />
      {isLatest ? null : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('templates.version.viewing', { version: detail.version, latest: detail.latestVersion })}
        />
      )}
      <TemplateTables definition={definition} metricLabels={detail.metricLabels} />
      <VersionHistory
        detail={detail}
        onPick={(v) => setSearchParams(v === detail.latestVersion ? {} : { version: String(v) })}
      />
      <CopyTemplateDialog
        template={copying ? { id: detail.id, code: detail.code, name: detail.name } : undefined}
        onClose={() => setCopying(false)}
      />
    </>
  )
}

/** The read-only body of a template: basics, one table per dimension, adjustments, scoring and source notes. */
export function TemplateTables({
  definition,
  metricLabels = {},
}: {
  definition: Template
  /** Metric names by key, so the page shows 好评率 rather than good_review_rate. */
  metricLabels?: Record<string, { zh: string; en: string }>
}) {
  const { t, i18n } = useTranslation()
  const metricName = (key: string): string | undefined =>
    metricLabels[key]?.[i18n.language === 'en' ? 'en' : 'zh']
  const screens = Grid.useBreakpoint()
  const none = t('templates.view.none')

  const indicatorColumns = [
    {
      title: t('templates.view.columns.indicator'),
      key: 'name',
      width: 160,
      render: (_: unknown, i: Indicator) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{i.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`templates.type.${i.type}`)} · {t(`templates.direction.${i.direction}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('templates.view.columns.definition'),
      key: 'definition',
      render: (_: unknown, i: Indicator) => (
        <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 4, expandable: true }}>
          {i.definition ?? none}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('templates.view.columns.points'),
      key: 'points',
      width: 70,
      align: 'right' as const,
      render: (_: unknown, i: Indicator) => formatNumber(i.maxPoints),
    },
    {
      title: t('templates.view.columns.standard'),
      key: 'standard',
      width: 220,
      render: (_: unknown, i: Indicator) => (
        <Flex vertical gap={2}>
          <Tag style={{ alignSelf: 'flex-start' }}>{t(`templates.rule.shape.${i.rule.shape}`)}</Tag>
          <span style={{ fontSize: 13 }}>{describeRule(t, i.rule, i.unit)}</span>
        </Flex>
      ),
    },
    {
      title: t('templates.view.columns.assessor'),
      key: 'assessor',
      width: 110,
      render: (_: unknown, i: Indicator) => describeAssessor(t, i.assessor),
    },
    {
      title: t('templates.view.columns.dataSource'),
      key: 'dataSource',
      width: 140,
      render: (_: unknown, i: Indicator) =>
        describeDataSource(
          t,
          i.dataSource,
          i.dataSource.kind === 'metric' ? metricName(i.dataSource.metric) : undefined,
        ),
    },
    {
      title: t('templates.view.columns.target'),
      key: 'target',
      width: 120,
      render: (_: unknown, i: Indicator) =>
        describeTarget(
          t,
          i.target,
          i.unit,
          i.target.kind === 'derived' ? metricName(i.target.metric) : undefined,
        ),
    },
  ]

  const adjustmentColumns = [
    {
      title: t('templates.view.columns.item'),
      key: 'name',
      render: (_: unknown, a: AdjustmentItem) => (
        <Space>
          <Tag color={a.kind === 'bonus' ? 'green' : 'red'}>{t(`templates.adjustmentKind.${a.kind}`)}</Tag>
          {a.name}
        </Space>
      ),
    },
    {
      title: t('templates.view.columns.standard'),
      key: 'rule',
      render: (_: unknown, a: AdjustmentItem) => describeRule(t, a.rule),
    },
    {
      title: t('templates.view.columns.cap'),
      key: 'cap',
      width: 90,
      render: (_: unknown, a: AdjustmentItem) =>
        a.cap === undefined ? t('templates.view.noCap') : formatNumber(a.cap),
    },
    {
      title: t('templates.view.columns.assessor'),
      key: 'assessor',
      width: 110,
      render: (_: unknown, a: AdjustmentItem) => describeAssessor(t, a.assessor),
    },
  ]

  const scoring = definition.scoring
  const weights = Object.entries(scoring.raterWeights)
    .filter(([, w]) => w !== undefined && w > 0)
    .map(([rater, w]) => `${t(`templates.rater.${rater}`)} ${formatNumber((w ?? 0) * 100)}%`)
    .join(t('templates.rule.summary.separator'))

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('templates.view.basics')}>
        <Descriptions
          size="small"
          column={screens.md ? 2 : 1}
          items={[
            {
              key: 'period',
              label: t('templates.view.period'),
              children: t(`templates.period.${definition.period}`),
            },
            {
              key: 'positions',
              label: t('templates.view.positions'),
              children: definition.positions?.length
                ? definition.positions.join(t('templates.view.listSeparator'))
                : none,
            },
            {
              key: 'total',
              label: t('templates.view.totalPoints'),
              children: formatNumber(definition.dimensions.reduce((sum, d) => sum + d.maxPoints, 0)),
            },
            {
              key: 'description',
              label: t('templates.view.description'),
              children: definition.description ?? none,
              span: 2,
            },
          ]}
        />
      </Card>

      {definition.dimensions.map((dimension) => (
        <Card
          key={dimension.key}
          size="small"
          title={t('templates.view.dimension', {
            name: dimension.name,
            points: formatNumber(dimension.maxPoints),
          })}
        >
          <Table<Indicator>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 1000 }}
            dataSource={dimension.indicators}
            columns={indicatorColumns}
          />
        </Card>
      ))}

      {definition.adjustments.length > 0 ? (
        <Card size="small" title={t('templates.view.adjustments')}>
          <Table<AdjustmentItem>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={definition.adjustments}
            columns={adjustmentColumns}
          />
        </Card>
      ) : null}

      <Card size="small" title={t('templates.view.scoring')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'scale',
              label: t('templates.view.scale'),
              children: t(`templates.scale.${scoring.scale}`),
            },
            { key: 'weights', label: t('templates.view.raterWeights'), children: weights || none },
            {
              key: 'grades',
              label: t('templates.view.grades'),
              children: (
                <Space wrap size={4}>
                  {scoring.grades.map((g) => (
                    <Tag key={g.grade}>
                      {pickText(g.label, i18n.language)} {g.minInclusive ? '≥' : '>'} {formatNumber(g.min)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'coefficients',
              label: t('templates.view.coefficients'),
              children: (
                <Space wrap size={4}>
                  {scoring.coefficients.map((c) => (
                    <Tag key={`${c.min}:${c.coefficient}`}>
                      {c.minInclusive ? '≥' : '>'} {formatNumber(c.min)} → {formatNumber(c.coefficient)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(scoring.bonusCap === undefined
              ? []
              : [
                  {
                    key: 'bonusCap',
                    label: t('templates.view.bonusCap'),
                    children: formatNumber(scoring.bonusCap),
                  },
                ]),
          ]}
        />
      </Card>

      <Card size="small" title={t('templates.view.source')}>
        {definition.source ? (
          <Flex vertical gap={8}>
            <Descriptions
              size="small"
              column={screens.md ? 2 : 1}
              items={[
                { key: 'seed', label: t('templates.view.seed'), children: definition.source.seed },
                { key: 'table', label: t('templates.view.table'), children: definition.source.table ?? none },
              ]}
            />
            {definition.source.notes?.length ? (
              <>
                <Typography.Text strong>{t('templates.view.notes')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {definition.source.notes.map((note) => (
                    <li key={note}>
                      <Typography.Text>{note}</Typography.Text>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('templates.view.noSource')}</Typography.Text>
        )}
      </Card>
    </Flex>
  )
}

function VersionHistory({ detail, onPick }: { detail: TemplateDetail; onPick: (version: number) => void }) {
  const { t } = useTranslation()
  const versions = [...detail.versions].sort((a, b) => b.version - a.version)
  return (
    <Card size="small" title={t('templates.version.history')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={versions}
        columns={[
          {
            title: t('templates.version.version'),
            key: 'version',
            width: 120,
            render: (_, v) => (
              <Space size={4}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(v.version)}>
                  {t('templates.version.label', { version: v.version })}
                </Button>
                {v.version === detail.latestVersion ? (
                  <Tag color="green">{t('templates.version.latest')}</Tag>
                ) : null}
                {v.version === detail.version ? <Tag>{t('templates.version.shown')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('templates.version.note'),
            key: 'note',
            render: (_, v) =>
              v.note ?? <Typography.Text type="secondary">{t('templates.version.noNote')}</Typography.Text>,
          },
          {
            title: t('templates.version.createdAt'),
            key: 'createdAt',
            width: 180,
            render: (_, v) => dayjs(v.createdAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Card>
  )
}
