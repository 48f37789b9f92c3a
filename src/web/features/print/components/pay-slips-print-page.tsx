import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Flex, Spin } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import type { PaySlip } from '../../../../contracts/pay-slips.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { formatMoney } from '../../results/format-money.ts'
import { formatNumber } from '../../sheets/format-value.ts'
import { usePaySlips } from '../api/get-pay-slips.ts'
import { printStyles } from './print-styles.ts'

// A slip a page; on screen the pages stand apart.
const slipStyles = `
.jixiao-pay-slip { min-height: 0; margin-bottom: 16px; break-after: page; }
.jixiao-pay-slip:last-child { break-after: auto; }
@media print { .jixiao-pay-slip { margin: 0; } }
`

// The printable pay slips (工资条) of a cycle (/cycles/:id/pay-slips/print): one A4 page per person with the
// result paid on, every pay line with its rule and the total; the same slips as one PDF from the server.
export function PaySlipsPrintPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const id = Number(useParams().id)
  const slips = usePaySlips(id)
  useEffect(() => {
    if (slips.data?.items[0])
      document.title = `${slips.data.items[0].cycleName} · ${t('print.paySlips.title')}`
  }, [slips.data, t])
  return (
    <div className="jixiao-print-root">
      <style>{printStyles + slipStyles}</style>
      <Flex className="jixiao-print-toolbar" gap={8} justify="center">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('print.back')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={`/api/cycles/${id}/pay-slips/pdf`} disabled={!slips.data}>
          {t('print.paySlips.pdf')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!slips.data}
        >
          {t('print.print')}
        </Button>
      </Flex>
      {slips.isPending ? <Spin style={{ display: 'block', padding: 48 }} /> : null}
      {slips.isError ? (
        <Alert type="error" showIcon title={t('print.paySlips.loadFailed')} style={{ margin: 24 }} />
      ) : null}
      {slips.data && slips.data.items.length === 0 ? <Empty description={t('print.paySlips.none')} /> : null}
      {slips.data?.items.map((slip) => (
        <PrintedSlip key={slip.employeeNo} slip={slip} companyName={user.companyName} />
      ))}
    </div>
  )
}

function PrintedSlip({ slip, companyName }: { slip: PaySlip; companyName: string }) {
  const { t } = useTranslation()
  const facts: [string, string][] = [
    [t('print.employeeNo'), slip.employeeNo],
    [t('print.paySlips.name'), slip.employeeName],
    [t('print.department'), slip.departmentName ?? '—'],
    [t('print.paySlips.position'), slip.positionName ?? '—'],
    [t('print.paySlips.score'), slip.score === null ? '—' : formatNumber(slip.score)],
    [t('print.paySlips.coefficient'), slip.coefficient === null ? '—' : formatNumber(slip.coefficient)],
  ]
  return (
    <section
      className="jixiao-print-page jixiao-pay-slip"
      aria-label={`${slip.employeeName} ${t('print.paySlips.title')}`}
    >
      <header>
        <div className="jixiao-print-company">{companyName}</div>
        <h1>
          {t('print.paySlips.title')} · {slip.cycleName}
        </h1>
        <div className="muted">
          {slip.period.start} – {slip.period.end}
        </div>
      </header>
      <table className="jixiao-print-info">
        <tbody>
          <tr>
            {facts
              .slice(0, 3)
              .flatMap(([k, v]) => [<th key={`${k}-k`}>{k}</th>, <td key={`${k}-v`}>{v}</td>])}
          </tr>
          <tr>
            {facts.slice(3).flatMap(([k, v]) => [<th key={`${k}-k`}>{k}</th>, <td key={`${k}-v`}>{v}</td>])}
          </tr>
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th style={{ width: '28%' }}>{t('print.paySlips.line')}</th>
            <th style={{ width: '16%' }} className="right">
              {t('print.paySlips.amount')}
            </th>
            <th>{t('print.paySlips.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((l) => (
            <tr key={`${l.label}|${l.amount}|${l.rule}`}>
              <td>{l.label}</td>
              <td className="right">{formatMoney(l.amount)}</td>
              <td className="standard">{l.rule}</td>
            </tr>
          ))}
          <tr className="total">
            <th>{t('print.paySlips.total')}</th>
            <td className="right strong">{formatMoney(slip.total)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {slip.status === 'draft' ? <p className="muted">{t('print.paySlips.draft')}</p> : null}
      {slip.problems.map((p) => (
        <p key={p} className="muted">
          {t('print.paySlips.problem', { problem: p })}
        </p>
      ))}
    </section>
  )
}
