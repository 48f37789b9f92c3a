import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { type Webhook, type WebhookFlavour, webhookFlavours } from '../../../../contracts/notifications.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useWebhook } from '../api/get-webhook.ts'
import { useSaveWebhook } from '../api/save-webhook.ts'

const fieldNames = new Set<string>(['flavour', 'url', 'enabled'])

// What each platform's robot address looks like, as a hint in the empty field.
const sampleUrls: Record<WebhookFlavour, string> = {
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
}

// 群机器人: the admin points the company's notifications at a DingTalk, Feishu/Lark or WeCom group robot.
export function WebhookSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const webhook = useWebhook()
  const save = useSaveWebhook()
  const [form] = Form.useForm<Webhook>()
  const stored = webhook.data
  const flavour = Form.useWatch('flavour', form)

  useEffect(() => {
    if (stored !== undefined) form.setFieldsValue(stored ?? { flavour: undefined, url: '', enabled: true })
  }, [form, stored])

  // The server's validation messages go next to their fields; anything else is a toast.
  const showError = (error: unknown) => {
    const issues = isApiError(error, 'invalid_input')
      ? error.issues.filter((i) => fieldNames.has(i.path))
      : []
    if (issues.length === 0) return void message.error(describeError(t, error))
    form.setFields(issues.map((i) => ({ name: i.path as keyof Webhook, errors: [i.message] })))
  }

  const submit = (values: Webhook) =>
    save.mutate(
      { flavour: values.flavour, url: values.url.trim(), enabled: values.enabled },
      { onSuccess: () => void message.success(t('notifications.webhook.saved')), onError: showError },
    )
  const remove = () =>
    save.mutate(null, {
      onSuccess: () => void message.success(t('notifications.webhook.removed')),
      onError: showError,
    })

  return (
    <Card title={t('notifications.webhook.title')}>
      <Typography.Paragraph type="secondary">{t('notifications.webhook.description')}</Typography.Paragraph>
      {webhook.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : webhook.isError ? (
        <Result
          status="error"
          title={t('notifications.webhook.loadFailed')}
          subTitle={describeError(t, webhook.error)}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ enabled: true }}
          style={{ maxWidth: 640 }}
        >
          {stored === null ? (
            <Typography.Paragraph>{t('notifications.webhook.notSet')}</Typography.Paragraph>
          ) : null}
          <Form.Item
            name="flavour"
            label={t('notifications.webhook.flavour')}
            rules={[{ required: true, message: t('notifications.webhook.flavourRequired') }]}
          >
            <Select
              style={{ maxWidth: 240 }}
              placeholder={t('notifications.webhook.flavourRequired')}
              options={webhookFlavours.map((flavour) => ({
                value: flavour,
                label: t(`notifications.webhook.flavours.${flavour}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('notifications.webhook.url')}
            rules={[{ required: true, whitespace: true, message: t('notifications.webhook.urlRequired') }]}
          >
            <Input placeholder={flavour ? sampleUrls[flavour] : 'https://'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="enabled" label={t('notifications.webhook.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('notifications.webhook.save')}
            </Button>
            {stored ? (
              <Popconfirm title={t('notifications.webhook.removeConfirm')} onConfirm={remove}>
                <Button danger disabled={save.isPending}>
                  {t('notifications.webhook.remove')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Form>
      )}
    </Card>
  )
}
