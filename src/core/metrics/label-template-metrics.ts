import type { Template } from '../templates/template.ts'
import { findMetric } from './catalogue.ts'

/**
 * The names of the metrics a template's indicators and adjustment items read (好评率 rather than
 * good_review_rate), by metric key, so a page can name them without the whole catalogue. Unknown keys are left out.
 */
export function labelTemplateMetrics(template: Template): Record<string, { zh: string; en: string }> {
  const labels: Record<string, { zh: string; en: string }> = {}
  const items = [...template.dimensions.flatMap((d) => d.indicators), ...template.adjustments]
  for (const item of items) {
    if (item.dataSource.kind !== 'metric') continue
    const metric = findMetric(item.dataSource.metric)
    if (metric) labels[metric.key] = metric.label
  }
  return labels
}
