import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { App } from './app/app.tsx'
import './app/global.css'
import { initI18n } from './i18n/i18n.ts'

// The Content-Security-Policy forbids eval: zod would otherwise probe for it with Function('') on its first parse.
z.config({ jitless: true })

// Entry point: load the translations (bundled, so at once), then render.
void initI18n().then(() => {
  const container = document.getElementById('root')
  if (!container) throw new Error('index.html has no #root element')
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
