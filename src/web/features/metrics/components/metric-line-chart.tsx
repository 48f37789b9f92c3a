import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { type ECharts, init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { MetricSeries } from '../../../../contracts/ingest-api.ts'

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

// One line per group over the periods; a period without a value is a gap, not a zero.
export function MetricLineChart({ series, ariaLabel }: { series: MetricSeries; ariaLabel: string }) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  useEffect(() => {
    if (!element.current) return
    const instance = init(element.current)
    chart.current = instance
    const resize = () => instance.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      instance.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 56, right: 24, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: series.periods },
        yAxis: { type: 'value', scale: true },
        series: series.series.map((s) => ({
          name: s.label,
          type: 'line',
          connectNulls: false,
          data: s.values.map((v) => (v === null ? null : Number(v))),
        })),
      },
      true,
    )
  }, [series])
  return <div ref={element} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 320 }} />
}
