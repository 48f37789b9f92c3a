import { type FactKind, factKinds } from '../fact-kinds.ts'
import type { Preset } from './preset.ts'

// One generic preset per fact kind: headers may be the column name, its Chinese label or its English label.
const extraAliases: Record<string, string[]> = {
  order_no: ['订单号', '订单ID', 'order id', 'order'],
  quantity: ['qty', '购买数量', '商品数量'],
  unit_price: ['price', '价格'],
  ordered_at: ['order time', '订单创建时间', '创建时间', '下单日期'],
  customer_id: ['buyer', '买家昵称', '买家会员名', 'customer id'],
  shop: ['店铺名称', 'store'],
  date: ['day', '统计日期', '时间'],
  pv: ['pv', 'pageviews'],
  uv: ['uv', 'visitors'],
  agent_nick: ['客服', '客服昵称', 'agent'],
  host: ['主播', 'streamer'],
  employee_ref: ['员工编号', 'employee no', 'employee'],
  employee_name: ['员工姓名'],
}

function genericPreset(kind: FactKind): Preset {
  const columns: Record<string, string[]> = {}
  for (const col of kind.columns) {
    if (col.derived) continue
    columns[col.name] = [col.name, col.label.zh, col.label.en, ...(extraAliases[col.name] ?? [])]
  }
  const requires = kind.columns.filter((c) => c.required && !c.derived).map((c) => c.name)
  return {
    name: `generic-${kind.name.replace(/_/g, '-')}`,
    label: { zh: `通用 ${kind.label.zh}`, en: `Generic ${kind.label.en}` },
    kind: kind.name,
    columns,
    signature: [],
    requires,
  }
}

export const genericPresets: Preset[] = Object.values(factKinds).map(genericPreset)
