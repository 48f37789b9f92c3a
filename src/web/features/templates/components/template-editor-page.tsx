import { Alert, App, Button, Col, Flex, Input, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { type Dispatch, type SetStateAction, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useBlocker, useNavigate, useParams } from 'react-router-dom'
import type { Template } from '../../../../contracts/template.ts'
import type { TemplateDetail, TemplateIssue } from '../../../../contracts/template-api.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { SimulateButton } from '../../simulations/components/simulate-button.tsx'
import { useTemplate } from '../api/get-template.ts'
import { useSaveTemplate } from '../api/save-template.ts'
import { useTemplateValidation } from '../api/validate-template.ts'
import { createBlankTemplate } from '../blank-template.ts'
import { issueMessage, normalizeIssuePath } from '../issue-paths.ts'
import type { PreviewInputs } from '../preview-fields.ts'
import { useDebouncedValue } from '../use-debounced-value.ts'
import { PreviewPanel } from './preview-panel.tsx'
import { TemplateForm } from './template-form.tsx'

// 编辑: the template as a form on the left, the live preview on the right; saving adds the next version.
export function TemplateEditorPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const template = useTemplate(id)
  // Sample inputs outlive a save (the editor below restarts on the new version).
  const [previewInputs, setPreviewInputs] = useState<PreviewInputs>({})

  if (template.isPending) return <Skeleton active />
  if (template.isError)
    return (
      <Result status="error" title={t('templates.loadFailed')} subTitle={describeError(t, template.error)} />
    )
  return (
    <TemplateEditor
      key={`${template.data.id}:${template.data.version}`}
      detail={template.data}
      initial={template.data.definition}
      onReload={() => template.refetch()}
      previewInputs={previewInputs}
      onPreviewInputs={setPreviewInputs}
    />
  )
}

// 新建模板: the same editor on a blank draft; the first save creates the template and opens it.
export function NewTemplatePage() {
  const { t } = useTranslation()
  const [initial] = useState(() =>
    createBlankTemplate({
      name: t('templates.editor.newName'),
      dimension: t('templates.editor.newDimensionName'),
    }),
  )
  const [previewInputs, setPreviewInputs] = useState<PreviewInputs>({})
  return (
    <TemplateEditor
      detail={undefined}
      initial={initial}
      onReload={async () => {}}
      previewInputs={previewInputs}
      onPreviewInputs={setPreviewInputs}
    />
  )
}

