import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditRow } from '../api/list-audit.ts'

// An audit row's changed fields as a small table: the field's label, before, after (the server labels them).
export function AuditChanges({ changes }: { changes: AuditRow['changes'] }) {
  const { t } = useTranslation()
  if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <table data-testid="audit-change" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
      <thead>
        <tr>
          <th style={cell}>{t('audit.columns.field')}</th>
          <th style={cell}>{t('audit.columns.before')}</th>
          <th style={cell}>{t('audit.columns.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <td style={cell}>{c.label}</td>
            <td style={cell}>
              <Typography.Text delete={c.before !== '—'}>{c.before}</Typography.Text>
            </td>
            <td style={cell}>
              <Typography.Text strong>{c.after}</Typography.Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const cell = {
  padding: '2px 8px 2px 0',
  textAlign: 'left',
  verticalAlign: 'top',
  fontWeight: 'normal',
} as const
