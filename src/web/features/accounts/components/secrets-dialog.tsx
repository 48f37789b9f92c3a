import { Alert, App, Button, Flex, Modal, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AccountSecret } from '../../../../contracts/accounts.ts'
import { buildSecretsCsv, type SecretRow } from '../build-secrets-csv.ts'

export type SecretResult = {
  key: string
  employeeNo: string
  name: string
  username: string
  outcome: 'created' | 'already_has_login' | 'refused'
  message?: string
  secret?: AccountSecret
}

/** The text handed to the person: the full activation link (this server's address) or the initial password. */
export function secretText(secret: AccountSecret | undefined): string {
  if (!secret) return ''
  return secret.kind === 'initial_password'
    ? secret.password
    : `${window.location.origin}${secret.activationPath}`
}

// The one-time links or passwords, shown once: copy them, or download a CSV to hand out.
export function SecretsDialog({ results, onClose }: { results: SecretResult[] | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const withSecret = (results ?? []).filter((r) => r.secret)
  const rows: SecretRow[] = withSecret.map((r) => ({
    employeeNo: r.employeeNo,
    name: r.name,
    username: r.username,
    secret: secretText(r.secret),
  }))
  const copyAll = async () => {
    await navigator.clipboard?.writeText(
      rows.map((r) => `${r.employeeNo}\t${r.name}\t${r.username}\t${r.secret}`).join('\n'),
    )
    message.success(t('accounts.copied'))
  }
  const download = () => {
    const csv = buildSecretsCsv(
      [t('accounts.employeeNo'), t('accounts.name'), t('accounts.username'), t('accounts.secret')],
      rows,
    )
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'accounts.csv'
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <Modal
      open={results !== null}
      title={t('accounts.resultTitle')}
      width={860}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={() => void copyAll()} disabled={rows.length === 0}>
            {t('accounts.copyAll')}
          </Button>
          <Button onClick={download} disabled={rows.length === 0}>
            {t('accounts.downloadCsv')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('accounts.done')}
          </Button>
        </Flex>
      }
    >
      {rows.length > 0 ? (
        <Alert type="warning" showIcon title={t('accounts.shownOnce')} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<SecretResult>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ y: 400 }}
        dataSource={results ?? []}
        columns={[
          { title: t('accounts.employeeNo'), dataIndex: 'employeeNo', width: 100 },
          { title: t('accounts.name'), dataIndex: 'name', width: 100 },
          { title: t('accounts.username'), dataIndex: 'username', width: 110 },
          {
            title: t('accounts.secret'),
            key: 'secret',
            render: (_, r) =>
              r.secret ? (
                <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
                  {secretText(r.secret)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">
                  {t(`accounts.outcome.${r.outcome}`)}
                  {r.message ? `：${r.message}` : ''}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Modal>
  )
}
