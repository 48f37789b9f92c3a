import {
  App,
  Button,
  Checkbox,
  Dropdown,
  Flex,
  Input,
  Modal,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account, AccountDelivery, AccountState } from '../../../../contracts/accounts.ts'
import type { Role } from '../../../../contracts/auth.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useDepartments } from '../../organisation/api/get-departments.ts'
import {
  useAccounts,
  useChangeAccountRole,
  useCreateAccounts,
  useDisableAccount,
  useEnableAccount,
  useResetAccount,
} from '../api/accounts-api.ts'
import { type SecretResult, SecretsDialog } from './secrets-dialog.tsx'

const roles: Role[] = ['admin', 'hr', 'finance', 'supervisor', 'employee']
const states: AccountState[] = ['none', 'pending_activation', 'must_change_password', 'active', 'disabled']
const stateColors: Record<AccountState, string> = {
  none: 'default',
  pending_activation: 'blue',
  must_change_password: 'gold',
  active: 'green',
  disabled: 'red',
}

// 账号管理: every employee with their login; give many people logins at once, reset, disable, enable, change roles.
export function AccountsPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const me = useCurrentUser()
  const [withoutLogin, setWithoutLogin] = useState(false)
  const [state, setState] = useState<AccountState | undefined>()
  const [departmentId, setDepartmentId] = useState<number | undefined>()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(50)
  const [selected, setSelected] = useState<number[]>([])
  const [creating, setCreating] = useState(false)
  const [delivery, setDelivery] = useState<AccountDelivery>('activation_link')
  const [results, setResults] = useState<SecretResult[] | null>(null)
  const accounts = useAccounts({
    withoutLogin: withoutLogin ? 'true' : undefined,
    state,
    departmentId,
    q: q || undefined,
    page,
    pageSize,
  })
  const departments = useDepartments()
  const create = useCreateAccounts()
  const reset = useResetAccount()
  const disable = useDisableAccount()
  const enable = useEnableAccount()
  const changeRole = useChangeAccountRole()
  const fail = (error: unknown) => message.error(describeError(t, error))

  const onCreate = () =>
    create.mutate(
      { employeeIds: selected, delivery },
      {
        onSuccess: (result) => {
          setCreating(false)
          setSelected([])
          setResults(
            result.results.map((r) => ({
              key: String(r.employeeId),
              employeeNo: r.employeeNo ?? '',
              name: r.name ?? '',
              username: r.username ?? '',
              outcome: r.outcome,
              message: r.message,
              secret: r.secret,
            })),
          )
        },
        onError: fail,
      },
    )

  const onReset = (account: Account) => {
    let choice: AccountDelivery = 'activation_link'
    modal.confirm({
      title: t('accounts.resetTitle', { username: account.username }),
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>{t('accounts.resetHint')}</Typography.Text>
          <Radio.Group
            defaultValue={choice}
            onChange={(e) => {
              choice = e.target.value
            }}
            options={[
              { value: 'activation_link', label: t('accounts.delivery.activation_link') },
              { value: 'initial_password', label: t('accounts.delivery.initial_password') },
            ]}
          />
        </Flex>
      ),
      onOk: () =>
        reset
          .mutateAsync({ userId: account.userId!, delivery: choice })
          .then((r) =>
            setResults([
              {
                key: String(r.userId),
                employeeNo: account.employeeNo ?? '',
                name: account.name,
                username: r.username,
                outcome: 'created',
                secret: r.secret,
              },
            ]),
          )
          .catch(fail),
    })
  }

  const onDisable = (account: Account) => {
    let reason = ''
    modal.confirm({
      title: t('accounts.disableTitle', { username: account.username }),
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>{t('accounts.disableHint')}</Typography.Text>
          <Input
            aria-label={t('accounts.reason')}
            placeholder={t('accounts.reason')}
            maxLength={200}
            onChange={(e) => {
              reason = e.target.value
            }}
          />
        </Flex>
      ),
      okButtonProps: { danger: true },
      onOk: () =>
        disable
          .mutateAsync({ userId: account.userId!, reason: reason || undefined })
          .then(() => message.success(t('accounts.disabledDone')))
          .catch(fail),
    })
  }

  const stateLabel = (a: Account) => {
    const label = t(`accounts.state.${a.state}`)
    if (a.state !== 'disabled' || !a.disabledReason) return label
    return `${label}（${a.disabledReason}${a.disabledDate ? ` ${a.disabledDate}` : ''}）`
  }

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          <Button type="primary" disabled={selected.length === 0} onClick={() => setCreating(true)}>
            {t('accounts.create', { count: selected.length })}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Checkbox
          checked={withoutLogin}
          onChange={(e) => {
            setWithoutLogin(e.target.checked)
            setPage(1)
          }}
        >
          {t('accounts.withoutLogin')}
        </Checkbox>
        <Select
          allowClear
          aria-label={t('accounts.stateFilter')}
          placeholder={t('accounts.stateFilter')}
          style={{ minWidth: 150 }}
          value={state}
          onChange={(v) => {
            setState(v)
            setPage(1)
          }}
          options={states.map((s) => ({ value: s, label: t(`accounts.state.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('accounts.department')}
          placeholder={t('accounts.department')}
          style={{ minWidth: 150 }}
          value={departmentId}
          onChange={(v) => {
            setDepartmentId(v)
            setPage(1)
          }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Input.Search
          allowClear
          aria-label={t('accounts.search')}
          placeholder={t('accounts.search')}
          style={{ maxWidth: 240 }}
          onSearch={(v) => {
            setQ(v.trim())
            setPage(1)
          }}
        />
      </Flex>
      <Table<Account>
        rowKey={(a) => (a.employeeId ? `e${a.employeeId}` : `u${a.userId}`)}
        size="middle"
        loading={accounts.isPending}
        dataSource={accounts.data?.items ?? []}
        scroll={{ x: 900 }}
        rowSelection={{
          selectedRowKeys: selected.map((id) => `e${id}`),
          preserveSelectedRowKeys: true,
          getCheckboxProps: (a) => ({ disabled: a.userId !== null || a.employeeId === null }),
          onChange: (_keys, rows) => setSelected(rows.filter((r) => r.employeeId).map((r) => r.employeeId!)),
        }}
        pagination={{
          current: page,
          pageSize,
          total: accounts.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, s) => {
            setPage(p)
            setPageSize(s)
          },
        }}
        columns={[
          { title: t('accounts.employeeNo'), dataIndex: 'employeeNo', width: 100 },
          { title: t('accounts.name'), dataIndex: 'name', width: 110 },
          { title: t('accounts.department'), dataIndex: 'departmentName', width: 110 },
          { title: t('accounts.position'), dataIndex: 'positionName', width: 110 },
          { title: t('accounts.username'), dataIndex: 'username', width: 110 },
          {
            title: t('accounts.role'),
            dataIndex: 'role',
            width: 100,
            render: (role: Role | null) => (role ? t(`accounts.roles.${role}`) : ''),
          },
          {
            title: t('accounts.stateColumn'),
            key: 'state',
            render: (_, a) => <Tag color={stateColors[a.state]}>{stateLabel(a)}</Tag>,
          },
          { title: t('accounts.lastLogin'), dataIndex: 'lastLoginDate', width: 110 },
          {
            title: t('accounts.actions'),
            key: 'actions',
            fixed: 'right',
            width: 220,
            render: (_, a) => {
              if (a.userId === null) return null
              const isSelf = a.userId === me.id
              const lockedAdmin = a.role === 'admin' && me.role !== 'admin'
              if (lockedAdmin) return null
              return (
                <Flex gap={4} wrap>
                  {!isSelf ? (
                    <Button size="small" onClick={() => onReset(a)}>
                      {t('accounts.reset')}
                    </Button>
                  ) : null}
                  {a.state === 'disabled' ? (
                    <Button
                      size="small"
                      onClick={() =>
                        enable.mutate(a.userId!, {
                          onSuccess: () => message.success(t('accounts.enabledDone')),
                          onError: fail,
                        })
                      }
                    >
                      {t('accounts.enable')}
                    </Button>
                  ) : !isSelf ? (
                    <Button size="small" danger onClick={() => onDisable(a)}>
                      {t('accounts.disable')}
                    </Button>
                  ) : null}
                  {!isSelf ? (
                    <Dropdown
                      menu={{
                        items: roles
                          .filter((r) => r !== a.role && (r !== 'admin' || me.role === 'admin'))
                          .map((r) => ({ key: r, label: t(`accounts.roles.${r}`) })),
                        onClick: ({ key }) =>
                          changeRole.mutate(
                            { userId: a.userId!, role: key as Role },
                            { onSuccess: () => message.success(t('accounts.roleDone')), onError: fail },
                          ),
                      }}
                    >
                      <Button size="small">{t('accounts.changeRole')}</Button>
                    </Dropdown>
                  ) : null}
                </Flex>
              )
            },
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('accounts.createTitle', { count: selected.length })}
        okText={t('accounts.createOk')}
        confirmLoading={create.isPending}
        onOk={onCreate}
        onCancel={() => setCreating(false)}
      >
        <Flex vertical gap={12}>
          <Typography.Text>{t('accounts.createHint')}</Typography.Text>
          <Radio.Group
            value={delivery}
            onChange={(e) => setDelivery(e.target.value)}
            options={[
              { value: 'activation_link', label: t('accounts.delivery.activation_link') },
              { value: 'initial_password', label: t('accounts.delivery.initial_password') },
            ]}
          />
        </Flex>
      </Modal>
      <SecretsDialog results={results} onClose={() => setResults(null)} />
    </>
  )
}
