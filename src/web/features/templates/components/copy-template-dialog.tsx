import { App, Form, Input, Modal } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCopyTemplate } from '../api/copy-template.ts'

type Source = { id: number; code: string; name: string }
type Values = { code: string; name: string }

// 复制: a new custom template from an existing one, under a new code and name; opens it in the editor.
export function CopyTemplateDialog({
  template,
  onClose,
}: {
  template: Source | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const copy = useCopyTemplate()
  const [form] = Form.useForm<Values>()

  useEffect(() => {
    if (template) {
      form.setFieldsValue({
        code: `${template.code}-copy`,
        name: `${template.name}${t('templates.copy.nameSuffix')}`,
      })
    }
  }, [template, form, t])

  const onOk = async () => {
    if (!template) return
    const values = await form.validateFields()
    copy.mutate(
      { id: template.id, code: values.code.trim(), name: values.name.trim() },
      {
        onSuccess: (saved) => {
          message.success(t('templates.copy.done', { name: values.name }))
          onClose()
          navigate(`/templates/${saved.id}/edit`)
        },
        onError: (error) => {
          if (isApiError(error, 'conflict')) {
            form.setFields([{ name: 'code', errors: [t('templates.copy.codeTaken')] }])
          } else {
            message.error(describeError(t, error))
          }
        },
      },
    )
  }

  return (
    <Modal
      open={template !== undefined}
      title={t('templates.copy.title')}
      okText={t('templates.copy.submit')}
      onOk={() => void onOk()}
      confirmLoading={copy.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="code"
          label={t('templates.copy.code')}
          extra={t('templates.copy.codeHint')}
          rules={[
            { required: true, message: t('templates.copy.codeRequired') },
            { pattern: /^[a-z0-9][a-z0-9-_]*$/, message: t('templates.copy.codePattern') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('templates.copy.name')}
          rules={[{ required: true, whitespace: true, message: t('templates.copy.nameRequired') }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  )
}
