import { describe, expect, it } from 'vitest'
import { libraryMetricKeys } from '../library/metric-keys.ts'
import { metricCatalogue } from './catalogue.ts'

describe('metric catalogue', () => {
  it('defines every metric key the built-in templates bind to, in the same unit', () => {
    for (const [key, spec] of Object.entries(libraryMetricKeys)) {
      const def = metricCatalogue.find((m) => m.key === key)
      expect(def, key).toBeDefined()
      expect(def?.unit, key).toBe(spec.unit)
    }
  })

  it('has unique keys and a formula in both languages', () => {
    const keys = metricCatalogue.map((m) => m.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const m of metricCatalogue)
      expect(m.formula.zh && m.formula.en && m.label.zh && m.label.en, m.key).toBeTruthy()
  })
})
