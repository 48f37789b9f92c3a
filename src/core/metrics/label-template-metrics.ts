import type { Template } from '../templates/template.ts'
import { findMetric } from './catalogue.ts'

/**
 * The names of the metrics a template's indicators and adjustment items read (好评率 rather than
 * good_review_rate), by metric key, so a page can name them without the whole catalogue. Unknown keys are left out.
 */
export function labelTemplateMetrics(template: Template): Record<string, { zh: string; en: string }> {
  const labels: Record<string, { zh: string; en: string }> = {}
  const items = [...template.dimensions.flatMap((d) => d.indicators), ...template.adjustments]
  const keys = items.flatMap((item) => (item.dataSource.kind === 'metric' ? [item.dataSource.metric] : []))
  // A target derived from history (上月日均UV × 110%) names its metric too.
  for (const indicator of template.dimensions.flatMap((d) => d.indicators)) {
    if (indicator.target.kind === 'derived') keys.push(indicator.target.metric)
  }
  for (const key of keys) {
    const metric = findMetric(key)
    if (metric) labels[metric.key] = metric.label
  }
  return labels
}
