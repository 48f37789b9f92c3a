import { Alert, Divider, Flex, Input, Select, Statistic, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  PayPreview,
  TemplatePreviewPay,
  TemplatePreviewResult,
} from '../../../../contracts/template-api.ts'

// The pay part of the live preview: which pay scheme (the template's own by default), its named inputs typed
// as decimal text (money is never a binary float), and each pay line with its amount to the fen and its rule.
export function PayPreviewSection({
  result,
  request,
  onRequest,
}: {
  result: TemplatePreviewResult | undefined
  request: TemplatePreviewPay
  onRequest: (next: TemplatePreviewPay) => void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const pay: PayPreview | null | undefined = result?.pay
  const schemes = result?.paySchemes ?? []
  const inputLabel = (name: string) => t(`templates.preview.pay.inputNames.${name}`, { defaultValue: name })
  return (
    <div data-testid="pay-preview">
      <Divider titlePlacement="start" style={{ marginBlock: 12 }}>
        {t('templates.preview.pay.title')}
      </Divider>
      <Flex vertical gap={8}>
        <Select
          aria-label={t('templates.preview.pay.scheme')}
          placeholder={t('templates.preview.pay.noScheme')}
          allowClear
          value={request.schemeCode ?? pay?.schemeCode}
          options={schemes.map((s) => ({ value: s.code, label: s.name[language] }))}
          onChange={(code?: string) => onRequest({ ...request, schemeCode: code })}
        />
        {pay
          ? pay.inputs.map((name) => (
              <Flex key={name} align="center" gap={8}>
                <Typography.Text style={{ minWidth: 120 }}>{inputLabel(name)}</Typography.Text>
                <Input
                  aria-label={inputLabel(name)}
                  inputMode="decimal"
                  style={{ maxWidth: 180 }}
                  value={request.values?.[name] ?? ''}
                  onChange={(e) =>
                    onRequest({ ...request, values: { ...(request.values ?? {}), [name]: e.target.value } })
                  }
                />
              </Flex>
            ))
          : null}
        {pay && pay.issues.length > 0 ? (
          <Alert
            type="info"
            showIcon
            title={t('templates.preview.pay.needsInputs')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {pay.issues.map((issue) => (
                  <li key={issue.path}>
                    {language === 'en' ? (issue.messageEn ?? issue.message) : issue.message}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {pay?.result ? (
          <>
            <Statistic
              title={t('templates.preview.pay.total')}
              value={pay.result.total}
              valueRender={(node) => <span data-testid="pay-total">{node}</span>}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              dataSource={pay.result.lines}
              columns={[
                { title: t('templates.preview.pay.line'), render: (_, line) => line.label[language] },
                { title: t('templates.preview.pay.amount'), dataIndex: 'amount', align: 'right' },
                { title: t('templates.preview.pay.rule'), render: (_, line) => line.rule[language] },
              ]}
            />
          </>
        ) : null}
      </Flex>
    </div>
  )
}
