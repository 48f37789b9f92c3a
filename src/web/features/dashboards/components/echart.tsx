import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components'
import { type EChartsCoreOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the chart types and components the dashboards draw, so the bundle carries no more of ECharts.
use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
])

/** The sans-serif stack with Chinese faces, shared by charts and the print view. */
export const chineseFontFamily = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'

/**
 * One ECharts chart, drawn as SVG so that it stays sharp on paper; it redraws when the option changes and
 * resizes with the window and before printing. `data-chart-ready` turns "true" once the chart has rendered.
 */
export function EChart({
  option,
  label,
  height = 300,
}: {
  option: EChartsCoreOption
  label: string
  height?: number
}) {
  const element = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const node = element.current
    if (!node) return
    const chart = init(node, undefined, { renderer: 'svg' })
    chart.on('finished', () => node.setAttribute('data-chart-ready', 'true'))
    chart.setOption({ animation: false, textStyle: { fontFamily: chineseFontFamily }, ...option })
    const resize = () => chart.resize()
    const observer = new ResizeObserver(resize)
    observer.observe(node)
    window.addEventListener('beforeprint', resize)
    window.addEventListener('afterprint', resize)
    return () => {
      observer.disconnect()
      window.removeEventListener('beforeprint', resize)
      window.removeEventListener('afterprint', resize)
      chart.dispose()
    }
  }, [option])
  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      className="jixiao-chart"
      style={{ width: '100%', height, breakInside: 'avoid' }}
    />
  )
}
