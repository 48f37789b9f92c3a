import type { MetricDefinitionItem } from '../../contracts/ingest-api.ts'
import { metricCatalogue } from '../../core/metrics/catalogue.ts'

/** The metric catalogue as the API and web show it: key, name, formula, unit, the facts it needs, why unsupported. */
export function listMetricDefinitions(): MetricDefinitionItem[] {
  return metricCatalogue.map((m) => ({
    key: m.key,
    label: m.label,
    formula: m.formula,
    unit: m.unit,
    facts: [...m.facts],
    ...(m.unsupported ? { note: m.unsupported } : {}),
  }))
}
