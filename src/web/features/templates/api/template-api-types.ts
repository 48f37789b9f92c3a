// Shapes of the templates HTTP API as the web reads them (the server's contract, src/api/routes/templates.ts).
import type { Template } from '../../../../core/templates/template.ts'

export type TemplateStatus = 'active' | 'archived'
export type TemplateOrigin = 'builtin' | 'custom'

/** One row of the template library (考核模板). */
export type TemplateSummary = {
  id: number
  code: string
  name: string
  status: TemplateStatus
  origin: TemplateOrigin
  latestVersion: number
  updatedAt: string
  positions: string[]
}

export type TemplateVersionInfo = { version: number; note: string | null; createdAt: string }

/** One template at one version, with its version history. */
export type TemplateDetail = {
  id: number
  code: string
  name: string
  status: TemplateStatus
  origin: TemplateOrigin
  latestVersion: number
  version: number
  definition: Template
  versions: TemplateVersionInfo[]
}

export type SavedTemplate = { id: number; version: number }

export type TemplateIssue = { path: string; message: string; messageEn?: string }

/** What one indicator needs from the period (the engine's IndicatorInput). */
export type PreviewIndicatorInput = {
  actual?: number
  target?: number
  level?: string
  score?: number
  comment?: string
  occurrences?: number
  counts?: Record<string, number>
  passed?: boolean
  violated?: boolean
  variables?: Record<string, number>
}

/** Sample inputs per indicator (and adjustment item) key, as the preview panel edits them. */
export type PreviewInputs = Record<string, PreviewIndicatorInput>

/** The engine's SheetInputs: shared indicator inputs and the bonus/deduction items' inputs. */
export type PreviewSheetInputs = {
  indicators: Record<string, PreviewIndicatorInput>
  adjustments: Record<string, PreviewIndicatorInput>
}

export type PreviewExplanation = { 'zh-CN': string; en: string }

export type PreviewIndicatorScore = {
  key: string
  points: number
  maxPoints: number
  actual?: number
  target?: number
  ruleShape?: string
  explanation?: PreviewExplanation
  vetoed?: 'dimension' | 'total'
  missing?: boolean
}

export type PreviewDimensionScore = {
  key: string
  name?: string
  points: number
  maxPoints?: number
  indicators?: PreviewIndicatorScore[]
  vetoed?: boolean
}

/** The engine's SheetScore, read defensively: the preview shows whatever parts it returns. */
export type PreviewScore = {
  total: number
  grade?: string | { grade: string; label?: Partial<Record<string, string>> } | null
  coefficient?: number | null
  dimensions?: PreviewDimensionScore[]
  indicators?: PreviewIndicatorScore[]
  adjustments?: PreviewIndicatorScore[]
  /** Σ dimension points, and the same on the template's scale. */
  subtotal?: number
  base?: number
  bonus?: number
  deduction?: number
  vetoed?: 'total'
  explanation?: PreviewExplanation
}

type PayText = { 'zh-CN': string; en: string }

/** The pay part of a preview request: a built-in scheme (the template's own by default) and its inputs as decimal text. */
export type PayPreviewRequest = { schemeCode?: string; values?: Record<string, string> }

export type PayPreview = {
  schemeCode: string
  schemeName: PayText
  inputs: string[]
  result: { total: string; lines: { code: string; label: PayText; amount: string; rule: PayText }[] } | null
  issues: TemplateIssue[]
}

export type PreviewResult = {
  score: PreviewScore | null
  issues: TemplateIssue[]
  pay: PayPreview | null
  paySchemes: { code: string; name: PayText }[]
}
