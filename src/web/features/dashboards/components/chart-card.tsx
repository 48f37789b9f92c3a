import { Card, Empty } from 'antd'
import type { EChartsCoreOption } from 'echarts/core'
import type { ReactNode } from 'react'
import { EChart } from './echart.tsx'

// A titled card holding one chart, or an empty state when there is nothing to draw.
export function ChartCard({
  title,
  option,
  empty,
  height,
  extra,
}: {
  title: string
  option: EChartsCoreOption
  empty?: boolean
  height?: number
  extra?: ReactNode
}) {
  return (
    <Card
      title={title}
      size="small"
      extra={extra}
      className="jixiao-dashboard-card"
      style={{ height: '100%' }}
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: height ?? 300, paddingTop: 80 }} />
      ) : (
        <EChart option={option} label={title} height={height} />
      )}
    </Card>
  )
}
