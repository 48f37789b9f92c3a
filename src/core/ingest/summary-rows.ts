import { normaliseHeader } from './presets/preset.ts'

// Platform exports end with summary and peer-benchmark rows (合计, 全店汇总值, 同行同层均值 …) that are not
// facts; the importer and the upload preview both drop them.
const summaryLabels = new Set(
  [
    '合计',
    '总计',
    '汇总',
    '平均',
    '平均值',
    '汇总值',
    '全店汇总值',
    '全店平均值',
    '同行同层优秀',
    '同行同层均值',
    '同行同层平均',
    'total',
    'sum',
    'average',
  ].map(normaliseHeader),
)

/** Whether a row whose first non-empty cell is `label` is a summary row. */
export function isSummaryLabel(label: string): boolean {
  return summaryLabels.has(normaliseHeader(label))
}
