import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Flex, Input, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FactKindInfo } from '../../../../contracts/ingest-api.ts'

type FactKindName = FactKindInfo['name']

import { describeError } from '../../../lib/describe-error.ts'
import { saveImportMapping, useFactKinds } from '../api/import-queries.ts'

// For a file no preset knows: pick the kind of data, then for each of its columns the file's header; saved under a
// name for the company, the mapping is used for this file and offered for the next one.
export function MappingEditor({
  headers,
  fileName,
  onSaved,
}: {
  headers: string[]
  fileName: string
  onSaved: (name: string, kind: FactKindName) => void
}) {
  const { t, i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const kinds = useFactKinds()
  const [kind, setKind] = useState<FactKindName | undefined>()
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [name, setName] = useState(fileName.replace(/\.[^.]+$/, '').slice(0, 100))
  const save = useMutation({
    mutationFn: () => saveImportMapping({ name: name.trim(), kind: kind as FactKindName, mapping }),
    onSuccess: () => onSaved(name.trim(), kind as FactKindName),
  })
  const info: FactKindInfo | undefined = kinds.data?.find((k) => k.name === kind)
  const label = (l: { zh: string; en: string }) => (zh ? l.zh : l.en)
  const missing = info?.columns.filter((c) => c.required && !mapping[c.name]) ?? []

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('imports.mapping.title')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <Select
          aria-label={t('imports.mapping.kind')}
          placeholder={t('imports.mapping.kind')}
          style={{ minWidth: 220 }}
          value={kind}
          onChange={(v: FactKindName) => {
            setKind(v)
            setMapping({})
          }}
          options={(kinds.data ?? []).map((k) => ({ value: k.name, label: label(k.label) }))}
        />
        <Input
          aria-label={t('imports.mapping.name')}
          style={{ width: 260 }}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('imports.mapping.name')}
        />
      </Flex>
      {info ? (
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={info.columns}
          columns={[
            {
              title: t('imports.mapping.column'),
              key: 'label',
              render: (_, c) => (
                <span>
                  {label(c.label)} {c.required ? <Typography.Text type="danger">*</Typography.Text> : null}
                </span>
              ),
            },
            {
              title: t('imports.mapping.header'),
              key: 'header',
              render: (_, c) => (
                <Select
                  allowClear
                  style={{ minWidth: 240 }}
                  aria-label={label(c.label)}
                  value={mapping[c.name]}
                  onChange={(v?: string) => {
                    const next = { ...mapping }
                    if (v) next[c.name] = v
                    else delete next[c.name]
                    setMapping(next)
                  }}
                  options={headers.filter(Boolean).map((h) => ({ value: h, label: h }))}
                />
              ),
            },
          ]}
        />
      ) : null}
      {save.error ? <Alert type="error" showIcon message={describeError(t, save.error)} /> : null}
      <div>
        <Button
          type="primary"
          disabled={!info || missing.length > 0 || !name.trim()}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('imports.mapping.save')}
        </Button>
      </div>
    </Flex>
  )
}
