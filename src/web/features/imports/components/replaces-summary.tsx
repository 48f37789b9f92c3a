import { Alert, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReplacedRows, UploadAnalysis } from '../../../../contracts/ingest-api.ts'

type Scope = Pick<NonNullable<UploadAnalysis['replaces']>, 'source' | 'periodStart' | 'periodEnd' | 'shops'>

// 替换预览: what an import replaces (only earlier rows of its own source and shops in its period), by earlier
// import and shop with row counts, shown before the import (from the upload's analysis or the validation)
// and after it.
export function ReplacesSummary({
  when,
  rows,
  imports,
  scope,
}: {
  when: 'would' | 'did'
  rows: number
  imports: ReplacedRows[]
  scope?: Scope
}) {
  const { t } = useTranslation()
  const shopName = (shop: string | null) =>
    shop === null ? '—' : shop === '' ? t('imports.replaces.noShop') : shop
  const where = scope
    ? t('imports.replaces.scope', {
        source: scope.source,
        shops: scope.shops ? scope.shops.map(shopName).join('、') : '—',
        start: scope.periodStart ?? '—',
        end: scope.periodEnd ?? '—',
      })
    : ''
  const message =
    rows === 0
      ? t(when === 'would' ? 'imports.replaces.wouldNone' : 'imports.replaces.didNone')
      : t(when === 'would' ? 'imports.replaces.would' : 'imports.replaces.did', { rows })
  return (
    <Alert
      type={rows === 0 ? 'info' : 'warning'}
      showIcon
      role="status"
      message={message}
      description={
        <>
          {where ? <div>{where}</div> : null}
          {imports.length > 0 ? (
            <Table
              size="small"
              aria-label={t('imports.replaces.table')}
              pagination={false}
              rowKey={(r) => `${r.importId}:${r.shop ?? ''}`}
              dataSource={imports}
              columns={[
                {
                  title: t('imports.replaces.import'),
                  dataIndex: 'importId',
                  render: (id: number) => `#${id}`,
                },
                { title: t('imports.replaces.file'), dataIndex: 'fileName' },
                { title: t('imports.replaces.shop'), dataIndex: 'shop', render: shopName },
                { title: t('imports.replaces.rows'), dataIndex: 'rows', align: 'right' },
              ]}
            />
          ) : null}
        </>
      }
    />
  )
}
