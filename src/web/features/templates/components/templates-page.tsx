import { Route, Routes } from 'react-router-dom'
import { NotFoundPage } from '../../../components/not-found-page.tsx'
import { NewTemplatePage, TemplateEditorPage } from './template-editor-page.tsx'
import { TemplateLibraryPage } from './template-library-page.tsx'
import { TemplateViewPage } from './template-view-page.tsx'

// /templates: the library; /templates/new and /templates/:id/edit: the editor with live preview; /templates/:id: one template.
export function TemplatesPage() {
  return (
    <Routes>
      <Route index element={<TemplateLibraryPage />} />
      <Route path="new" element={<NewTemplatePage />} />
      <Route path=":id" element={<TemplateViewPage />} />
      <Route path=":id/edit" element={<TemplateEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
