// The whitelist of functions a formula (公式) may call: names, argument counts and a one-line description in
// zh-CN, zh-TW and en. The engine's own functions (logic and Excel rounding) are evaluated natively; the rest
// come from @formulajs/formulajs, imported one by one in compile-formula.ts. No imports here, so the editor
// can show the list without bundling the library.

export type FormulaFunctionSpec = {
  name: string
  minArgs: number
  maxArgs: number
  /** `engine`: evaluated by the formula compiler itself; `formulajs`: the library's function of that name. */
  source: 'engine' | 'formulajs'
  /** How to call it, e.g. `MOD(number, divisor)`. */
  usage: string
  description: { 'zh-CN': string; 'zh-TW': string; en: string }
}

const many = 255

/** Every function a formula may call, in the order the docs list them (names are case-insensitive). */
export const formulaFunctionList: readonly FormulaFunctionSpec[] = [
  {
    name: 'IF',
    minArgs: 2,
    maxArgs: 3,
    source: 'engine',
    usage: 'IF(condition, then, else)',
    description: {
      'zh-CN': '条件成立取第二个值，否则取第三个值（缺省为 0）；只计算被选中的分支',
      'zh-TW': '條件成立取第二個值，否則取第三個值（預設為 0）；只計算被選中的分支',
      en: 'the second value when the condition holds, else the third (0 when absent); only the chosen branch is evaluated',
    },
  },
  {
    name: 'IFS',
    minArgs: 2,
    maxArgs: many,
    source: 'engine',
    usage: 'IFS(condition1, value1, condition2, value2, …)',
    description: {
      'zh-CN': '取第一个成立条件对应的值；没有条件成立时公式出错',
      'zh-TW': '取第一個成立條件對應的值；沒有條件成立時公式出錯',
      en: 'the value of the first condition that holds; an error when none holds',
    },
  },
  {
    name: 'AND',
    minArgs: 1,
    maxArgs: many,
    source: 'engine',
    usage: 'AND(a, b, …)',
    description: {
      'zh-CN': '全部成立为 1，否则为 0',
      'zh-TW': '全部成立為 1，否則為 0',
      en: '1 when all hold, else 0',
    },
  },
  {
    name: 'OR',
    minArgs: 1,
    maxArgs: many,
    source: 'engine',
    usage: 'OR(a, b, …)',
    description: {
      'zh-CN': '任一成立为 1，否则为 0',
      'zh-TW': '任一成立為 1，否則為 0',
      en: '1 when any holds, else 0',
    },
  },
  {
    name: 'NOT',
    minArgs: 1,
    maxArgs: 1,
    source: 'engine',
    usage: 'NOT(a)',
    description: { 'zh-CN': '取反', 'zh-TW': '取反', en: 'the opposite: 1 for 0, 0 otherwise' },
  },
  {
    name: 'MIN',
    minArgs: 1,
    maxArgs: many,
    source: 'engine',
    usage: 'MIN(a, b, …)',
    description: { 'zh-CN': '最小值', 'zh-TW': '最小值', en: 'the smallest value' },
  },
  {
    name: 'MAX',
    minArgs: 1,
    maxArgs: many,
    source: 'engine',
    usage: 'MAX(a, b, …)',
    description: { 'zh-CN': '最大值', 'zh-TW': '最大值', en: 'the largest value' },
  },
  {
    name: 'SUM',
    minArgs: 1,
    maxArgs: many,
    source: 'engine',
    usage: 'SUM(a, b, …)',
    description: { 'zh-CN': '求和', 'zh-TW': '求和', en: 'the sum' },
  },
  {
    name: 'ABS',
    minArgs: 1,
    maxArgs: 1,
    source: 'engine',
    usage: 'ABS(a)',
    description: { 'zh-CN': '绝对值', 'zh-TW': '絕對值', en: 'the absolute value' },
  },
  {
    name: 'ROUND',
    minArgs: 1,
    maxArgs: 2,
    source: 'engine',
    usage: 'ROUND(number, digits)',
    description: {
      'zh-CN': '四舍五入到指定小数位（负数位数取整到十、百…）',
      'zh-TW': '四捨五入到指定小數位（負數位數取整到十、百…）',
      en: 'rounded half away from zero to the digits (negative digits round to tens, hundreds …)',
    },
  },
  {
    name: 'ROUNDUP',
    minArgs: 1,
    maxArgs: 2,
    source: 'engine',
    usage: 'ROUNDUP(number, digits)',
    description: {
      'zh-CN': '向远离 0 的方向进位',
      'zh-TW': '向遠離 0 的方向進位',
      en: 'rounded away from zero',
    },
  },
  {
    name: 'ROUNDDOWN',
    minArgs: 1,
    maxArgs: 2,
    source: 'engine',
    usage: 'ROUNDDOWN(number, digits)',
    description: { 'zh-CN': '向 0 的方向舍去', 'zh-TW': '向 0 的方向捨去', en: 'rounded toward zero' },
  },
  {
    name: 'AVERAGE',
    minArgs: 1,
    maxArgs: many,
    source: 'formulajs',
    usage: 'AVERAGE(a, b, …)',
    description: { 'zh-CN': '平均值', 'zh-TW': '平均值', en: 'the mean' },
  },
  {
    name: 'MEDIAN',
    minArgs: 1,
    maxArgs: many,
    source: 'formulajs',
    usage: 'MEDIAN(a, b, …)',
    description: { 'zh-CN': '中位数', 'zh-TW': '中位數', en: 'the median' },
  },
  {
    name: 'PRODUCT',
    minArgs: 1,
    maxArgs: many,
    source: 'formulajs',
    usage: 'PRODUCT(a, b, …)',
    description: { 'zh-CN': '乘积', 'zh-TW': '乘積', en: 'the product' },
  },
  {
    name: 'INT',
    minArgs: 1,
    maxArgs: 1,
    source: 'formulajs',
    usage: 'INT(number)',
    description: {
      'zh-CN': '向下取整（-2.5 → -3）',
      'zh-TW': '向下取整（-2.5 → -3）',
      en: 'rounded down to a whole number (-2.5 → -3)',
    },
  },
  {
    name: 'TRUNC',
    minArgs: 1,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'TRUNC(number, digits)',
    description: {
      'zh-CN': '截去小数（-2.5 → -2）',
      'zh-TW': '截去小數（-2.5 → -2）',
      en: 'the decimals cut off (-2.5 → -2)',
    },
  },
  {
    name: 'MOD',
    minArgs: 2,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'MOD(number, divisor)',
    description: {
      'zh-CN': '余数（除数为 0 时出错）',
      'zh-TW': '餘數（除數為 0 時出錯）',
      en: 'the remainder (an error when the divisor is 0)',
    },
  },
  {
    name: 'QUOTIENT',
    minArgs: 2,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'QUOTIENT(number, divisor)',
    description: { 'zh-CN': '整数商', 'zh-TW': '整數商', en: 'the whole-number quotient' },
  },
  {
    name: 'CEILING',
    minArgs: 1,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'CEILING(number, significance)',
    description: {
      'zh-CN': '向上舍入到基数的倍数',
      'zh-TW': '向上捨入到基數的倍數',
      en: 'rounded up to a multiple of the significance',
    },
  },
  {
    name: 'FLOOR',
    minArgs: 1,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'FLOOR(number, significance)',
    description: {
      'zh-CN': '向下舍入到基数的倍数',
      'zh-TW': '向下捨入到基數的倍數',
      en: 'rounded down to a multiple of the significance',
    },
  },
  {
    name: 'MROUND',
    minArgs: 2,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'MROUND(number, multiple)',
    description: {
      'zh-CN': '舍入到最接近的倍数',
      'zh-TW': '捨入到最接近的倍數',
      en: 'rounded to the nearest multiple',
    },
  },
  {
    name: 'POWER',
    minArgs: 2,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'POWER(number, power)',
    description: { 'zh-CN': '乘方', 'zh-TW': '乘方', en: 'the number raised to the power' },
  },
  {
    name: 'SQRT',
    minArgs: 1,
    maxArgs: 1,
    source: 'formulajs',
    usage: 'SQRT(number)',
    description: {
      'zh-CN': '平方根（负数出错）',
      'zh-TW': '平方根（負數出錯）',
      en: 'the square root (an error for a negative number)',
    },
  },
  {
    name: 'EXP',
    minArgs: 1,
    maxArgs: 1,
    source: 'formulajs',
    usage: 'EXP(number)',
    description: { 'zh-CN': 'e 的乘方', 'zh-TW': 'e 的乘方', en: 'e raised to the number' },
  },
  {
    name: 'LN',
    minArgs: 1,
    maxArgs: 1,
    source: 'formulajs',
    usage: 'LN(number)',
    description: { 'zh-CN': '自然对数', 'zh-TW': '自然對數', en: 'the natural logarithm' },
  },
  {
    name: 'LOG',
    minArgs: 1,
    maxArgs: 2,
    source: 'formulajs',
    usage: 'LOG(number, base)',
    description: {
      'zh-CN': '对数（底数缺省为 10）',
      'zh-TW': '對數（底數預設為 10）',
      en: 'the logarithm (base 10 by default)',
    },
  },
  {
    name: 'LOG10',
    minArgs: 1,
    maxArgs: 1,
    source: 'formulajs',
    usage: 'LOG10(number)',
    description: { 'zh-CN': '以 10 为底的对数', 'zh-TW': '以 10 為底的對數', en: 'the base-10 logarithm' },
  },
  {
    name: 'SIGN',
    minArgs: 1,
    maxArgs: 1,
    source: 'formulajs',
    usage: 'SIGN(number)',
    description: { 'zh-CN': '正负号：1、0 或 -1', 'zh-TW': '正負號：1、0 或 -1', en: 'the sign: 1, 0 or -1' },
  },
]

/** The whitelist by upper-case name. */
export const formulaFunctions: Readonly<Record<string, FormulaFunctionSpec>> = Object.fromEntries(
  formulaFunctionList.map((spec) => [spec.name, spec]),
)

/** The names a formula may call, in list order. */
export const formulaFunctionNames: readonly string[] = formulaFunctionList.map((spec) => spec.name)
