import { Route, Routes } from 'react-router-dom'
import { NotFoundPage } from '../../../components/not-found-page.tsx'
import { AppealDetailPage } from './appeal-detail-page.tsx'
import { AppealQueuePage } from './appeal-queue-page.tsx'

// /appeals: HR's queue; /appeals/:id: one appeal with take-up, notes, ruling and (admin) reopen.
export function AppealsPage() {
  return (
    <Routes>
      <Route index element={<AppealQueuePage />} />
      <Route path=":id" element={<AppealDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
