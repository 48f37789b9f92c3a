import { LinkOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Input, Tag, Typography, Upload } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SheetDetail, SheetFile } from '../../../../contracts/sheets.ts'
import { maxAttachmentBytes } from '../../../../contracts/workflow.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { runSheetStep, useSheetStep } from '../api/run-sheet-step.ts'
import { readFileBase64 } from '../read-file-base64.ts'

/** Where the browser downloads an attachment of a sheet (the session cookie authorises it). */
export function sheetFileUrl(sheetId: number, fileId: number): string {
  return `/api/sheets/${sheetId}/files/${fileId}`
}

function FileLink({ sheetId, file }: { sheetId: number; file: SheetFile | { id: number; name?: string } }) {
  return (
    <a href={sheetFileUrl(sheetId, file.id)} target="_blank" rel="noreferrer">
      <PaperClipOutlined /> {file.name ?? `#${file.id}`}
    </a>
  )
}

/** Uploads picked files to the sheet one by one and answers the files they became. */
export async function uploadSheetFiles(
  sheet: Pick<SheetDetail, 'id' | 'files'>,
  files: File[],
): Promise<SheetFile[]> {
  const seen = new Set(sheet.files.map((f) => f.id))
  const added: SheetFile[] = []
  for (const file of files) {
    const after = await runSheetStep({
      sheetId: sheet.id,
      step: 'files',
      body: {
        name: file.name,
        contentType: file.type || 'application/octet-stream',
        dataBase64: await readFileBase64(file),
      },
    })
    for (const f of after.files) {
      if (seen.has(f.id)) continue
      seen.add(f.id)
      added.push(f)
    }
  }
  return added
}

/** A picker for small attachments (≤ 2 MB each), kept in the form until it is sent. */
export function AttachmentPicker({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return (
    <Upload
      multiple
      fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const }))}
      beforeUpload={(file) => {
        if (file.size > maxAttachmentBytes)
          void message.error(t('sheets.entries.tooLarge', { name: file.name }))
        else onChange([...files, file])
        return false
      }}
      onRemove={(item) => onChange(files.filter((f, i) => `${i}-${f.name}` !== item.uid))}
    >
      <Button icon={<PaperClipOutlined />}>{t('sheets.entries.attach')}</Button>
    </Upload>
  )
}

