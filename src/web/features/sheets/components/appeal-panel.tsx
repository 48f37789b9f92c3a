import { LinkOutlined, PaperClipOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Select,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DisputedItem, SheetAppeal, SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'
import { parseRowNumbers } from '../parse-row-numbers.ts'
import { AttachmentPicker, sheetFileUrl, uploadSheetFiles } from './entries-panel.tsx'

const statusColor: Record<string, string> = { filed: 'orange', investigating: 'blue', ruled: 'default' }
const rulingColor: Record<string, string> = { upheld: 'green', partly_upheld: 'cyan', rejected: 'red' }

function AppealView({ sheet, appeal }: { sheet: SheetDetail; appeal: SheetAppeal }) {
  const { t } = useTranslation()
  const names = new Map(
    [
      ...sheet.template.definition.dimensions.flatMap((d) => d.indicators),
      ...sheet.template.definition.adjustments,
    ].map((i) => [i.key, i.name]),
  )
  const fileNames = new Map(sheet.files.map((f) => [f.id, f.name]))
  return (
    <Flex vertical gap={6} data-testid="appeal">
      <Flex wrap gap={6} align="center">
        <Tag color={statusColor[appeal.status]}>{t(`sheets.appeal.status.${appeal.status}`)}</Tag>
        {appeal.ruling ? (
          <Tag color={rulingColor[appeal.ruling]}>{t(`sheets.appeal.ruling.${appeal.ruling}`)}</Tag>
        ) : null}
        <Typography.Text type="secondary">
          {t('sheets.appeal.filedAt', { at: dayjs(appeal.filedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'reasons',
            label: t('sheets.appeal.reasons'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{appeal.reasons}</span>,
          },
          {
            key: 'outcome',
            label: t('sheets.appeal.requestedOutcome'),
            children: appeal.requestedOutcome ?? '—',
          },
          {
            key: 'disputed',
            label: t('sheets.appeal.disputed'),
            children:
              appeal.disputed.length === 0
                ? '—'
                : appeal.disputed
                    .map((d) => {
                      const rows = (d.rows ?? [])
                        .map((r) =>
                          t('sheets.appeal.rowsOf', {
                            importId: r.importId ?? '—',
                            rows: (r.rowNumbers ?? []).join(', ') || '—',
                          }),
                        )
                        .join('；')
                      return `${names.get(d.indicatorKey) ?? d.indicatorKey}${rows ? `（${rows}）` : ''}`
                    })
                    .join(t('sheets.separator')),
          },
          {
            key: 'evidence',
            label: t('sheets.appeal.evidence'),
            children:
              appeal.evidence.length === 0 ? (
                '—'
              ) : (
                <Flex wrap gap={12}>
                  {appeal.evidence.map((e) =>
                    'url' in e ? (
                      <a key={e.url} href={e.url} target="_blank" rel="noreferrer noopener">
                        <LinkOutlined /> {e.title || e.url}
                      </a>
                    ) : (
                      <a
                        key={e.fileId}
                        href={sheetFileUrl(sheet.id, e.fileId)}
                        target="_blank"
                        rel="noreferrer"
                      >
                        <PaperClipOutlined /> {fileNames.get(e.fileId) ?? `#${e.fileId}`}
                      </a>
                    ),
                  )}
                </Flex>
              ),
          },
          ...(appeal.investigationDue
            ? [{ key: 'due', label: t('sheets.appeal.investigationDue'), children: appeal.investigationDue }]
            : []),
          ...(appeal.ruledAt
            ? [
                {
                  key: 'ruling',
                  label: t('sheets.appeal.rulingNote'),
                  children: (
                    <span data-testid="appeal-ruling">
                      {appeal.rulingNote ?? '—'}（{dayjs(appeal.ruledAt).format('YYYY-MM-DD')}）
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  )
}

// The appeal (申诉): within the window after signing, the employee files one with reasons (required), the
// outcome asked for, the disputed indicators — and for figures from imported data, the import and its rows —
// and evidence links or files. Filed appeals show their status and HR's ruling.
export function AppealPanel({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const canFile = sheet.allowedActions.includes('file_appeal')
  const [reasons, setReasons] = useState('')
  const [outcome, setOutcome] = useState('')
  const [keys, setKeys] = useState<string[]>([])
  const [rows, setRows] = useState<Record<string, string>>({})
  const [link, setLink] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const template = sheet.template.definition
  const items = [...template.dimensions.flatMap((d) => d.indicators), ...template.adjustments]
  const sources = sheet.score?.metricSources ?? {}

  if (sheet.appeals.length === 0 && !canFile) return null

  // The form as the API wants it, or what is wrong with it, so the confirmation is only asked for a valid form.
  const readForm = (): { disputed: DisputedItem[] } | { error: string } => {
    if (reasons.trim() === '') return { error: t('sheets.appeal.needReasons') }
    if (outcome.trim() === '') return { error: t('sheets.appeal.needOutcome') }
    if (link.trim() && !/^https?:\/\/\S+$/.test(link.trim()))
      return { error: t('sheets.entries.badLink', { url: link }) }
    const disputed: DisputedItem[] = []
    for (const key of keys) {
      const imports = sources[key]?.used ? sources[key]!.imports : []
      const parsed = parseRowNumbers(rows[key] ?? '')
      if (!parsed.ok) return { error: t('sheets.appeal.badRows', { text: parsed.bad }) }
      disputed.push(
        imports.length > 0 && parsed.rows.length > 0
          ? { indicatorKey: key, rows: [{ importId: imports[0], rowNumbers: parsed.rows }] }
          : { indicatorKey: key },
      )
    }
    return { disputed }
  }

  const askToConfirm = (open: boolean) => {
    if (!open) return setConfirming(false)
    const form = readForm()
    setFormError('error' in form ? form.error : null)
    setConfirming(!('error' in form))
  }

  const file = async () => {
    setConfirming(false)
    const form = readForm()
    if ('error' in form) return setFormError(form.error)
    const { disputed } = form
    setFormError(null)
    setBusy(true)
    try {
      const uploaded = await uploadSheetFiles(sheet, files)
      await step.mutateAsync({
        sheetId: sheet.id,
        step: 'appeals',
        body: {
          expectedVersion: sheet.version,
          reasons: reasons.trim(),
          requestedOutcome: outcome.trim(),
          disputed,
          evidence: [
            ...(link.trim() ? [{ url: link.trim() }] : []),
            ...uploaded.map((f) => ({ fileId: f.id })),
          ],
        },
      })
      void message.success(t('sheets.appeal.filed'))
    } catch (error) {
      setFormError(describeError(t, error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('sheets.appeal.title')} data-testid="appeal-panel">
      <Flex vertical gap={12}>
        {sheet.appeals.map((appeal) => (
          <AppealView key={appeal.id} sheet={sheet} appeal={appeal} />
        ))}
        {canFile ? (
          <Flex vertical gap={8} data-testid="appeal-form">
            {sheet.appealDeadline ? (
              <Alert
                type="warning"
                showIcon
                title={t('sheets.appeal.deadline', { date: sheet.appealDeadline })}
              />
            ) : null}
            <Input.TextArea
              aria-label={t('sheets.appeal.reasons')}
              placeholder={t('sheets.appeal.reasonsPlaceholder')}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={10000}
              value={reasons}
              onChange={(e) => setReasons(e.target.value)}
            />
            <Input.TextArea
              aria-label={t('sheets.appeal.requestedOutcome')}
              placeholder={t('sheets.appeal.requestedOutcome')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={4000}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
            />
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('sheets.appeal.disputed')}
              placeholder={t('sheets.appeal.disputed')}
              value={keys}
              onChange={setKeys}
              options={items.map((i) => ({ value: i.key, label: i.name }))}
              style={{ width: '100%' }}
            />
            {keys
              .filter((key) => sources[key]?.used && sources[key]!.imports.length > 0)
              .map((key) => (
                <Input
                  key={key}
                  aria-label={t('sheets.appeal.rowsFor', {
                    name: items.find((i) => i.key === key)?.name ?? key,
                  })}
                  addonBefore={t('sheets.appeal.importRows', { importId: sources[key]!.imports[0] })}
                  placeholder={t('sheets.appeal.rowsPlaceholder')}
                  value={rows[key] ?? ''}
                  onChange={(e) => setRows({ ...rows, [key]: e.target.value })}
                />
              ))}
            <Input
              aria-label={t('sheets.appeal.evidenceLink')}
              placeholder={t('sheets.appeal.evidenceLink')}
              prefix={<LinkOutlined />}
              value={link}
              onChange={(e) => setLink(e.target.value)}
            />
            <Flex wrap gap={8} justify="space-between" align="flex-start">
              <AttachmentPicker files={files} onChange={setFiles} />
              <Popconfirm
                title={t('sheets.appeal.confirm')}
                okText={t('sheets.appeal.file')}
                cancelText={t('sheets.cancel')}
                open={confirming}
                onOpenChange={askToConfirm}
                onConfirm={() => void file()}
              >
                <Button danger type="primary" loading={busy}>
                  {t('sheets.appeal.file')}
                </Button>
              </Popconfirm>
            </Flex>
            {formError ? <Alert type="error" showIcon title={formError} /> : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  )
}
