import { describe, expect, it } from 'vitest'
import { completionOption, histogramOption, radarAxes } from './chart-options.ts'

const named = (...names: string[]) => names.map((name) => ({ name }))

describe('dashboard chart options', () => {
  it('draws a radar over indicators when a template has fewer than three dimensions (客服: one)', () => {
    expect(radarAxes(named('客服岗位KPI'), named('问题解决率', '服务质量', '客户评价')).by).toBe('indicators')
    expect(radarAxes(named('财务', '客户', '内部流程'), named('a', 'b', 'c', 'd')).by).toBe('dimensions')
    // Too few indicators too: keep the dimensions rather than a degenerate radar of two spokes.
    expect(radarAxes(named('a'), named('x', 'y')).by).toBe('dimensions')
  })

  it('leaves indicators without a target out of the completion chart and shows percentages', () => {
    const option = completionOption(
      [
        { name: '销售额', completion: 0.875 },
        { name: '工作态度', completion: null },
        { name: '转化率', completion: 1.2 },
      ],
      '目标 100%',
    ) as { yAxis: { data: string[] }; series: { data: { value: number }[] }[] }
    expect(option.yAxis.data).toEqual(['销售额', '转化率'])
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([87.5, 120])
  })

  it('colours lower-is-better indicators by their rule and keeps 0.01 % precision', () => {
    const option = completionOption(
      [
        // 退货率 3.12 % against 5 %: within target, although the ratio is under 100 %.
        { name: '退货率', completion: 0.624, lowerIsBetter: true },
        // 投诉率 above its target is a miss.
        { name: '投诉率', completion: 1.2, lowerIsBetter: true },
        { name: '好评率', completion: 0.9567, lowerIsBetter: false },
      ],
      '目标 100%',
    ) as { series: { data: { value: number; itemStyle: { color: string } }[] }[] }
    const bars = option.series[0]!.data
    expect(bars.map((d) => d.itemStyle.color)).toEqual(['#52c41a', '#faad14', '#faad14'])
    expect(bars.map((d) => d.value)).toEqual([62.4, 120, 95.67])
  })

  it('labels the last histogram bucket as open-ended (totals above 100 with bonus points)', () => {
    const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: i }))
    const option = histogramOption(buckets, '人数') as { xAxis: { data: string[] } }
    expect(option.xAxis.data[0]).toBe('0–10')
    expect(option.xAxis.data[9]).toBe('≥90')
  })
})
