import type { EChartsCoreOption } from 'echarts/core'

// ECharts options for the dashboards, built from the API's aggregates. Pure functions: labels come in
// already translated, so the same builders serve zh-CN, zh-TW and en, and the tests read the options.

const palette = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c']
/** Colours by grade position, highest first: 优秀 green … 不合格 red. */
const gradeColours = ['#52c41a', '#1677ff', '#faad14', '#f5222d', '#8c8c8c']

export type NamedCount = { name: string; count: number }

/** Grade distribution as a bar per grade (bars print more legibly than a pie), highest grade first. */
export function gradeBarOption(grades: readonly NamedCount[], countLabel: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: grades.map((g) => g.name) },
    yAxis: { type: 'value', minInterval: 1, name: countLabel },
    series: [
      {
        type: 'bar',
        name: countLabel,
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: grades.map((g, i) => ({ value: g.count, itemStyle: { color: gradeColours[i] ?? palette[i] } })),
      },
    ],
  }
}

/** Grades per department, stacked, one series per grade (in the grades' order). */
export function gradesByDepartmentOption(
  departments: readonly { name: string; grades: readonly NamedCount[] }[],
  gradeNames: readonly string[],
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 96, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: departments.map((d) => d.name), inverse: true },
    series: gradeNames.map((grade, i) => ({
      type: 'bar',
      stack: 'grades',
      name: grade,
      itemStyle: { color: gradeColours[i] ?? palette[i % palette.length] },
      data: departments.map((d) => d.grades.find((g) => g.name === grade)?.count ?? 0),
    })),
  }
}

/** The 10-point score histogram; the last bucket also takes totals of 100 and above (bonus points). */
export function histogramOption(
  buckets: readonly { from: number; to: number; count: number }[],
  countLabel: string,
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: {
      type: 'category',
      data: buckets.map((b, i) => (i === buckets.length - 1 ? `≥${b.from}` : `${b.from}–${b.to}`)),
    },
    yAxis: { type: 'value', minInterval: 1, name: countLabel },
    series: [
      {
        type: 'bar',
        name: countLabel,
        barCategoryGap: '8%',
        label: {
          show: true,
          position: 'top',
          formatter: ({ value }: { value: number }) => (value ? value : ''),
        },
        data: buckets.map((b) => b.count),
      },
    ],
  }
}

/** Sheets per workflow stage, in workflow order, as horizontal bars. */
export function stagesOption(stages: readonly NamedCount[], countLabel: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 112, right: 32, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: stages.map((s) => s.name), inverse: true },
    series: [
      {
        type: 'bar',
        name: countLabel,
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: stages.map((s) => s.count),
      },
    ],
  }
}

/** A score over periods (null = no result that period: a gap), with an optional reference series. */
export function trendOption(
  periods: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: [...periods], boundaryGap: true },
    yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      connectNulls: false,
      symbolSize: 8,
      label: { show: true, position: 'top' },
      itemStyle: { color: palette[i % palette.length] },
      data: [...s.values],
    })),
  }
}

/** Dimensions as shares of their budgets (0–100 %), one polygon per series: the team, or me and the median. */
export function radarOption(
  dimensions: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
): EChartsCoreOption {
  return {
    tooltip: {},
    legend: { top: 0 },
    radar: {
      center: ['50%', '56%'],
      radius: '62%',
      indicator: dimensions.map((name) => ({ name, max: 100 })),
    },
    series: [
      {
        type: 'radar',
        data: series.map((s, i) => ({
          name: s.name,
          value: s.values.map((v) => v ?? 0),
          areaStyle: { opacity: i === 0 ? 0.25 : 0.08 },
          lineStyle: i === 0 ? undefined : { type: 'dashed' },
          itemStyle: { color: palette[i % palette.length] },
        })),
      },
    ],
  }
}

/**
 * Each indicator's mean completion (actual ÷ target) as a percentage to 0.01 %, with the 100 % line;
 * indicators without a target are left out (they have nothing to be measured against). A bar is green when
 * its rule is met: at or above 100 %, or at or below it for a lower-is-better indicator (退货率, 投诉率).
 */
export function completionOption(
  indicators: readonly { name: string; completion: number | null; lowerIsBetter?: boolean }[],
  targetLabel: string,
): EChartsCoreOption {
  const shown = indicators.filter((i) => i.completion !== null)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    grid: { left: 120, right: 48, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((i) => i.name), inverse: true },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: shown.map((i) => {
          const percent = Math.round((i.completion ?? 0) * 10000) / 100
          const met = i.lowerIsBetter ? percent <= 100 : percent >= 100
          return { value: percent, itemStyle: { color: met ? '#52c41a' : '#faad14' } }
        }),
        markLine: {
          symbol: 'none',
          // The 100 % tick names the line; a label on a vertical line would cross the bars.
          label: { show: false },
          lineStyle: { color: '#f5222d', type: 'dashed' },
          data: [{ xAxis: 100, name: targetLabel }],
        },
      },
    ],
  }
}

/** Members' totals, highest first, red under the threshold, with the threshold line. */
export function membersOption(
  members: readonly { name: string; total: number }[],
  threshold: number,
  thresholdLabel: string,
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 16, top: 24, bottom: members.length > 12 ? 72 : 32 },
    xAxis: {
      type: 'category',
      data: members.map((m) => m.name),
      axisLabel: { interval: 0, rotate: members.length > 12 ? 45 : 0 },
    },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: members.map((m) => ({
          value: m.total,
          itemStyle: { color: m.total < threshold ? '#f5222d' : '#1677ff' },
        })),
        markLine: {
          symbol: 'none',
          label: { formatter: thresholdLabel, position: 'insideEndTop' },
          lineStyle: { color: '#f5222d', type: 'dashed' },
          data: [{ yAxis: threshold }],
        },
      },
    ],
  }
}

/**
 * The axes of a radar: the dimensions when there are at least three, else the indicators (a template with one
 * or two dimensions would draw a line, not a shape).
 */
export function radarAxes<D extends { name: string }, I extends { name: string }>(
  dimensions: readonly D[],
  indicators: readonly I[],
): { by: 'dimensions'; axes: readonly D[] } | { by: 'indicators'; axes: readonly I[] } {
  return dimensions.length >= 3 || indicators.length < 3
    ? { by: 'dimensions', axes: dimensions }
    : { by: 'indicators', axes: indicators }
}
