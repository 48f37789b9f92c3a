import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttributionItem, UnmappedName } from '../../../../contracts/ingest-api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSession } from '../../auth/api/get-session.ts'
import {
  deleteAttribution,
  importQueryKeys,
  saveAttribution,
  useAttributions,
  useStaffChoices,
  useUnmappedNames,
} from '../api/import-queries.ts'

// 归属映射: the names found in imported rows that count for nobody yet (客服昵称, 主播, accounts → employee;
// shops → team), each with a picker; below, the attribution table.
export function AttributionPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const unmapped = useUnmappedNames()
  const attributions = useAttributions()
  const staff = useStaffChoices()
  const session = useSession()
  const canEdit = session.data?.user.role === 'admin' || session.data?.user.role === 'hr'
  const [picked, setPicked] = useState<Record<string, number | undefined>>({})
  const refresh = () => queryClient.invalidateQueries({ queryKey: importQueryKeys.all })
  const save = useMutation({
    mutationFn: saveAttribution,
    onSuccess: async (a) => {
      message.success(t('imports.attribution.saved', { name: a.sourceName }))
      await refresh()
    },
    onError: (error) => message.error(describeError(t, error)),
  })
  const remove = useMutation({
    mutationFn: deleteAttribution,
    onSuccess: refresh,
    onError: (error) => message.error(describeError(t, error)),
  })

  const employeeOptions = (staff.data?.employees ?? []).map((e) => ({
    value: e.id,
    label: `${e.name} (${e.employeeNo})`,
  }))
  const teamOptions = (staff.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))
  const keyOf = (u: UnmappedName) => `${u.sourceKind}:${u.sourceName}`

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('imports.attribution.unmappedTitle')}
      </Typography.Title>
      {unmapped.error ? <Alert type="error" showIcon message={describeError(t, unmapped.error)} /> : null}
      <Table<UnmappedName>
        size="small"
        rowKey={keyOf}
        loading={unmapped.isLoading}
        dataSource={unmapped.data ?? []}
        aria-label={t('imports.attribution.unmappedTitle')}
        locale={{ emptyText: t('imports.attribution.allMapped') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('imports.attribution.kind'),
            dataIndex: 'sourceKind',
            render: (v: string) => <Tag>{t(`imports.sourceKind.${v}`)}</Tag>,
          },
          { title: t('imports.attribution.name'), dataIndex: 'sourceName' },
          { title: t('imports.attribution.rows'), dataIndex: 'rows', align: 'right' },
          { title: t('imports.attribution.lastDay'), dataIndex: 'lastDay' },
          {
            title: t('imports.attribution.creditTo'),
            key: 'pick',
            hidden: !canEdit,
            render: (_, u) => {
              const isShop = u.sourceKind === 'shop'
              return (
                <Flex gap={8}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ minWidth: 200 }}
                    aria-label={t('imports.attribution.pickFor', { name: u.sourceName })}
                    placeholder={
                      isShop ? t('imports.attribution.pickTeam') : t('imports.attribution.pickEmployee')
                    }
                    options={isShop ? teamOptions : employeeOptions}
                    value={picked[keyOf(u)]}
                    onChange={(v: number) => setPicked({ ...picked, [keyOf(u)]: v })}
                  />
                  <Button
                    type="primary"
                    disabled={picked[keyOf(u)] === undefined}
                    loading={save.isPending}
                    onClick={() =>
                      save.mutate({
                        sourceKind: u.sourceKind,
                        sourceName: u.sourceName,
                        employeeId: isShop ? null : (picked[keyOf(u)] ?? null),
                        departmentId: isShop ? (picked[keyOf(u)] ?? null) : null,
                        shop: null,
                      })
                    }
                  >
                    {t('imports.attribution.save')}
                  </Button>
                </Flex>
              )
            },
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('imports.attribution.tableTitle')}
      </Typography.Title>
      <Table<AttributionItem>
        size="small"
        rowKey="id"
        loading={attributions.isLoading}
        dataSource={attributions.data ?? []}
        aria-label={t('imports.attribution.tableTitle')}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('imports.attribution.kind'),
            dataIndex: 'sourceKind',
            render: (v: string) => <Tag>{t(`imports.sourceKind.${v}`)}</Tag>,
          },
          { title: t('imports.attribution.name'), dataIndex: 'sourceName' },
          {
            title: t('imports.attribution.employee'),
            dataIndex: 'employeeName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('imports.attribution.team'),
            dataIndex: 'departmentName',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('imports.attribution.shop'), dataIndex: 'shop', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'remove',
            hidden: !canEdit,
            render: (_, a) => (
              <Popconfirm
                title={t('imports.attribution.confirmRemove', { name: a.sourceName })}
                onConfirm={() => remove.mutateAsync(a.id)}
              >
                <Button size="small" danger>
                  {t('imports.attribution.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Flex>
  )
}
