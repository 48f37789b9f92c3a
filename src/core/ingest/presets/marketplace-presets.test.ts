import { describe, expect, it } from 'vitest'
import { detectPreset } from './detect-preset.ts'
import { genericPresets } from './generic-presets.ts'
import { marketplacePresets } from './marketplace-presets.ts'
import { platformPresets } from './platform-presets.ts'
import { normaliseHeader, type Preset } from './preset.ts'

// The header rows of the 巨量千川, 抖店, 京东商智 and 拼多多 samples (test-fixtures/ingest), as the platforms write them.
const headers: Record<string, string[]> = {
  'qianchuan-campaigns': [
    '日期',
    '计划名称',
    '计划ID',
    '消耗(元)',
    '展示次数',
    '点击次数',
    '点击率',
    '平均千次展现费用(元)',
    '直接成交订单数',
    '直接成交金额(元)',
    '直接支付ROI',
    '成交订单成本(元)',
  ],
  'doudian-orders': [
    '主订单编号',
    '子订单编号',
    '选购商品',
    '商品规格',
    '商品数量',
    '商品ID',
    '商家编码',
    '商品单价',
    '订单应付金额',
    '运费',
    '优惠总金额',
    '订单提交时间',
    '支付完成时间',
    '订单完成时间',
    '订单状态',
    '售后状态',
    '取消原因',
  ],
  'jd-shop': [
    '日期',
    '访客数',
    '浏览量',
    '成交金额',
    '成交单量',
    '成交人数',
    '成交转化率',
    '成交客单价',
    '下单人数',
    '下单金额',
    '加购人数',
    '人均浏览量',
    '平均停留时长',
    '跳出率',
  ],
  'jd-goods': [
    '日期',
    '商品名称',
    '商品编号',
    '访客数',
    '浏览量',
    '成交金额',
    '成交商品件数',
    '成交单量',
    '成交人数',
    '成交转化率',
    '加购人数',
  ],
  'pdd-orders': [
    '商品',
    '订单号',
    '订单状态',
    '商品总价(元)',
    '店铺优惠折扣(元)',
    '平台优惠折扣(元)',
    '多多支付立减金额(元)',
    '邮费(元)',
    '用户实付金额(元)',
    '商家实收金额(元)',
    '商品数量(件)',
    '订单成交时间',
    '发货时间',
    '确认收货时间',
    '商品id',
    '商品规格',
    '样式ID',
    '商家编码-规格维度',
    '商家编码-商品维度',
    '商家备注',
    '售后状态',
    '快递单号',
    '快递公司',
  ],
  'pdd-shop': [
    '日期',
    '店铺访客数',
    '店铺浏览量',
    '商品访客数',
    '商品浏览量',
    '成交买家数',
    '成交订单数',
    '成交金额',
    '成交转化率',
    '客单价',
    '成交UV价值',
  ],
}

/** A header row carrying a preset's signature and the first spelling of each of its columns. */
function headerRowOf(preset: Preset): string[] {
  const row: string[] = []
  const seen = new Set<string>()
  for (const header of [
    ...preset.signature,
    ...Object.values(preset.columns).map((aliases) => aliases[0] ?? ''),
  ]) {
    const key = normaliseHeader(header)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    row.push(header)
  }
  return row
}

/** Rows as a file holds them: the header (a group row above it for two-row headers), then one data row. */
function fileRowsOf(preset: Preset): string[][] {
  const row = headerRowOf(preset)
  if (!preset.twoRowHeader) return [row, row.map(() => '1')]
  const groups = row.map((h) => (h.includes('|') ? (h.split('|')[0] ?? '') : ''))
  return [groups, row.map((h) => h.split('|').pop() ?? h), row.map(() => '1')]
}

const newNames = new Set(marketplacePresets.map((p) => p.name))

describe('marketplace presets', () => {
  it.each(Object.entries(headers))('recognises the %s export by its header row alone', (name, header) => {
    const banner = ['导出时间：2026-11-03 12:00:00']
    expect(detectPreset([banner, header, header.map(() => '1')]).preset.name).toBe(name)
  })

  it('has a sample header for every new preset', () => {
    expect(Object.keys(headers).sort()).toEqual([...newNames].sort())
  })

  // A new preset must never take a file an existing preset recognised before.
  it.each(platformPresets.map((p) => [p.name, p] as const))(
    'leaves the %s export to its own preset',
    (name, preset) => {
      expect(detectPreset(fileRowsOf(preset)).preset.name).toBe(name)
    },
  )

  it.each(genericPresets.map((p) => [p.name, p] as const))(
    'leaves a generic %s file to a generic preset',
    (_name, preset) => {
      expect(newNames.has(detectPreset(fileRowsOf(preset)).preset.name)).toBe(false)
    },
  )

  it('reads order status from the platform’s status column, never from order-number prefixes', () => {
    for (const preset of marketplacePresets.filter((p) => p.kind === 'orders')) {
      expect(preset.orderNumberPrefixes).toBeUndefined()
      expect(preset.columns.status).toEqual(['订单状态'])
      expect(preset.excludedStatuses?.length).toBeGreaterThan(0)
    }
  })
})
