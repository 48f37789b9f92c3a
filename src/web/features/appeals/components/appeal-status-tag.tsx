import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppealRulingKind, AppealStatus } from '../../../../contracts/appeals.ts'

const statusColour = { filed: 'gold', investigating: 'processing', ruled: 'default' } as const
const rulingColour = { upheld: 'green', partly_upheld: 'cyan', rejected: 'red' } as const

// The status of an appeal and, once ruled, its ruling.
export function AppealStatusTag({
  status,
  ruling,
}: {
  status: AppealStatus
  ruling: AppealRulingKind | null
}) {
  const { t } = useTranslation()
  return (
    <>
      <Tag color={statusColour[status]}>{t(`appeals.status.${status}`)}</Tag>
      {ruling ? <Tag color={rulingColour[ruling]}>{t(`appeals.rulings.${ruling}`)}</Tag> : null}
    </>
  )
}
