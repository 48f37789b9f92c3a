import { describe, expect, it } from 'vitest'
import { seed000CustomerService } from '../library/templates/seed-000-customer-service.ts'
import { seed002T15NewMediaDepartment } from '../library/templates/seed-002-t15-new-media-department.ts'
import type { Template } from '../templates/template.ts'
import { metricCatalogue } from './catalogue.ts'
import { labelTemplateMetrics } from './label-template-metrics.ts'

// A page names only the metrics the sheet's template reads, so it needs no catalogue of its own.
describe('labelTemplateMetrics', () => {
  const known = metricCatalogue[0]!
  const bound = (metric: string): Template => {
    const [first, ...rest] = seed000CustomerService.dimensions
    const [indicator, ...others] = first!.indicators
    return {
      ...seed000CustomerService,
      dimensions: [
        {
          ...first!,
          indicators: [
            { ...indicator!, dataSource: { kind: 'metric', metric, attribution: 'employee' } },
            ...others,
          ],
        },
        ...rest,
      ],
    }
  }

  it('names a bound metric in zh and en', () => {
    expect(labelTemplateMetrics(bound(known.key))).toMatchObject({ [known.key]: known.label })
  })
  it('names the metric of a target derived from history (T15 平台浏览量: 上月日均UV × 110%)', () => {
    const labels = labelTemplateMetrics(seed002T15NewMediaDepartment)
    expect(labels.uv?.zh).toBeTruthy()
    expect(labels.uv?.zh).not.toBe('uv')
  })
  it('leaves out unknown metric keys', () => {
    expect(labelTemplateMetrics(bound('no_such_metric'))).not.toHaveProperty('no_such_metric')
  })
})