function TemplateEditor({
  detail,
  initial,
  onReload,
  previewInputs,
  onPreviewInputs,
}: {
  /** The saved template being edited; undefined for a new one. */
  detail: TemplateDetail | undefined
  /** The starting draft of a new template. */
  initial?: Template
  onReload: () => Promise<unknown>
  previewInputs: PreviewInputs
  onPreviewInputs: Dispatch<SetStateAction<PreviewInputs>>
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const navigate = useNavigate()
  const base = detail?.definition ?? (initial as Template)
  const [draft, setDraft] = useState<Template>(base)
  const [note, setNote] = useState('')
  const [conflict, setConflict] = useState(false)
  const [saveIssues, setSaveIssues] = useState<TemplateIssue[]>([])
  const save = useSaveTemplate()
  const dirty = draft !== base

  const debouncedDraft = useDebouncedValue(draft, 500)
  const validation = useTemplateValidation(debouncedDraft)
  const issues = useMemo(() => {
    const seen = new Set<string>()
    const all: TemplateIssue[] = []
    for (const issue of [...(validation.data ?? []), ...saveIssues]) {
      const id = `${normalizeIssuePath(issue.path)}|${issue.message}`
      if (seen.has(id)) continue
      seen.add(id)
      all.push(issue)
    }
    return all
  }, [validation.data, saveIssues])

  // A draft edited after a failed save is checked afresh by the validator; the save's own issues go stale.
  useEffect(() => {
    if (draft) setSaveIssues([])
  }, [draft])

  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  // Leaving the page inside the app with unsaved changes asks first; a save that opens the new template does not.
  const leavingAfterSave = useRef(false)
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leavingAfterSave.current && currentLocation.pathname !== nextLocation.pathname,
  )
  const blockerRef = useRef(blocker)
  blockerRef.current = blocker
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    const settle = (leave: boolean) => {
      const current = blockerRef.current
      if (current.state !== 'blocked') return
      if (leave) current.proceed()
      else current.reset()
    }
    modal.confirm({
      title: t('templates.editor.leaveTitle'),
      content: t('templates.editor.leaveContent'),
      okText: t('templates.editor.leave'),
      cancelText: t('templates.editor.stay'),
      onOk: () => settle(true),
      onCancel: () => settle(false),
    })
  }, [blocker.state, modal, t])

  const onSave = () => {
    const noteText = note.trim() || undefined
    save.mutate(
      detail
        ? { id: detail.id, definition: draft, expectedVersion: detail.latestVersion, note: noteText }
        : { definition: draft, note: noteText },
      {
        onSuccess: (saved) => {
          message.success(t('templates.editor.saved', { version: saved.version }))
          setNote('')
          if (detail) void onReload()
          else {
            leavingAfterSave.current = true
            navigate(`/templates/${saved.id}/edit`, { replace: true })
          }
        },
        onError: (error) => {
          if (detail && isApiError(error) && error.status === 409) {
            // someone saved a newer version since this one was opened
            setConflict(true)
          } else if (!detail && isApiError(error, 'conflict')) {
            // a new template's code is already taken
            setSaveIssues([{ path: 'code', message: t('templates.copy.codeTaken') }])
            message.error(t('templates.copy.codeTaken'))
          } else if (isApiError(error) && error.issues.length > 0) {
            setSaveIssues(error.issues)
            message.error(t('templates.editor.invalid'))
          } else {
            message.error(describeError(t, error))
          }
        },
      },
    )
  }

  return (
    <>
      <PageHeader
        title={detail ? t('templates.editor.title', { name: detail.name }) : t('templates.editor.newTitle')}
        subtitle={
          <Space wrap size={4}>
            {detail ? (
              <>
                <Typography.Text code>{detail.code}</Typography.Text>
                <Tag data-testid="editor-version">
                  {t('templates.version.label', { version: detail.version })}
                </Tag>
              </>
            ) : null}
            {dirty ? <Tag color="orange">{t('templates.editor.unsaved')}</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {detail ? (
              <Link to={`../${detail.id}`}>{t('templates.actions.backToView')}</Link>
            ) : (
              <Link to="..">{t('templates.actions.back')}</Link>
            )}
            <Input
              aria-label={t('templates.editor.note')}
              placeholder={t('templates.editor.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              style={{ width: 240 }}
            />
            <SimulateButton template={draft} />
            <Button disabled={!dirty} onClick={() => setDraft(base)}>
              {t('templates.editor.discard')}
            </Button>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={detail !== undefined && !dirty}
              onClick={onSave}
            >
              {detail ? t('templates.editor.save') : t('templates.editor.create')}
            </Button>
          </Space>
        }
      />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('templates.editor.conflict')}
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  setConflict(false)
                  void onReload()
                }}
              >
                {t('templates.editor.reload')}
              </Button>
              <Button size="small" onClick={() => setConflict(false)}>
                {t('templates.editor.keepEditing')}
              </Button>
            </Space>
          }
        />
      ) : null}
      <IssueSummary
        issues={issues}
        validating={validation.isFetching || debouncedDraft !== draft}
        failed={validation.isError}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <TemplateForm draft={draft} onChange={setDraft} issues={issues} isNew={detail === undefined} />
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 72, maxHeight: 'calc(100vh - 88px)', overflow: 'auto' }}>
            <PreviewPanel draft={draft} inputs={previewInputs} onInputs={onPreviewInputs} />
          </div>
        </Col>
      </Row>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('/templates')}>{t('templates.actions.back')}</Button>
      </Flex>
    </>
  )
}

function IssueSummary({
  issues,
  validating,
  failed,
}: {
  issues: readonly TemplateIssue[]
  validating: boolean
  failed: boolean
}) {
  const { t, i18n } = useTranslation()
  if (failed)
    return (
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('templates.editor.validateFailed')} />
    )
  if (issues.length === 0)
    return (
      <Alert
        type={validating ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={validating ? t('templates.editor.validating') : t('templates.editor.valid')}
        data-testid="validation-summary"
      />
    )
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="validation-summary"
      title={t('templates.editor.issuesCount', { n: issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
          {issues.map((issue) => (
            <li key={`${issue.path}|${issue.message}`}>
              <Typography.Text code>{issue.path || '—'}</Typography.Text> {issueMessage(issue, i18n.language)}
            </li>
          ))}
        </ul>
      }
    />
  )
}
