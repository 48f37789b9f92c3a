import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Form, Result, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { NewPasswordFields } from '../../../components/new-password-fields.tsx'
import { apiClient, isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { sessionQueryKey } from '../../auth/api/get-session.ts'
import { activateAccount, checkActivation } from '../api/accounts-api.ts'

type Values = { newPassword: string; confirm: string }

// /activate?token=…: a new colleague sets their own password from the one-time link and lands signed in.
// One narrow column, so it works on a phone.
export function ActivatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const check = useQuery({
    queryKey: ['activation', token],
    queryFn: () => checkActivation(token),
    retry: false,
  })
  const activate = useMutation({
    mutationFn: activateAccount,
    onSuccess: (session) => {
      apiClient.setCsrfToken(session.csrfToken)
      queryClient.setQueryData(sessionQueryKey, session)
      void navigate('/', { replace: true })
    },
    onError: (error) => {
      const issue = isApiError(error, 'invalid_input')
        ? error.issues.find((i) => i.path === 'newPassword')
        : undefined
      if (issue) form.setFields([{ name: 'newPassword', errors: [t('activate.weak')] }])
    },
  })

  const body = () => {
    if (check.isPending) return <Spin />
    if (check.isError) return <Alert type="error" showIcon title={describeError(t, check.error)} />
    if (check.data.status !== 'valid')
      return (
        <Result
          status="warning"
          title={t(`activate.status.${check.data.status}`)}
          extra={<Link to="/login">{t('activate.toLogin')}</Link>}
        />
      )
    const { username, companyName } = check.data
    return (
      <>
        <Typography.Paragraph>
          {t('activate.welcome', { username, company: companyName })}
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => activate.mutate({ token, newPassword: values.newPassword })}
        >
          <NewPasswordFields username={username} companyCode={check.data.companyCode} />
          {activate.isError && !isApiError(activate.error, 'invalid_input') ? (
            <Alert
              type="error"
              showIcon
              title={describeError(t, activate.error)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={activate.isPending}>
            {t('activate.submit')}
          </Button>
        </Form>
      </>
    )
  }

  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 420, alignSelf: 'flex-start', marginTop: '8vh' }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('activate.title')}
        </Typography.Title>
        {body()}
      </Card>
    </Flex>
  )
}
