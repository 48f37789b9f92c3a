import { RollbackOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'

// The reviewer sends the self review back to the employee, with the reason they must read (退回自评).
export function ReturnSelfReviewButton({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <Flex justify="flex-end">
      <Button icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
        {t('sheets.returnSelf.button')}
      </Button>
      <Modal
        open={open}
        title={t('sheets.returnSelf.title')}
        okText={t('sheets.returnSelf.button')}
        cancelText={t('sheets.cancel')}
        okButtonProps={{ disabled: reason.trim() === '', loading: step.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          step.mutate(
            {
              sheetId: sheet.id,
              step: 'return-self-review',
              body: { expectedVersion: sheet.version, reason: reason.trim() },
            },
            {
              onSuccess: () => {
                setOpen(false)
                void message.success(t('sheets.returnSelf.done'))
              },
            },
          )
        }
      >
        <Input.TextArea
          aria-label={t('sheets.returnSelf.reason')}
          placeholder={t('sheets.returnSelf.reason')}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {step.isError ? (
          <Alert style={{ marginTop: 8 }} type="error" showIcon title={describeError(t, step.error)} />
        ) : null}
      </Modal>
    </Flex>
  )
}
