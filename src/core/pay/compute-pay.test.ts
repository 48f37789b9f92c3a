import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import { computePay, formatMoney } from './compute-pay.ts'
import {
  baseTimesScorePayScheme,
  customerServicePayScheme,
  type PayScheme,
  storeManagerPayScheme,
  thresholdGatedPayScheme,
} from './pay-scheme.ts'
import { validatePayScheme } from './validate-pay-scheme.ts'

const amounts = (r: ReturnType<typeof computePay>) => r.lines.map((l) => [l.code, l.amount])

describe('computePay: 000 客服 500 × 绩效系数 + 2% × sales + 10 × 中评修改 + 20 × 差评修改 + 奖惩', () => {
  it('works the seed formula by hand', () => {
    // Score 82 → 绩效系数 1.2 (80分以上含80分). 500 × 1.2 = 600.00; 35,678.45 × 2% = 713.569 → 713.57;
    // 3 × 10 = 30.00; 2 × 20 = 40.00; 奖惩 +50 全勤奖, −20 迟到. Total 600 + 713.57 + 30 + 40 + 50 − 20 = 1,413.57.
    const result = computePay(customerServicePayScheme(), {
      score: 82,
      values: { sales: '35678.45', neutral_reviews_revised: 3, negative_reviews_revised: 2 },
      rewardsPenalties: [
        { label: '全勤奖', amount: '50' },
        { label: '迟到', amount: '-20' },
      ],
    })
    expect(amounts(result)).toEqual([
      ['base', '600.00'],
      ['commission', '713.57'],
      ['neutral_reviews', '30.00'],
      ['negative_reviews', '40.00'],
      ['rewards_penalties.1', '50.00'],
      ['rewards_penalties.2', '-20.00'],
    ])
    expect(result.total).toBe('1413.57')
    expect(result.coefficient).toBe(1.2)
    expect(result.lines[0]?.rule['zh-CN']).toBe('底薪 500 × 绩效系数 1.2（得分 82） = 600 元')
    expect(result.lines[1]?.rule['zh-CN']).toBe('个人销售额 35,678.45 × 2% = 713.569 → 713.57 元')
    expect(result.lines[5]?.label['zh-CN']).toBe('奖惩：迟到')
  })

  it('uses 绩效系数 0.5 below 65 and 1.5 from 95 (000)', () => {
    const pay = (score: number) =>
      computePay(customerServicePayScheme(), {
        score,
        values: { sales: 0, neutral_reviews_revised: 0, negative_reviews_revised: 0 },
      }).lines[0]?.amount
    expect(pay(64.99)).toBe('250.00')
    expect(pay(65)).toBe('500.00')
    expect(pay(94.99)).toBe('600.00')
    expect(pay(95)).toBe('750.00')
  })

  it('pays on a coefficient already settled on the sheet (e.g. after calibration) when one is given', () => {
    const scheme = customerServicePayScheme()
    const inputs = {
      score: 82,
      values: { sales: 0, neutral_reviews_revised: 0, negative_reviews_revised: 0 },
    }
    expect(computePay(scheme, inputs).lines[0]?.amount).toBe('600.00')
    expect(computePay(scheme, { ...inputs, coefficient: 1.5 }).lines[0]?.amount).toBe('750.00')
    // the same scheme object again: its check is cached, the result is the same
    expect(computePay(scheme, inputs).lines[0]?.amount).toBe('600.00')
  })

  it('refuses missing inputs, naming each one', () => {
    try {
      computePay(customerServicePayScheme(), { score: 80, values: { sales: 'abc' } })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).issues.map((i) => i.path)).toEqual([
        'values.sales',
        'values.neutral_reviews_revised',
        'values.negative_reviews_revised',
      ])
    }
  })
})

describe('computePay: 000 店长 1800 × 任务完成系数 + 团队绩效分成 + 奖惩', () => {
  it('by default takes the task-completion coefficient from the score band and a rate × team sales', () => {
    // Score 96 → 1.5; 1800 × 1.5 = 2,700.00; 1% × 523,456.78 = 5,234.5678 → 5,234.57; no 奖惩. Total 7,934.57.
    const scheme = storeManagerPayScheme({ teamShare: { kind: 'rate', rate: '0.01' } })
    const result = computePay(scheme, { score: 96, values: { team_sales: '523456.78' } })
    expect(amounts(result)).toEqual([
      ['base', '2700.00'],
      ['team_share', '5234.57'],
      ['rewards_penalties', '0.00'],
    ])
    expect(result.total).toBe('7934.57')
  })

  it('can read the task-completion coefficient from a completion rate, capped, and a fixed team share', () => {
    const scheme = storeManagerPayScheme({
      teamShare: { kind: 'fixed', amount: '800' },
      taskCompletion: { kind: 'completion_rate', input: 'completion', cap: 1.2 },
    })
    const at = (completion: string) => computePay(scheme, { score: 70, values: { completion } })
    // 1800 × 0.93 = 1,674.00; 1800 × min(1.35, 1.2) = 2,160.00.
    expect(at('0.93').lines[0]?.amount).toBe('1674.00')
    expect(at('1.35').lines[0]?.amount).toBe('2160.00')
    expect(at('1.35').total).toBe('2960.00')
    expect(at('1.35').lines[0]?.rule['zh-CN']).toContain('完成率 135%，限定为 1.2')
  })
})