// Dated work records (工作记录, by the employee) and observations (观察记录, by the reviewer) with their links
// and attachments; whoever may add one gets the form. Dates must lie in the period and not in the future.
export function EntriesPanel({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const kind = sheet.allowedActions.includes('add_record')
    ? 'work_record'
    : sheet.allowedActions.includes('add_observation')
      ? 'observation'
      : null
  const today = dayjs().format('YYYY-MM-DD')
  const latest = [today, sheet.cycle.periodEnd].sort()[0]!
  const [date, setDate] = useState<Dayjs | null>(dayjs(latest))
  const [body, setBody] = useState('')
  const [links, setLinks] = useState<{ url: string; title: string }[]>([])
  const [files, setFiles] = useState<File[]>([])
  const [uploading, setUploading] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const fileById = new Map(sheet.files.map((f) => [f.id, f]))

  const add = async () => {
    setFormError(null)
    if (!date) return setFormError(t('sheets.entries.needDate'))
    if (body.trim() === '') return setFormError(t('sheets.entries.needBody'))
    const badLink = links.find((l) => !/^https?:\/\/\S+$/.test(l.url.trim()))
    if (badLink) return setFormError(t('sheets.entries.badLink', { url: badLink.url }))
    let fileIds: number[] = []
    try {
      setUploading(true)
      fileIds = (await uploadSheetFiles(sheet, files)).map((f) => f.id)
    } catch (error) {
      setUploading(false)
      return setFormError(describeError(t, error))
    }
    setUploading(false)
    step.mutate(
      {
        sheetId: sheet.id,
        step: 'entries',
        body: {
          kind,
          date: date.format('YYYY-MM-DD'),
          body: body.trim(),
          links: links.map((l) => ({
            url: l.url.trim(),
            ...(l.title.trim() ? { title: l.title.trim() } : {}),
          })),
          fileIds,
        },
      },
      {
        onSuccess: () => {
          setBody('')
          setLinks([])
          setFiles([])
          void message.success(t('sheets.entries.added'))
        },
      },
    )
  }

  const entries = [...sheet.entries].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id,
  )

  return (
    <Card size="small" title={t('sheets.entries.title')} data-testid="entries-panel">
      <Flex vertical gap={12}>
        {kind ? (
          <Flex vertical gap={8} data-testid="entry-form">
            <Flex wrap gap={8}>
              <DatePicker
                aria-label={t('sheets.entries.date')}
                value={date}
                onChange={setDate}
                allowClear={false}
                inputReadOnly
                disabledDate={(d) =>
                  d.format('YYYY-MM-DD') < sheet.cycle.periodStart || d.format('YYYY-MM-DD') > today
                }
              />
              <Tag color={kind === 'work_record' ? 'blue' : 'purple'} style={{ alignSelf: 'center' }}>
                {t(`sheets.entries.kind.${kind}`)}
              </Tag>
            </Flex>
            <Input.TextArea
              aria-label={t(`sheets.entries.body.${kind}`)}
              placeholder={t(`sheets.entries.body.${kind}`)}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={10000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
            {links.map((link, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: links are edited in place, in order
              <Flex key={index} wrap gap={8}>
                <Input
                  aria-label={t('sheets.entries.linkUrl')}
                  placeholder="https://"
                  style={{ flex: '2 1 200px' }}
                  value={link.url}
                  onChange={(e) =>
                    setLinks(links.map((l, i) => (i === index ? { ...l, url: e.target.value } : l)))
                  }
                />
                <Input
                  aria-label={t('sheets.entries.linkTitle')}
                  placeholder={t('sheets.entries.linkTitle')}
                  style={{ flex: '1 1 120px' }}
                  value={link.title}
                  onChange={(e) =>
                    setLinks(links.map((l, i) => (i === index ? { ...l, title: e.target.value } : l)))
                  }
                />
              </Flex>
            ))}
            <Flex wrap gap={8} align="flex-start">
              <Button icon={<LinkOutlined />} onClick={() => setLinks([...links, { url: '', title: '' }])}>
                {t('sheets.entries.addLink')}
              </Button>
              <AttachmentPicker files={files} onChange={setFiles} />
              <div style={{ flex: 1 }} />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={uploading || step.isPending}
                onClick={() => void add()}
              >
                {t(`sheets.entries.add.${kind}`)}
              </Button>
            </Flex>
            {formError ? <Alert type="error" showIcon title={formError} /> : null}
            {step.isError ? <Alert type="error" showIcon title={describeError(t, step.error)} /> : null}
          </Flex>
        ) : null}
        {entries.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sheets.entries.none')} />
        ) : (
          <Flex vertical gap={10}>
            {entries.map((entry) => (
              <Flex key={entry.id} vertical gap={2} data-testid="sheet-entry">
                <Flex wrap gap={8} align="center">
                  <Typography.Text strong>{entry.date}</Typography.Text>
                  <Tag color={entry.kind === 'work_record' ? 'blue' : 'purple'}>
                    {t(`sheets.entries.kind.${entry.kind}`)}
                  </Tag>
                  {entry.authorName ? (
                    <Typography.Text type="secondary">{entry.authorName}</Typography.Text>
                  ) : null}
                </Flex>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {entry.body}
                </Typography.Paragraph>
                {entry.links.length + entry.fileIds.length > 0 ? (
                  <Flex wrap gap={12}>
                    {entry.links.map((l) => (
                      <a key={l.url} href={l.url} target="_blank" rel="noreferrer noopener">
                        <LinkOutlined /> {l.title || l.url}
                      </a>
                    ))}
                    {entry.fileIds.map((id) => (
                      <FileLink key={id} sheetId={sheet.id} file={fileById.get(id) ?? { id }} />
                    ))}
                  </Flex>
                ) : null}
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  )
}
