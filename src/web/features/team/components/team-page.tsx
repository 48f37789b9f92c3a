import { useTranslation } from 'react-i18next'
import { Route, Routes, useParams } from 'react-router-dom'
import { NotFoundPage } from '../../../components/not-found-page.tsx'
import { SheetDetail } from '../../sheets/components/sheet-detail.tsx'
import { TeamQueuePage } from './team-queue.tsx'

function TeamSheetPage() {
  const { t } = useTranslation()
  const { sheetId } = useParams()
  return <SheetDetail sheetId={Number(sheetId)} backTo="/team" backLabel={t('team.back')} />
}

// /team: the review queue of my reporting tree; /team/:sheetId: one sheet to confirm, observe, review and discuss.
export function TeamPage() {
  return (
    <Routes>
      <Route index element={<TeamQueuePage />} />
      <Route path=":sheetId" element={<TeamSheetPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
