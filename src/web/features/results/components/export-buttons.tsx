import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ExportKind } from '../../../../contracts/results.ts'

// XLSX and CSV downloads of a cycle's table (the server streams them with formula cells neutralised); for the
// pay sheet also the printable pay slips (工资条).
export function ExportButtons({ cycleId, what }: { cycleId: number | undefined; what: ExportKind }) {
  const { t } = useTranslation()
  const href = (format: 'xlsx' | 'csv') => `/api/cycles/${cycleId}/exports/${what}?format=${format}`
  const disabled = cycleId === undefined
  return (
    <Space.Compact className="jixiao-no-print">
      <Button
        icon={<DownloadOutlined />}
        href={disabled ? undefined : href('xlsx')}
        disabled={disabled}
        download
      >
        {t('results.export.xlsx')}
      </Button>
      <Button href={disabled ? undefined : href('csv')} disabled={disabled} download>
        {t('results.export.csv')}
      </Button>
      {what === 'pay' ? (
        <Button
          icon={<PrinterOutlined />}
          href={disabled ? undefined : `/cycles/${cycleId}/pay-slips/print`}
          disabled={disabled}
        >
          {t('print.paySlips.open')}
        </Button>
      ) : null}
    </Space.Compact>
  )
}
