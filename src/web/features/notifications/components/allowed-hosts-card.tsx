import { App, Button, Card, Form, Result, Select, Skeleton, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useAllowedHosts } from '../api/get-allowed-hosts.ts'
import { useSaveAllowedHosts } from '../api/save-allowed-hosts.ts'

type FormValues = { hosts: string[] }

// 允许的主机: hosts besides DingTalk's, Feishu's and WeCom's own that the group robot may reach (e.g. a relay in
// the company network). The server refuses any other address for the robot.
export function AllowedHostsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const allowed = useAllowedHosts()
  const save = useSaveAllowedHosts()
  const [form] = Form.useForm<FormValues>()
  const stored = allowed.data

  useEffect(() => {
    if (stored) form.setFieldsValue({ hosts: stored.hosts })
  }, [form, stored])

  // The server names an entry as hosts.N, or the whole list as hosts: both messages go under the field.
  const showError = (error: unknown) => {
    const issues = isApiError(error) ? error.issues.filter((i) => /^hosts(\.\d+)?$/.test(i.path)) : []
    if (issues.length === 0) return void message.error(describeError(t, error))
    const hosts = form.getFieldValue('hosts') as string[]
    form.setFields([
      {
        name: 'hosts',
        errors: issues.map((i) => {
          const index = Number(i.path.split('.')[1])
          return Number.isInteger(index) && hosts[index] ? `${hosts[index]}：${i.message}` : i.message
        }),
      },
    ])
  }

  const submit = (values: FormValues) =>
    save.mutate(values.hosts.map((h) => h.trim()).filter(Boolean), {
      onSuccess: () => void message.success(t('notifications.allowedHosts.saved')),
      onError: showError,
    })

  return (
    <Card title={t('notifications.allowedHosts.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        {t('notifications.allowedHosts.description')}
      </Typography.Paragraph>
      {allowed.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : allowed.isError ? (
        <Result
          status="error"
          title={t('notifications.allowedHosts.loadFailed')}
          subTitle={describeError(t, allowed.error)}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ hosts: [] }}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="hosts" label={t('notifications.allowedHosts.label')}>
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', ' ', '，']}
              placeholder={t('notifications.allowedHosts.placeholder')}
              notFoundContent={null}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('notifications.allowedHosts.save')}
          </Button>
        </Form>
      )}
    </Card>
  )
}