describe('computePay: 002 T14 threshold-gated performance pay and T15 base × score', () => {
  it('T14: ≥90 full, <70 nothing, in between score% × performance pay, at 69.99 / 70 / 89.99 / 90', () => {
    const scheme = thresholdGatedPayScheme({ performancePay: '3000' })
    const pay = (score: number) => computePay(scheme, { score }).total
    expect(pay(69.99)).toBe('0.00')
    expect(pay(70)).toBe('2100.00')
    expect(pay(77.77)).toBe('2333.10')
    expect(pay(89.99)).toBe('2699.70')
    expect(pay(90)).toBe('3000.00')
    expect(pay(100)).toBe('3000.00')
    expect(computePay(scheme, { score: 60 }).lines[0]?.rule['zh-CN']).toBe(
      '得分 60 < 70，当月考核不合格，不发放 = 0 元',
    )
  })

  it('T15 绩效基数 × 绩效分值 = 应发绩效金额 (score as a percentage)', () => {
    // 2,000 × 86.55% = 1,731.00; 1,999.99 × 86.55% = 1,730.991345 → 1,730.99.
    expect(computePay(baseTimesScorePayScheme({ base: '2000' }), { score: 86.55 }).total).toBe('1731.00')
    expect(computePay(baseTimesScorePayScheme({ base: '1999.99' }), { score: 86.55 }).total).toBe('1730.99')
    expect(
      computePay(baseTimesScorePayScheme({ base: '30', scoreAs: 'points' }), { score: 86.55 }).total,
    ).toBe('2596.50')
  })
})

describe('custom schemes as formulas', () => {
  it('evaluates a formula over score, coefficient and named inputs in decimal', () => {
    const scheme: PayScheme = {
      code: 'custom',
      name: { 'zh-CN': '自定义', en: 'Custom' },
      lines: [
        {
          kind: 'formula',
          code: 'perf',
          label: { 'zh-CN': '绩效奖金', en: 'Performance bonus' },
          expression: 'IF(score >= 60, 底薪 * coefficient + 销售额 * 1.5%, 0)',
          variables: ['底薪', '销售额'],
        },
      ],
    }
    // 3000 × 1.2 + 10,000.10 × 1.5% = 3,600 + 150.0015 = 3,750.0015 → 3,750.00.
    const result = computePay(scheme, { score: 85, values: { 底薪: '3000', 销售额: '10000.10' } })
    expect(result.total).toBe('3750.00')
    expect(result.lines[0]?.rule.en).toBe(
      'formula IF(score >= 60, 底薪 * coefficient + 销售额 * 1.5%, 0) (score = 85, 底薪 = 3000, coefficient = 1.2, 销售额 = 10000.1) = 3,750.0015 → 3,750.00 yuan',
    )
  })
})

describe('validatePayScheme', () => {
  it('refuses a negative base and missing parameters, naming the field', () => {
    const scheme: PayScheme = {
      code: 'bad',
      name: { 'zh-CN': '坏', en: 'Bad' },
      lines: [
        {
          kind: 'base_times_coefficient',
          code: 'base',
          label: { 'zh-CN': '底薪', en: 'Base' },
          base: '-500',
          coefficient: 'performance',
        },
        {
          kind: 'rate_times_input',
          code: 'c',
          label: { 'zh-CN': '提成', en: 'Commission' },
          rate: '',
          input: 'sales',
        },
        {
          kind: 'threshold_gated',
          code: 't',
          label: { 'zh-CN': '绩效', en: 'Perf' },
          amount: '100',
          fullAt: 70,
          zeroBelow: 90,
        },
        {
          kind: 'formula',
          code: 'f',
          label: { 'zh-CN': '公式', en: 'F' },
          expression: 'x * 2',
          variables: [],
        },
      ],
    }
    const issues = validatePayScheme(scheme)
    expect(issues.map((i) => i.path)).toEqual([
      'lines[0].base',
      'lines[1].rate',
      'lines[2].zeroBelow',
      'lines[3].expression',
    ])
    expect(issues[0]?.message['zh-CN']).toBe('「底薪」(base) 的底薪不能为负（-500）')
    expect(issues[1]?.message.en).toBe('"Commission" (c): rate is missing or not a number')
    expect(() => computePay(scheme, { score: 90 })).toThrow(DomainError)
  })

  it('accepts the seed presets', () => {
    expect(validatePayScheme(customerServicePayScheme())).toEqual([])
    expect(validatePayScheme(storeManagerPayScheme({ teamShare: { kind: 'fixed', amount: 0 } }))).toEqual([])
    expect(validatePayScheme(thresholdGatedPayScheme({ performancePay: 3000 }))).toEqual([])
    expect(validatePayScheme(baseTimesScorePayScheme({ base: 2000 }))).toEqual([])
  })
})

