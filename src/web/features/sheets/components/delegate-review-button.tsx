import { UserSwitchOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useEmployees } from '../../organisation/api/get-employees.ts'
import { useDebouncedValue } from '../../templates/use-debounced-value.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'

// The server's own words for a refused delegation (the wrong person, not in your tree, a stale version,
// no longer allowed), which say more than a generic "invalid input"; other failures as usual.
function refusalMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && [400, 403, 409].includes(error.status) && error.message) return error.message
  return describeError(t, error)
}

// A higher supervisor, HR or admin hands the review of the sheet to someone else (委托评分): they search the
// delegate by name and give the reason the audit log keeps. The server decides who may be chosen.
export function DelegateReviewButton({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const [open, setOpen] = useState(false)
  const [reviewer, setReviewer] = useState<{ value: number; label: string } | undefined>()
  const [reason, setReason] = useState('')
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search, 300)
  const employees = useEmployees({ q: q || undefined, status: 'active', page: 1, pageSize: 50 })
  const options = (employees.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.name}${e.positionName ? ` · ${e.positionName}` : ''}`,
    name: e.name,
  }))
  const close = () => {
    setOpen(false)
    step.reset()
  }
  return (
    <>
      <Button icon={<UserSwitchOutlined />} onClick={() => setOpen(true)}>
        {t('sheets.delegate.button')}
      </Button>
      <Modal
        open={open}
        title={t('sheets.delegate.title', { name: sheet.employee.name })}
        okText={t('sheets.delegate.button')}
        cancelText={t('sheets.cancel')}
        okButtonProps={{ disabled: !reviewer || reason.trim() === '', loading: step.isPending }}
        onCancel={close}
        onOk={() => {
          if (!reviewer) return
          step.mutate(
            {
              sheetId: sheet.id,
              step: 'delegate',
              body: {
                expectedVersion: sheet.version,
                reviewerEmployeeId: reviewer.value,
                reason: reason.trim(),
              },
            },
            {
              onSuccess: (next) => {
                setOpen(false)
                setReason('')
                setReviewer(undefined)
                void message.success(
                  t('sheets.delegate.done', { name: next.reviewer?.name ?? reviewer.label }),
                )
              },
            },
          )
        }}
      >
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('sheets.delegate.hint')}</Typography.Text>
          <Form layout="vertical" component="div">
            <Form.Item label={t('sheets.delegate.reviewer')} htmlFor="delegate-reviewer" required>
              <Select
                id="delegate-reviewer"
                aria-label={t('sheets.delegate.reviewer')}
                placeholder={t('sheets.delegate.search')}
                showSearch={{ filterOption: false, onSearch: setSearch }}
                loading={employees.isFetching}
                labelInValue
                value={reviewer}
                onChange={(v) => setReviewer(v ?? undefined)}
                options={options}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item label={t('sheets.delegate.reason')} htmlFor="delegate-reason" required>
              <Input.TextArea
                id="delegate-reason"
                aria-label={t('sheets.delegate.reason')}
                autoSize={{ minRows: 2 }}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
          </Form>
          {step.isError ? <Alert type="error" showIcon title={refusalMessage(t, step.error)} /> : null}
        </Flex>
      </Modal>
    </>
  )
}
