import { Flex, Typography } from 'antd'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateIssue } from '../../../../contracts/template-api.ts'
import { issueMessage } from '../issue-paths.ts'

// A labelled control (the label is tied to the input for screen readers and tests) with the problems the
// validator reports for it underneath.
export function Field({
  label,
  issues,
  children,
  width,
}: {
  label: ReactNode
  issues?: readonly TemplateIssue[]
  children: (id: string) => ReactNode
  width?: number | string
}) {
  const id = useId()
  return (
    <Flex vertical gap={2} style={{ minWidth: 0, width }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <label htmlFor={id}>{label}</label>
      </Typography.Text>
      {children(id)}
      <IssueList issues={issues} />
    </Flex>
  )
}

/** Validation problems shown beside the field they name. */
export function IssueList({ issues }: { issues?: readonly TemplateIssue[] }) {
  const { i18n } = useTranslation()
  if (!issues || issues.length === 0) return null
  return (
    <div role="alert">
      {issues.map((issue) => (
        <Typography.Text
          key={`${issue.path}:${issue.message}`}
          type="danger"
          style={{ display: 'block', fontSize: 12 }}
        >
          {issueMessage(issue, i18n.language)}
        </Typography.Text>
      ))}
    </div>
  )
}
