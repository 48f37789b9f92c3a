import { useTranslation } from 'react-i18next'
import { Route, Routes, useParams } from 'react-router-dom'
import { NotFoundPage } from '../../../components/not-found-page.tsx'
import { SheetDetail } from '../../sheets/components/sheet-detail.tsx'
import { MySheetList } from './my-sheet-list.tsx'

function MySheetPage() {
  const { t } = useTranslation()
  const { sheetId } = useParams()
  return <SheetDetail sheetId={Number(sheetId)} backTo="/my-appraisal" backLabel={t('myAppraisal.back')} />
}

// /my-appraisal: my sheets; /my-appraisal/:sheetId: one of them, with the steps I may take.
export function MyAppraisalPage() {
  return (
    <Routes>
      <Route index element={<MySheetList />} />
      <Route path=":sheetId" element={<MySheetPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
