import { InboxOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Upload as AntUpload,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Progress,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ImportOptions } from '../../../../contracts/ingest.ts'
import type { Upload, UploadAnalysis, UploadReadOptions } from '../../../../contracts/ingest-api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { importQueryKeys, usePresets } from '../api/import-queries.ts'
import { reinspectUpload, UploadProblem, uploadFile } from '../api/upload-file.ts'
import { ImportErrorsTable } from './import-errors-table.tsx'
import { MappingEditor } from './mapping-editor.tsx'
import { ReplacesSummary } from './replaces-summary.tsx'
import { useImportJob } from './use-import-job.ts'

type Encoding = NonNullable<UploadReadOptions['encoding']>
const encodings: Encoding[] = ['utf-8', 'gbk', 'utf-16le', 'utf-16be']

// 数据导入向导: pick or drop a file → detected preset and encoding (overridable) → preview of the first rows as
// they will be stored, and what the import would replace → validation report → import with a progress bar → done.
// Nothing is kept until the import.
export function ImportWizard() {
  const { t, i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const queryClient = useQueryClient()
  const presets = usePresets()
  const [upload, setUpload] = useState<Upload | null>(null)
  const [problem, setProblem] = useState<{
    message: string
    issues: { path: string; message: string }[]
  } | null>(null)
  const [reading, setReading] = useState(false)
  const [readError, setReadError] = useState<unknown>(null)
  const [overrides, setOverrides] = useState<UploadReadOptions>({})
  const [shop, setShop] = useState('')
  const validation = useImportJob()
  const importing = useImportJob()

  const analysis: UploadAnalysis | undefined = upload?.analysis
  const label = (l: { zh: string; en: string }) => (zh ? l.zh : l.en)

  const receive = async (read: () => Promise<Upload>) => {
    setReading(true)
    setReadError(null)
    setProblem(null)
    validation.reset()
    importing.reset()
    try {
      setUpload(await read())
    } catch (error) {
      if (error instanceof UploadProblem && error.upload) {
        setUpload(error.upload)
        setProblem({ message: error.message, issues: error.issues })
      } else {
        setUpload(null)
        setReadError(error)
      }
    } finally {
      setReading(false)
    }
  }

  const choose = (next: UploadReadOptions) => {
    setOverrides(next)
    if (upload) void receive(() => reinspectUpload(upload.id, next))
  }

  const options = (): ImportOptions => ({
    ...(overrides.preset ? { preset: overrides.preset } : {}),
    ...(overrides.encoding ? { encoding: overrides.encoding } : {}),
    ...(overrides.kind && !overrides.savedMapping ? { kind: overrides.kind } : {}),
    ...(overrides.savedMapping ? { savedMapping: overrides.savedMapping } : {}),
    ...(shop.trim() ? { shop: shop.trim() } : {}),
  })

  const startImport = async () => {
    if (!upload) return
    const job = await importing.run(upload.id, 'import', options())
    if (job) await queryClient.invalidateQueries({ queryKey: importQueryKeys.all })
  }

  const restart = () => {
    setUpload(null)
    setProblem(null)
    setOverrides({})
    setShop('')
    validation.reset()
    importing.reset()
  }

  const done = importing.job?.status === 'succeeded'
  const step = done ? 4 : importing.job ? 3 : validation.job ? 2 : upload ? 1 : 0

  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('imports.wizard.stepFile') },
          { title: t('imports.wizard.stepPreview') },
          { title: t('imports.wizard.stepValidate') },
          { title: t('imports.wizard.stepImport') },
          { title: t('imports.wizard.stepDone') },
        ]}
      />

      {!upload || (!analysis?.preset && !problem) ? (
        <AntUpload.Dragger
          accept=".csv,.xlsx,.xls,.txt"
          multiple={false}
          showUploadList={false}
          disabled={reading}
          customRequest={({ file }) => {
            void receive(() => uploadFile(file as File, overrides))
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.wizard.drop')}</p>
          <p className="ant-upload-hint">{t('imports.wizard.dropHint')}</p>
        </AntUpload.Dragger>
      ) : null}
      {reading ? <Progress percent={100} status="active" showInfo={false} /> : null}
      {readError ? (
        <Alert
          type="error"
          showIcon
          message={t('imports.wizard.unreadable')}
          description={describeError(t, readError)}
        />
      ) : null}

      {upload && analysis && !done ? (
        <Card
          size="small"
          title={upload.fileName}
          extra={<Button onClick={restart}>{t('imports.wizard.another')}</Button>}
        >
          <Flex vertical gap={12}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('imports.wizard.format')}>
                {analysis.format.toUpperCase()}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.wizard.size')}>
                {formatBytes(analysis.sizeBytes)}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.wizard.headerRow')}>
                {analysis.headerRow ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap>
              <span>{t('imports.wizard.preset')}</span>
              <Select
                aria-label={t('imports.wizard.preset')}
                style={{ minWidth: 280 }}
                value={overrides.preset ?? analysis.preset?.name ?? undefined}
                placeholder={t('imports.wizard.detect')}
                allowClear
                onChange={(value?: string) => choose({ ...overrides, preset: value || undefined })}
                options={(presets.data ?? []).map((p) => ({
                  value: p.name,
                  label: `${label(p.label)} (${p.name})`,
                }))}
              />
              {analysis.preset && !overrides.preset ? (
                <Tag color="green">{t('imports.wizard.detected')}</Tag>
              ) : null}
              <span>{t('imports.wizard.encoding')}</span>
              <Select<string>
                aria-label={t('imports.wizard.encoding')}
                style={{ minWidth: 140 }}
                disabled={analysis.format !== 'csv'}
                value={overrides.encoding ?? analysis.encoding ?? undefined}
                placeholder={
                  analysis.format === 'csv' ? t('imports.wizard.detect') : t('imports.wizard.notText')
                }
                allowClear
                onChange={(value?: string) =>
                  choose({ ...overrides, encoding: (value || undefined) as Encoding | undefined })
                }
                options={[...encodings, 'gb18030'].map((e) => ({ value: e, label: e.toUpperCase() }))}
              />
              <span>{t('imports.wizard.shop')}</span>
              <Input
                aria-label={t('imports.wizard.shop')}
                style={{ width: 180 }}
                value={shop}
                placeholder={t('imports.wizard.shopHint')}
                // The typed shop goes with validation and import, whose answers say exactly what it replaces;
                // re-reading the file on blur would swallow the click on 校验 that caused the blur.
                onChange={(e) => setShop(e.target.value)}
              />
            </Space>

            {problem ? (
              <Alert
                type="error"
                showIcon
                message={t('imports.wizard.noPreset')}
                description={
                  <div>
                    <p>{problem.message}</p>
                    <p>
                      {t('imports.wizard.found')}: {analysis.headersFound.join(', ') || '—'}
                    </p>
                    <ul style={{ maxHeight: 200, overflow: 'auto' }}>
                      {problem.issues.slice(0, 30).map((i) => (
                        <li key={i.path}>
                          <Typography.Text code>{i.path.replace(/^preset\./, '')}</Typography.Text>{' '}
                          {i.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                }
              />
            ) : null}

            {problem && analysis.headersFound.length > 0 ? (
              <MappingEditor
                headers={analysis.headersFound}
                fileName={upload.fileName}
                onSaved={(savedMapping) => choose({ encoding: overrides.encoding, savedMapping })}
              />
            ) : null}

            {analysis.preset ? (
              <>
                <Typography.Text strong>
                  {t('imports.wizard.mapping', { preset: label(analysis.preset.label) })}
                </Typography.Text>
                <Flex wrap gap={6}>
                  {analysis.columns.map((c) => (
                    <Tag
                      key={c.target}
                      color={
                        c.source === 'column'
                          ? 'blue'
                          : c.required && c.source === 'missing'
                            ? 'red'
                            : 'default'
                      }
                    >
                      {label(c.label)} ←{' '}
                      {c.source === 'column' ? c.header : t(`imports.wizard.source.${c.source}`)}
                    </Tag>
                  ))}
                </Flex>
                <Typography.Text strong>
                  {t('imports.wizard.previewTitle', { count: analysis.preview.length })}
                </Typography.Text>
                <Table
                  size="small"
                  aria-label={t('imports.wizard.previewTitle', { count: analysis.preview.length })}
                  rowKey="row"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={analysis.preview}
                  columns={[
                    { title: t('imports.wizard.errorRow'), dataIndex: 'row', width: 60, fixed: 'left' },
                    ...analysis.columns
                      .filter((c) => c.header)
                      .map((c) => ({
                        title: (
                          <span>
                            {label(c.label)}
                            <br />
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {c.header}
                            </Typography.Text>
                          </span>
                        ),
                        key: c.target,
                        render: (_: unknown, r: UploadAnalysis['preview'][number]) => {
                          const cell = r.cells[c.target]
                          if (!cell) return null
                          return cell.problem ? (
                            <Typography.Text type="danger" title={cell.problem}>
                              {cell.raw} ⚠
                            </Typography.Text>
                          ) : (
                            (cell.value ?? '')
                          )
                        },
                      })),
                  ]}
                />
                {analysis.replaces ? (
                  <ReplacesSummary
                    when="would"
                    rows={analysis.replaces.rows}
                    imports={analysis.replaces.imports}
                    scope={analysis.replaces}
                  />
                ) : null}
                <Space>
                  <Button
                    onClick={() => void validation.run(upload.id, 'validate', options())}
                    loading={validation.job?.status === 'running'}
                    disabled={importing.job?.status === 'running'}
                  >
                    {t('imports.wizard.validate')}
                  </Button>
                  <Button
                    type="primary"
                    onClick={() => void startImport()}
                    disabled={validation.job?.status === 'failed' || importing.job?.status === 'running'}
                  >
                    {t('imports.wizard.import')}
                  </Button>
                </Space>
              </>
            ) : null}

            {validation.job?.status === 'running' ? (
              <Progress
                percent={validation.job.progress.percent}
                status="active"
                aria-label={t('imports.wizard.validating')}
              />
            ) : null}
            {validation.job?.status === 'succeeded' && validation.job.result ? (
              <Alert
                type="success"
                showIcon
                message={
                  validation.job.result.status === 'unchanged'
                    ? t('imports.wizard.alreadyImported', { id: validation.job.result.importId })
                    : t('imports.wizard.valid', { rows: validation.job.result.rows })
                }
              />
            ) : null}
            {validation.job?.status === 'succeeded'
              ? (validation.job.result?.warnings ?? []).map((warning) => (
                  <Alert
                    key={warning.rule}
                    type="warning"
                    showIcon
                    data-testid="import-warning"
                    message={
                      i18n.language === 'en'
                        ? warning.message.en
                        : i18n.language === 'zh-TW'
                          ? warning.message['zh-TW']
                          : warning.message['zh-CN']
                    }
                  />
                ))
              : null}
            {validation.job?.status === 'succeeded' && validation.job.result?.status === 'valid' ? (
              <ReplacesSummary
                when="would"
                rows={validation.job.result.replacedRows}
                imports={validation.job.result.replaced}
              />
            ) : null}
            {validation.job?.error ? <ImportErrorsTable error={validation.job.error} /> : null}
            {validation.error ? (
              <Alert type="error" showIcon message={describeError(t, validation.error)} />
            ) : null}

            {importing.job && importing.job.status !== 'succeeded' ? (
              <Flex vertical gap={8}>
                <Flex align="center" gap={12}>
                  <Progress
                    style={{ flex: 1 }}
                    percent={importing.job.progress.percent}
                    status={importing.job.status === 'running' ? 'active' : 'exception'}
                    aria-label={t('imports.wizard.importing')}
                  />
                  {importing.job.status === 'running' ? (
                    <Button danger onClick={() => void importing.cancel()}>
                      {t('imports.wizard.cancel')}
                    </Button>
                  ) : null}
                </Flex>
                <Typography.Text type="secondary">
                  {t(`imports.phase.${importing.job.progress.phase}`)}
                  {importing.job.progress.rows !== undefined
                    ? ` · ${t('imports.wizard.rows', { rows: importing.job.progress.rows })}`
                    : ''}
                </Typography.Text>
              </Flex>
            ) : null}
            {importing.job?.error?.code === 'import_busy' ? (
              <Alert type="warning" showIcon message={t('imports.replaces.busy')} />
            ) : importing.job?.error ? (
              <ImportErrorsTable error={importing.job.error} />
            ) : null}
            {importing.error ? (
              <Alert type="error" showIcon message={describeError(t, importing.error)} />
            ) : null}
          </Flex>
        </Card>
      ) : null}

      {done && importing.job?.result ? (
        <Card size="small">
          <Progress percent={100} aria-label={t('imports.wizard.importing')} />
          <Result
            status="success"
            title={
              importing.job.result.status === 'unchanged'
                ? t('imports.wizard.alreadyImported', { id: importing.job.result.importId })
                : t('imports.wizard.imported', { rows: importing.job.result.rows })
            }
            subTitle={t('imports.wizard.importedDetail', {
              id: importing.job.result.importId,
              start: importing.job.result.periodStart ?? '—',
              end: importing.job.result.periodEnd ?? '—',
              preset: importing.job.result.preset,
            })}
            extra={[
              <Button key="again" type="primary" onClick={restart}>
                {t('imports.wizard.another')}
              </Button>,
              <Link key="history" to="/imports/history">
                {t('imports.tabs.history')}
              </Link>,
              <Link key="attribution" to="/imports/attribution">
                {t('imports.tabs.attribution')}
              </Link>,
            ]}
          >
            {importing.job.result.status === 'imported' ? (
              <ReplacesSummary
                when="did"
                rows={importing.job.result.replacedRows}
                imports={importing.job.result.replaced}
              />
            ) : null}
          </Result>
        </Card>
      ) : null}
    </Flex>
  )
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
