// Excel-style formulas (公式) for scoring rules and custom pay schemes. Parsed by jsep into a syntax tree,
// checked against the allowed variable and function names, then compiled once into a tree of closures:
// no eval, no Function, no property access, no strings. Two evaluators share one parse: `evaluate` on JS
// numbers (scoring hot path) and `evaluateDecimal` on decimal.js values (money). Logic and rounding are the
// engine's own; the other whitelisted functions are @formulajs/formulajs's (formula-functions.ts lists them).
// A division by 0 or a function's error throws FormulaEvaluationError: an error with a message, never a value.
import {
  AVERAGE,
  CEILING,
  EXP,
  FLOOR,
  INT,
  LN,
  LOG,
  LOG10,
  MEDIAN,
  MOD,
  MROUND,
  POWER,
  PRODUCT,
  QUOTIENT,
  SIGN,
  SQRT,
  TRUNC,
} from '@formulajs/formulajs'
import Decimal from 'decimal.js'
import jsep from 'jsep'
import { DomainError } from '../errors.ts'
import { formulaFunctions } from './formula-functions.ts'

// Excel comparison operators next to the JavaScript ones; `^` is a power (higher than * and /).
jsep.addBinaryOp('=', 6)
jsep.addBinaryOp('<>', 6)
jsep.removeBinaryOp('^')
jsep.addBinaryOp('^', 11, true)
jsep.addLiteral('TRUE', true)
jsep.addLiteral('FALSE', false)

export type FormulaProblem = { 'zh-CN': string; en: string }

type NumberNode = (vars: Readonly<Record<string, number | undefined>>) => number
type DecimalNode = (vars: Readonly<Record<string, Decimal.Value | undefined>>) => Decimal

export type CompiledFormula = {
  expression: string
  /** Variable names the formula reads, in first-use order. */
  variables: readonly string[]
  /**
   * Evaluate on JS numbers; comparisons and logic give 1/0; a missing variable reads as NaN. Throws
   * FormulaEvaluationError on a division by 0 or a function's error.
   */
  evaluate: NumberNode
  /** Evaluate in decimal (for money); throws DomainError on a missing variable, FormulaEvaluationError on an error. */
  evaluateDecimal: DecimalNode
}

/** The functions a formula may call (names are case-insensitive); the list and its descriptions: formula-functions.ts. */
export { formulaFunctions }

/** The library's functions on the whitelist, each imported by name (nothing else of the library is reachable). */
const libraryFunctions: Readonly<Record<string, (...args: number[]) => unknown>> = {
  AVERAGE,
  MEDIAN,
  PRODUCT,
  INT,
  TRUNC,
  MOD,
  QUOTIENT,
  CEILING,
  FLOOR,
  MROUND,
  POWER,
  SQRT,
  EXP,
  LN,
  LOG,
  LOG10,
  SIGN,
}

/**
 * A formula that compiled but cannot give a value for these inputs (a division by 0, a function's error such
 * as MOD(x, 0) or SQRT(-1), no IFS condition holding, a result beyond any number): an error with a message,
 * never points or money.
 */
export class FormulaEvaluationError extends DomainError {
  constructor(readonly problem: FormulaProblem) {
    super('invalid_input', `Formula error: ${problem.en}`, [{ path: 'expression', message: problem.en }], {
      'zh-CN': problem['zh-CN'],
    })
    this.name = 'FormulaEvaluationError'
  }
}

const divisionByZero = (): FormulaEvaluationError =>
  new FormulaEvaluationError({ 'zh-CN': '除数为 0', en: 'division by zero' })

const noIfsBranch = (): FormulaEvaluationError =>
  new FormulaEvaluationError({ 'zh-CN': 'IFS 的条件都不成立', en: 'no IFS condition holds' })

/** The library's answer as a finite number, or the error it stands for (#DIV/0!, #NUM!, #VALUE! …). */
function libraryResult(name: string, result: unknown): number {
  if (typeof result === 'number' && Number.isFinite(result)) return result
  if (typeof result === 'boolean') return result ? 1 : 0
  const code = result instanceof Error ? result.message : String(result)
  const zhReason = code === '#DIV/0!' ? '除数为 0' : code === '#NUM!' ? '数值无效' : '参数无效'
  const enReason =
    code === '#DIV/0!' ? 'division by zero' : code === '#NUM!' ? 'invalid number' : 'invalid argument'
  throw new FormulaEvaluationError({
    'zh-CN': `函数 ${name} 出错：${zhReason}（${code}）`,
    en: `function ${name} failed: ${enReason} (${code})`,
  })
}

const binaryOperators = new Set(['+', '-', '*', '/', '^', '=', '==', '<>', '!=', '<', '<=', '>', '>='])

