import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { Distribution } from '../../../../contracts/cycles.ts'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type HistogramSeries = { name: string; distribution: Distribution }

// The 10-point score histogram of a cycle, one bar series per department (ECharts, SVG so it prints sharply).
export function ScoreHistogram({ series, label }: { series: readonly HistogramSeries[]; label: string }) {
  const element = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!element.current) return
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' })
    const buckets = series[0]?.distribution.histogram ?? []
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: {
        type: 'category',
        data: buckets.map((b) => (b.to === 100 ? `${b.from}–100` : `${b.from}–${b.to}`)),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'total',
        data: s.distribution.histogram.map((b) => b.count),
      })),
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [series])
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 300 }} />
}
