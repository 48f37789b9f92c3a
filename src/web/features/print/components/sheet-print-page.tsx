import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Flex, Spin } from 'antd'
import dayjs from 'dayjs'
import { Fragment, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import type { DataSource, Indicator, SheetDetail } from '../../../../contracts/sheets.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useSheet } from '../../sheets/api/get-sheet.ts'
import { formatNumber, formatValue } from '../../sheets/format-value.ts'
import { describeRule } from '../../templates/describe-rule.ts'
import {
  describeAssessor,
  describeDataSource,
  describeTarget,
  pickText,
} from '../../templates/describe-template-parts.ts'
import { type Confirmation, signatureConfirmations } from '../signature-confirmations.ts'
import { printStyles } from './print-styles.ts'

const time = (at: string | null | undefined) =>
  at ? (at.length === 10 ? at : dayjs(at).format('YYYY-MM-DD HH:mm')) : ''

// The printable appraisal form (/sheets/:id/print), laid out like the seed tables: one row per indicator with
// its weight, standard, assessor, data source, target, actual and points; totals, the grade legend, the
// assessor's comment and the three signature lines with the electronic confirmations. A4, no app chrome.
export function SheetPrintPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const id = Number(useParams().id)
  const sheet = useSheet(id)
  useEffect(() => {
    if (sheet.data)
      document.title = `${sheet.data.employee.name} · ${sheet.data.cycle.name} · ${t('print.title')}`
  }, [sheet.data, t])
  return (
    <div className="jixiao-print-root">
      <style>{printStyles}</style>
      <Flex className="jixiao-print-toolbar" gap={8} justify="center">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('print.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!sheet.data}
        >
          {t('print.print')}
        </Button>
      </Flex>
      {sheet.isPending ? <Spin style={{ display: 'block', padding: 48 }} /> : null}
      {sheet.isError ? (
        <Alert type="error" showIcon title={t('print.loadFailed')} style={{ margin: 24 }} />
      ) : null}
      {sheet.data ? (
        <PrintedSheet sheet={sheet.data} companyName={user.companyName} language={i18n.language} />
      ) : null}
    </div>
  )
}

function PrintedSheet({
  sheet,
  companyName,
  language,
}: {
  sheet: SheetDetail
  companyName: string
  language: string
}) {
  const { t } = useTranslation()
  const definition = sheet.template.definition
  const score = sheet.score
  const lines = signatureConfirmations(sheet)
  const indicatorScore = (dimensionKey: string, key: string) =>
    score?.dimensions.find((d) => d.key === dimensionKey)?.indicators.find((i) => i.key === key)
  const agreedTarget = (i: Indicator) => sheet.targets?.indicators?.[i.key]?.target
  const targetText = (dimensionKey: string, i: Indicator) => {
    const scored = indicatorScore(dimensionKey, i.key)?.target ?? agreedTarget(i)
    return scored !== undefined ? formatValue(scored, i.unit) : describeTarget(t, i.target, i.unit)
  }
  // Platform data by the metric's name (好评率), not its key.
  const sourceText = (source: DataSource) =>
    source.kind === 'metric'
      ? t('templates.dataSource.metric', {
          metric:
            sheet.template.metricLabels[source.metric]?.[language === 'en' ? 'en' : 'zh'] ?? source.metric,
          attribution: t(`templates.dataSource.attribution.${source.attribution}`),
        })
      : describeDataSource(t, source)
  let row = 0
  const grades = definition.scoring.grades
  const comment = sheet.supervisorReview?.comment

  return (
    <article className="jixiao-print-page" data-testid="print-sheet">
      <header>
        <div className="jixiao-print-company">{companyName}</div>
        <h1>
          {definition.name}
          <span className="jixiao-print-subtitle">{t('print.title')}</span>
        </h1>
      </header>
      <table className="jixiao-print-info">
        <tbody>
          <tr>
            <th>{t('print.employee')}</th>
            <td>{sheet.employee.name}</td>
            <th>{t('print.employeeNo')}</th>
            <td>{sheet.employee.employeeNo}</td>
            <th>{t('print.department')}</th>
            <td>{sheet.department?.name ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('print.assessor')}</th>
            <td>{sheet.reviewer?.name ?? '—'}</td>
            <th>{t('print.cycle')}</th>
            <td>{sheet.cycle.name}</td>
            <th>{t('print.period')}</th>
            <td>
              {sheet.cycle.periodStart} ~ {sheet.cycle.periodEnd}
            </td>
          </tr>
        </tbody>
      </table>

      <table className="jixiao-print-table">
        <thead>
          <tr>
            <th style={{ width: '5%' }}>{t('print.columns.no')}</th>
            <th style={{ width: '9%' }}>{t('print.columns.dimension')}</th>
            <th style={{ width: '13%' }}>{t('print.columns.indicator')}</th>
            <th style={{ width: '7%' }}>{t('print.columns.weight')}</th>
            <th>{t('print.columns.standard')}</th>
            <th style={{ width: '8%' }}>{t('print.columns.assessor')}</th>
            <th style={{ width: '9%' }}>{t('print.columns.dataSource')}</th>
            <th style={{ width: '8%' }}>{t('print.columns.target')}</th>
            <th style={{ width: '8%' }}>{t('print.columns.actual')}</th>
            <th style={{ width: '7%' }}>{t('print.columns.points')}</th>
          </tr>
        </thead>
        <tbody>
          {definition.dimensions.map((dimension) => (
            <Fragment key={dimension.key}>
              {dimension.indicators.map((indicator, index) => {
                row += 1
                const result = indicatorScore(dimension.key, indicator.key)
                return (
                  <tr key={indicator.key}>
                    <td className="num">{row}</td>
                    {index === 0 ? (
                      <td rowSpan={dimension.indicators.length} className="dimension">
                        {dimension.name}
                        <div className="muted">
                          {score?.dimensions.find((d) => d.key === dimension.key)?.points ?? '—'} /{' '}
                          {dimension.maxPoints}
                        </div>
                      </td>
                    ) : null}
                    <td>{indicator.name}</td>
                    <td className="num">{formatNumber(indicator.maxPoints)}</td>
                    <td className="standard">{describeRule(t, indicator.rule, indicator.unit)}</td>
                    <td>{describeAssessor(t, indicator.assessor)}</td>
                    <td>{sourceText(indicator.dataSource)}</td>
                    <td className="num">{targetText(dimension.key, indicator)}</td>
                    <td className="num">{formatValue(result?.actual, indicator.unit)}</td>
                    <td className="num strong">{result ? formatNumber(result.points) : ''}</td>
                  </tr>
                )
              })}
            </Fragment>
          ))}
          {definition.adjustments.length > 0
            ? definition.adjustments.map((item, index) => {
                row += 1
                const result = score?.adjustments.find((a) => a.key === item.key)
                return (
                  <tr key={item.key}>
                    <td className="num">{row}</td>
                    {index === 0 ? (
                      <td rowSpan={definition.adjustments.length} className="dimension">
                        {t('print.adjustments')}
                      </td>
                    ) : null}
                    <td>{item.name}</td>
                    <td className="num">{item.cap !== undefined ? formatNumber(item.cap) : '—'}</td>
                    <td className="standard">{describeRule(t, item.rule)}</td>
                    <td>{describeAssessor(t, item.assessor)}</td>
                    <td>{sourceText(item.dataSource)}</td>
                    <td className="num">—</td>
                    <td className="num">—</td>
                    <td className="num strong">
                      {result ? `${item.kind === 'deduction' ? '−' : '+'}${formatNumber(result.points)}` : ''}
                    </td>
                  </tr>
                )
              })
            : null}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={9} className="right">
              {t('print.subtotal')}
              {score && definition.scoring.scale === 'hundred' && score.base !== score.subtotal
                ? ` ${formatNumber(score.subtotal)} → ${t('print.base')}`
                : ''}
            </th>
            <td className="num">{score ? formatNumber(score.base) : ''}</td>
          </tr>
          {score && (score.bonus > 0 || score.deduction > 0) ? (
            <tr>
              <th colSpan={9} className="right">
                {t('print.bonus')} / {t('print.deduction')}
              </th>
              <td className="num">
                +{formatNumber(score.bonus)} / −{formatNumber(score.deduction)}
              </td>
            </tr>
          ) : null}
          <tr className="total">
            <th colSpan={9} className="right">
              {t('print.total')}
              {sheet.calibration ? (
                <span className="muted">
                  {' '}
                  （{t('print.calibrated', { reason: sheet.calibration.reason ?? '' })}）
                </span>
              ) : null}
            </th>
            <td className="num strong" data-testid="print-total">
              {sheet.total !== null ? formatNumber(sheet.total) : t('print.notScored')}
            </td>
          </tr>
          <tr>
            <th colSpan={9} className="right">
              {t('print.grade')} / {t('print.coefficient')}
            </th>
            <td className="num">
              {gradeLabel(sheet.grade, grades, language)} / {sheet.coefficient ?? '—'}
            </td>
          </tr>
        </tfoot>
      </table>

      <section className="jixiao-print-legend">
        <strong>{t('print.legend')}：</strong>
        {grades
          .map((g) =>
            t(g.minInclusive ? 'print.gradeBand' : 'print.gradeBandExclusive', {
              label: pickText(g.label, language),
              min: formatNumber(g.min),
            }),
          )
          .join('；')}
        <br />
        <strong>{t('print.coefficients')}：</strong>
        {definition.scoring.coefficients
          .map((c) =>
            t('print.coefficientBand', {
              min: formatNumber(c.min),
              coefficient: formatNumber(c.coefficient),
            }),
          )
          .join('；')}
      </section>

      <section className="jixiao-print-comment">
        <strong>{t('print.comment')}：</strong>
        {comment ? comment : t('print.noComment')}
      </section>
      {sheet.ownerConfirmedAt || sheet.reviewerConfirmedAt ? (
        <section className="jixiao-print-comment">
          <strong>{t('print.targetsConfirmed')}：</strong>
          {t('print.confirmedBoth', {
            owner: time(sheet.ownerConfirmedAt) || t('print.signatures.pending'),
            reviewer: time(sheet.reviewerConfirmedAt) || t('print.signatures.pending'),
          })}
        </section>
      ) : null}

      <section className="jixiao-print-signatures" data-testid="print-signatures">
        <SignatureLine label={t('print.signatures.employee')} confirmation={lines.employee} />
        <SignatureLine label={t('print.signatures.supervisor')} confirmation={lines.supervisor} />
        <SignatureLine label={t('print.signatures.reviewer')} confirmation={lines.reviewer} />
      </section>
      <footer className="muted">{t('print.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</footer>
    </article>
  )
}

function gradeLabel(
  grade: string | null,
  grades: SheetDetail['template']['definition']['scoring']['grades'],
  language: string,
) {
  if (!grade) return '—'
  const band = grades.find((g) => g.grade === grade)
  return band ? pickText(band.label, language) : grade
}

function SignatureLine({ label, confirmation }: { label: string; confirmation: Confirmation }) {
  const { t } = useTranslation()
  const who = confirmation
    ? confirmation.system && !confirmation.name
      ? t('print.signatures.system')
      : t('print.signatures.confirmed', { name: confirmation.name ?? '' })
    : ''
  return (
    <div className="signature" data-testid="signature-line">
      <div className="signature-label">{label}：</div>
      <div className="signature-line">{who}</div>
      <div className="signature-label">{t('print.signatures.date')}：</div>
      <div className="signature-line date">{confirmation ? time(confirmation.at) : ''}</div>
    </div>
  )
}