describe('pay properties', () => {
  it('lines are exact to the fen and the total is their sum, with no float drift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.nat(200),
        fc.nat(200),
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000 }),
        (salesFen, neutral, negative, itemsFen, score100) => {
          const sales = new Decimal(salesFen).div(100).toFixed(2)
          const score = score100 / 100
          const result = computePay(customerServicePayScheme(), {
            score,
            values: { sales, neutral_reviews_revised: neutral, negative_reviews_revised: negative },
            rewardsPenalties: itemsFen.map((f, i) => ({
              label: `item ${i}`,
              amount: new Decimal(f).div(100).toFixed(2),
            })),
          })
          // Integer fen arithmetic as the reference: 2% of s fen = 2s/100 fen, half up.
          const coefficientFen = { 0.5: 25_000, 1: 50_000, 1.2: 60_000, 1.5: 75_000 }[result.coefficient]!
          const commissionFen = Math.floor((salesFen * 2 + 50) / 100)
          const expectedFen =
            coefficientFen +
            commissionFen +
            neutral * 1000 +
            negative * 2000 +
            itemsFen.reduce((a, b) => a + b, 0)
          expect(result.total).toBe(new Decimal(expectedFen).div(100).toFixed(2))
          const sum = result.lines.reduce((a, l) => a.plus(l.amount), new Decimal(0))
          expect(sum.toFixed(2)).toBe(result.total)
          for (const line of result.lines) expect(line.amount).toMatch(/^-?\d+\.\d{2}$/)
        },
      ),
    )
  })
})

describe('computePay: a commission priced in integer fen', () => {
  const byHand = (x: string | number, rate: string) => {
    const amount = new Decimal(typeof x === 'number' ? x : x.trim()).times(rate)
    const rounded = amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    const shown = `${formatMoney(amount)}${amount.eq(rounded) ? '' : ` → ${formatMoney(rounded, 2)}`}`
    return { amount: rounded.toFixed(2), shown }
  }
  const commission = (x: string | number, rate: string) =>
    computePay(customerServicePayScheme({ commissionRate: rate }), {
      score: 88,
      coefficient: 1,
      values: { sales: x, neutral_reviews_revised: 0, negative_reviews_revised: 0 },
    }).lines.find((l) => l.code === 'commission')!

  it('rounds half up to the fen exactly as decimal.js, for text and numbers, near and past 2^53', () => {
    const cases: [string | number, string][] = [
      ['12.25', '0.02'],
      ['0.25', '0.02'],
      ['12.345', '0.125'],
      [' 37400.5 ', '0.035'],
      ['90071992547409.91', '0.02'],
      ['123456789012.3456', '0.00000001'],
      [554.33, '0.02'],
      [0.1 + 0.2, '0.02'],
      [1e21, '0.02'],
      ['-12.25', '0.02'],
      [0, '0.02'],
    ]
    for (const [x, rate] of cases) {
      const line = commission(x, rate)
      const hand = byHand(x, rate)
      expect(line.amount, `${x} × ${rate}`).toBe(hand.amount)
      expect(line.rule.en).toMatch(new RegExp(` = ${hand.shown.replace(/[.+]/g, '\\$&')} yuan$`))
    }
  })

  it('agrees with decimal.js on generated amounts and rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 10 ** 4 }),
        fc.integer({ min: 0, max: 6 }),
        (units, places, rateUnits, ratePlaces) => {
          const x = new Decimal(units).div(10 ** places).toFixed()
          const rate = new Decimal(rateUnits).div(10 ** ratePlaces).toFixed()
          expect(commission(x, rate).amount).toBe(byHand(x, rate).amount)
        },
      ),
    )
  })
})
