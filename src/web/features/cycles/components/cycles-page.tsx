import { Route, Routes } from 'react-router-dom'
import { NotFoundPage } from '../../../components/not-found-page.tsx'
import { CalibrationPage } from './calibration-page.tsx'
import { CycleBoardPage } from './cycle-board-page.tsx'
import { CycleListPage } from './cycle-list-page.tsx'

// /cycles: the list and the open-cycle form; /cycles/:id: the HR board; /cycles/:id/calibration: calibration.
export function CyclesPage() {
  return (
    <Routes>
      <Route index element={<CycleListPage />} />
      <Route path=":id" element={<CycleBoardPage />} />
      <Route path=":id/calibration" element={<CalibrationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
