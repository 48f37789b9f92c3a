import { Alert, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportJob } from '../../../../contracts/ingest-api.ts'

// The validation report of a failed job: the message, then each problem by row, column and value (first 100).
export function ImportErrorsTable({ error }: { error: NonNullable<ImportJob['error']> }) {
  const { t } = useTranslation()
  return (
    <div>
      <Alert
        type="error"
        showIcon
        message={t('imports.wizard.problems', { count: error.errorCount })}
        description={error.message}
        style={{ marginBottom: 12 }}
      />
      {error.errors.length > 0 ? (
        <>
          <Table
            size="small"
            rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
            dataSource={error.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            aria-label={t('imports.wizard.errorsTable')}
            columns={[
              { title: t('imports.wizard.errorRow'), dataIndex: 'row', width: 80 },
              { title: t('imports.wizard.errorColumn'), dataIndex: 'column', width: 200 },
              {
                title: t('imports.wizard.errorValue'),
                dataIndex: 'value',
                width: 200,
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              { title: t('imports.wizard.errorMessage'), dataIndex: 'message' },
            ]}
          />
          {error.errorCount > error.errors.length ? (
            <Typography.Text type="secondary">
              {t('imports.wizard.moreProblems', { shown: error.errors.length, count: error.errorCount })}
            </Typography.Text>
          ) : null}
        </>
      ) : error.issues.length > 0 ? (
        <ul>
          {error.issues.slice(0, 20).map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <Typography.Text code>{i.path}</Typography.Text> {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