/** Rewrite percent literals (`2%` → `(2/100)`); Excel has no modulo operator, so `%` after a number is a percent. */
function rewritePercentLiterals(expression: string): string {
  return expression.replace(/(\d+(?:\.\d+)?|\.\d+)\s*%/g, '($1/100)')
}

type Checked = { problems: FormulaProblem[]; variables: string[]; ast?: jsep.Expression }

function check(expression: string, allowedVariables: ReadonlySet<string>): Checked {
  const problems: FormulaProblem[] = []
  const variables: string[] = []
  if (expression.trim() === '') {
    problems.push({ 'zh-CN': '公式为空', en: 'the formula is empty' })
    return { problems, variables }
  }
  let ast: jsep.Expression
  try {
    ast = jsep(rewritePercentLiterals(expression))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    problems.push({ 'zh-CN': `公式无法解析：${reason}`, en: `the formula cannot be parsed: ${reason}` })
    return { problems, variables }
  }
  const allowedList = [...allowedVariables].join(', ') || '—'
  const visit = (node: jsep.Expression): void => {
    switch (node.type) {
      case 'Literal': {
        const value = (node as jsep.Literal).value
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          problems.push({
            'zh-CN': `不支持的常量 ${String((node as jsep.Literal).raw)}：公式只能用数字和 TRUE/FALSE`,
            en: `unsupported literal ${String((node as jsep.Literal).raw)}: formulas use numbers and TRUE/FALSE only`,
          })
        }
        return
      }
      case 'Identifier': {
        const name = (node as jsep.Identifier).name
        if (!allowedVariables.has(name)) {
          problems.push({
            'zh-CN': `未知变量「${name}」（可用变量：${allowedList}）`,
            en: `unknown variable "${name}" (allowed: ${allowedList})`,
          })
        } else if (!variables.includes(name)) variables.push(name)
        return
      }
      case 'UnaryExpression': {
        const unary = node as jsep.UnaryExpression
        if (unary.operator !== '-' && unary.operator !== '+') {
          problems.push({
            'zh-CN': `不支持的运算符 ${unary.operator}（请用 NOT(...)）`,
            en: `unsupported operator ${unary.operator} (use NOT(...))`,
          })
        }
        visit(unary.argument)
        return
      }
      case 'BinaryExpression': {
        const binary = node as jsep.BinaryExpression
        if (!binaryOperators.has(binary.operator)) {
          problems.push({
            'zh-CN': `不支持的运算符 ${binary.operator}（可用：+ - * / ^ = <> < <= > >=，逻辑请用 AND/OR）`,
            en: `unsupported operator ${binary.operator} (allowed: + - * / ^ = <> < <= > >=; use AND/OR for logic)`,
          })
        }
        visit(binary.left)
        visit(binary.right)
        return
      }
      case 'CallExpression': {
        const call = node as jsep.CallExpression
        if (call.callee.type !== 'Identifier') {
          problems.push({ 'zh-CN': '只能调用命名函数', en: 'only named functions can be called' })
          return
        }
        const name = (call.callee as jsep.Identifier).name.toUpperCase()
        const spec = formulaFunctions[name]
        if (!spec) {
          const known = Object.keys(formulaFunctions).join(', ')
          problems.push({
            'zh-CN': `未知函数 ${(call.callee as jsep.Identifier).name}（可用函数：${known}）`,
            en: `unknown function ${(call.callee as jsep.Identifier).name} (allowed: ${known})`,
          })
        } else if (call.arguments.length < spec.minArgs || call.arguments.length > spec.maxArgs) {
          const range = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs}–${spec.maxArgs}`
          problems.push({
            'zh-CN': `函数 ${name} 需要 ${range} 个参数，实际 ${call.arguments.length} 个`,
            en: `function ${name} takes ${range} arguments, got ${call.arguments.length}`,
          })
        } else if (name === 'IFS' && call.arguments.length % 2 !== 0) {
          problems.push({
            'zh-CN': 'IFS 的参数须成对：条件, 值, 条件, 值 …',
            en: 'IFS takes pairs of arguments: condition, value, condition, value …',
          })
        }
        for (const arg of call.arguments) visit(arg)
        return
      }
      default:
        problems.push({
          'zh-CN': `不支持的写法（${node.type}）：公式只能包含数字、变量、运算符和函数`,
          en: `unsupported construct (${node.type}): formulas contain numbers, variables, operators and functions only`,
        })
    }
  }
  visit(ast)
  return { problems, variables, ast }
}

/** List the problems of a formula without throwing (used by template and pay-scheme validation). */
export function checkFormula(expression: string, allowedVariables: readonly string[]): FormulaProblem[] {
  return check(expression, new Set(allowedVariables)).problems
}

/** Parse, check and compile a formula once; throws DomainError('invalid_input') listing every problem. */
export function compileFormula(expression: string, allowedVariables: readonly string[]): CompiledFormula {
  const { problems, variables, ast } = check(expression, new Set(allowedVariables))
  if (problems.length > 0 || !ast) {
    throw new DomainError(
      'invalid_input',
      `Invalid formula "${expression}": ${problems.map((p) => p.en).join('; ')}`,
      problems.map((p) => ({ path: 'expression', message: p.en })),
      { 'zh-CN': problems.map((p) => p['zh-CN']).join('；') },
    )
  }
  const evaluate = compileNumber(ast)
  let decimalTree: DecimalNode | undefined
  return {
    expression,
    variables,
    evaluate,
    evaluateDecimal: (vars) => {
      decimalTree ??= compileDecimal(ast)
      return decimalTree(vars)
    },
  }
}

// ---- number evaluator -------------------------------------------------------------------------------

/** Round half away from zero at `digits` decimals, reading the value at 15 significant digits (Excel ROUND). */
function roundNumber(value: number, digits: number, mode: 'half_up' | 'up' | 'down'): number {
  if (!Number.isFinite(value)) return value
  const scale = 10 ** Math.trunc(digits)
  const abs = Math.abs(value)
  const scaled = Number((Number(abs.toPrecision(15)) * scale).toPrecision(15))
  const whole =
    mode === 'half_up' ? Math.round(scaled) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled)
  const result = whole / scale
  return value < 0 && result !== 0 ? -result : result
}

function compileNumber(node: jsep.Expression): NumberNode {
  switch (node.type) {
    case 'Literal': {
      const value = Number((node as jsep.Literal).value)
      return () => value
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name
      return (vars) => {
        const value = vars[name]
        return value === undefined ? Number.NaN : +value
      }
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression
      const argument = compileNumber(unary.argument)
      return unary.operator === '-' ? (vars) => -argument(vars) : (vars) => +argument(vars)
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression
      const left = compileNumber(binary.left)
      const right = compileNumber(binary.right)
      switch (binary.operator) {
        case '+':
          return (v) => left(v) + right(v)
        case '-':
          return (v) => left(v) - right(v)
        case '*':
          return (v) => left(v) * right(v)
        case '/':
          return (v) => {
            const divisor = right(v)
            if (divisor === 0) throw divisionByZero()
            return left(v) / divisor
          }
        case '^':
          return (v) => left(v) ** right(v)
        case '=':
        case '==':
          return (v) => (left(v) === right(v) ? 1 : 0)
        case '<>':
        case '!=':
          return (v) => (left(v) !== right(v) ? 1 : 0)
        case '<':
          return (v) => (left(v) < right(v) ? 1 : 0)
        case '<=':
          return (v) => (left(v) <= right(v) ? 1 : 0)
        case '>':
          return (v) => (left(v) > right(v) ? 1 : 0)
        default:
          return (v) => (left(v) >= right(v) ? 1 : 0)
      }
    }
    default: {
      const call = node as jsep.CallExpression
      const name = (call.callee as jsep.Identifier).name.toUpperCase()
      const args = call.arguments.map(compileNumber)
      const a0 = args[0]!
      const a1 = args[1]
      const a2 = args[2]
      switch (name) {
        case 'IF':
          return a2 ? (v) => (a0(v) !== 0 ? a1!(v) : a2(v)) : (v) => (a0(v) !== 0 ? a1!(v) : 0)
        case 'AND':
          return (v) => {
            for (const arg of args) if (arg(v) === 0) return 0
            return 1
          }
        case 'OR':
          return (v) => {
            for (const arg of args) if (arg(v) !== 0) return 1
            return 0
          }
        case 'NOT':
          return (v) => (a0(v) === 0 ? 1 : 0)
        case 'MIN':
          return args.length === 2
            ? (v) => Math.min(a0(v), a1!(v))
            : (v) => Math.min(...args.map((a) => a(v)))
        case 'MAX':
          return args.length === 2
            ? (v) => Math.max(a0(v), a1!(v))
            : (v) => Math.max(...args.map((a) => a(v)))
        case 'SUM':
          return (v) => {
            let sum = 0
            for (const arg of args) sum += arg(v)
            return sum
          }
        case 'ABS':
          return (v) => Math.abs(a0(v))
        case 'IFS':
          return (v) => {
            for (let i = 0; i + 1 < args.length; i += 2) if (args[i]!(v) !== 0) return args[i + 1]!(v)
            throw noIfsBranch()
          }
        case 'ROUND':
        case 'ROUNDUP':
        case 'ROUNDDOWN': {
          const mode = name === 'ROUND' ? 'half_up' : name === 'ROUNDUP' ? 'up' : 'down'
          return a1 ? (v) => roundNumber(a0(v), a1(v), mode) : (v) => roundNumber(a0(v), 0, mode)
        }
        default: {
          const fn = libraryFunctions[name]!
          return (v) => libraryResult(name, fn(...args.map((a) => a(v))))
        }
      }
    }
  }
}

// ---- decimal evaluator ------------------------------------------------------------------------------

const ONE = new Decimal(1)
const ZERO = new Decimal(0)
const truth = (value: boolean): Decimal => (value ? ONE : ZERO)

function roundDecimal(value: Decimal, digits: number, mode: Decimal.Rounding): Decimal {
  const places = Math.trunc(digits)
  if (places >= 0) return value.toDecimalPlaces(places, mode)
  const scale = new Decimal(10).pow(-places)
  return value.div(scale).toDecimalPlaces(0, mode).mul(scale)
}

function compileDecimal(node: jsep.Expression): DecimalNode {
  switch (node.type) {
    case 'Literal': {
      const literal = node as jsep.Literal
      const value =
        typeof literal.value === 'boolean' ? truth(literal.value) : new Decimal(literal.raw.replace(/_/g, ''))
      return () => value
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name
      return (vars) => {
        const value = vars[name]
        if (value === undefined || value === null) {
          throw new DomainError('invalid_input', `Formula variable "${name}" has no value`, [
            { path: name, message: 'missing value' },
          ])
        }
        return new Decimal(value)
      }
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression
      const argument = compileDecimal(unary.argument)
      return unary.operator === '-' ? (vars) => argument(vars).neg() : argument
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression
      const left = compileDecimal(binary.left)
      const right = compileDecimal(binary.right)
      switch (binary.operator) {
        case '+':
          return (v) => left(v).plus(right(v))
        case '-':
          return (v) => left(v).minus(right(v))
        case '*':
          return (v) => left(v).times(right(v))
        case '/':
          return (v) => {
            const divisor = right(v)
            if (divisor.isZero()) throw divisionByZero()
            return left(v).div(divisor)
          }
        case '^':
          return (v) => left(v).pow(right(v))
        case '=':
        case '==':
          return (v) => truth(left(v).eq(right(v)))
        case '<>':
        case '!=':
          return (v) => truth(!left(v).eq(right(v)))
        case '<':
          return (v) => truth(left(v).lt(right(v)))
        case '<=':
          return (v) => truth(left(v).lte(right(v)))
        case '>':
          return (v) => truth(left(v).gt(right(v)))
        default:
          return (v) => truth(left(v).gte(right(v)))
      }
    }
    default: {
      const call = node as jsep.CallExpression
      const name = (call.callee as jsep.Identifier).name.toUpperCase()
      const args = call.arguments.map(compileDecimal)
      const a0 = args[0]!
      const a1 = args[1]
      const a2 = args[2]
      switch (name) {
        case 'IF':
          return (v) => (!a0(v).isZero() ? a1!(v) : a2 ? a2(v) : ZERO)
        case 'AND':
          return (v) => truth(args.every((a) => !a(v).isZero()))
        case 'OR':
          return (v) => truth(args.some((a) => !a(v).isZero()))
        case 'NOT':
          return (v) => truth(a0(v).isZero())
        case 'MIN':
          return (v) => Decimal.min(...args.map((a) => a(v)))
        case 'MAX':
          return (v) => Decimal.max(...args.map((a) => a(v)))
        case 'SUM':
          return (v) => args.reduce((sum, a) => sum.plus(a(v)), ZERO)
        case 'ABS':
          return (v) => a0(v).abs()
        case 'IFS':
          return (v) => {
            for (let i = 0; i + 1 < args.length; i += 2) if (!args[i]!(v).isZero()) return args[i + 1]!(v)
            throw noIfsBranch()
          }
        case 'ROUND':
        case 'ROUNDUP':
        case 'ROUNDDOWN': {
          const mode =
            name === 'ROUND'
              ? Decimal.ROUND_HALF_UP
              : name === 'ROUNDUP'
                ? Decimal.ROUND_UP
                : Decimal.ROUND_DOWN
          return (v) => roundDecimal(a0(v), a1 ? a1(v).toNumber() : 0, mode)
        }
        default: {
          // The library works on numbers: arguments and result cross at 15 significant digits (exact for money).
          const fn = libraryFunctions[name]!
          return (v) =>
            new Decimal(libraryResult(name, fn(...args.map((a) => a(v).toNumber()))).toPrecision(15))
        }
      }
    }
  }
}
