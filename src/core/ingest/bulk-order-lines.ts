// The fast path of a bulk order-line CSV (UCI Online Retail and the like): decoded text in, the final
// rows of `fact_order_lines` and `fact_orders` out as CSV for COPY, so that the database does one
// COPY per table instead of COPY into staging + validation SQL + INSERT … SELECT.
//
// It only accepts what the general (staging) path would accept unchanged, and checks the same rules
// cheaply per line: canonical dates, whole-number quantities, plain decimal prices, no formula-looking
// text, negative quantities only on cancellations or at price 0, negative prices only on adjustments.
// Anything else — a ragged row, a quote spanning lines, a bad value — makes it `bail`: the caller then
// rolls back and runs the general path, which explains the problem by row, column and value.

import { looksLikeFormula as looksLikeFormulaCell, maxImportedMagnitude } from './parse-value.ts'

export type BulkOrderColumn =
  | 'order_no'
  | 'sku'
  | 'product_name'
  | 'quantity'
  | 'ordered_at'
  | 'unit_price'
  | 'customer_id'
  | 'shop'

/** The fact columns this fast path can fill (all others stay null). */
export const bulkOrderColumns: readonly BulkOrderColumn[] = [
  'order_no',
  'sku',
  'product_name',
  'quantity',
  'ordered_at',
  'unit_price',
  'customer_id',
  'shop',
]

/** The columns computed per line; the file's own columns follow (see BulkOrderLines.copyColumns). */
const computedColumns = ['company_id', 'import_id', 'row_no', 'day', 'line_no', 'amount', 'is_cancellation']

/** The COPY column list for fact_orders. */
export const bulkOrderCopyColumns = [
  'company_id',
  'import_id',
  'shop',
  'order_no',
  'customer_id',
  'ordered_at',
  'day',
  'amount',
  'quantity',
  'lines',
  'is_cancellation',
  'order_status',
]

export type BulkOrderOptions = {
  companyId: number
  importId: number
  /** Number of fields of every line (the header's width). */
  width: number
  /** 0-based field index of each mapped column. */
  fields: Partial<Record<BulkOrderColumn, number>>
  /** The shop of every row when the file has no shop column. */
  shop: string
  /** File row of a data line = its index among non-blank lines (1-based) + rowOffset. */
  rowOffset: number
}

/** An exact decimal: units × 10^-scale, units a safe integer (larger values decline the fast path). */
type Money = { units: number; scale: number }

type OrderTotals = {
  shop: string
  orderNo: string
  customer: string | null
  orderedAt: string
  amount: Money
  quantity: number
  lines: number
  cancelled: boolean
  anyPositive: boolean
}

export class BulkOrderLines {
  /** Why the fast path gave up (the general path will report it properly), or undefined. */
  bailed: string | undefined
  rows = 0
  start: string | null = null
  end: string | null = null
  private carry = ''
  private readonly orders = new Map<string, OrderTotals>()
  private readonly o: BulkOrderOptions
  private readonly prefix: string
  private current: OrderTotals | undefined
  private lastDay = ''
  /** Fact columns after the computed ones, in the file's column order (shop last when it is a constant). */
  private readonly order: BulkOrderColumn[]
  private readonly passThrough: boolean
  /** The COPY column list for fact_order_lines. */
  readonly copyColumns: string[]

  constructor(options: BulkOrderOptions) {
    this.o = options
    this.prefix = `${options.companyId},${options.importId},`
    const mapped = bulkOrderColumns.filter((c) => options.fields[c] !== undefined)
    mapped.sort((a, b) => (options.fields[a] as number) - (options.fields[b] as number))
    this.order = options.fields.shop === undefined ? [...mapped, 'shop'] : mapped
    this.passThrough =
      options.fields.shop !== undefined &&
      mapped.length === options.width &&
      mapped.every((c, i) => options.fields[c] === i)
    this.copyColumns = [...computedColumns, ...this.order]
  }

  /** CSV for the complete lines in `text` (the rest waits for the next chunk); '' once bailed. */
  push(text: string): string {
    if (this.bailed) return ''
    const data = this.carry + text
    const last = data.lastIndexOf('\n')
    if (last < 0) {
      this.carry = data
      return ''
    }
    this.carry = data.slice(last + 1)
    return this.lines(data, last)
  }

  /** CSV for the last line (a file without a final newline). */
  finish(): string {
    if (this.bailed || this.carry === '') return ''
    const rest = `${this.carry}\n`
    this.carry = ''
    return this.lines(rest, rest.length - 1)
  }

  /** The order headers as CSV for COPY into fact_orders. */
  ordersCsv(): string {
    return [...this.ordersCsvChunks(Number.POSITIVE_INFINITY)].join('')
  }

  /** The order headers as CSV in chunks of whole lines, `perChunk` orders each (so a caller can yield between). */
  *ordersCsvChunks(perChunk = 2000): Generator<string> {
    let out: string[] = []
    for (const t of this.orders.values()) {
      const status = t.cancelled
        ? 'cancellation'
        : t.orderNo.toUpperCase().startsWith('A') || !t.anyPositive
          ? 'adjustment'
          : 'order'
      out.push(
        `${this.prefix}${csv(t.shop)},${csv(t.orderNo)},${t.customer === null ? '' : csv(t.customer)},${t.orderedAt},${t.orderedAt.slice(0, 10)},${formatMoney(t.amount)},${t.quantity},${t.lines},${t.cancelled ? 't' : 'f'},${status}\n`,
      )
      if (out.length >= perChunk) {
        yield out.join('')
        out = []
      }
    }
    if (out.length > 0) yield out.join('')
  }

  /** The shops the lines name ('' where a line has none), once the lines are read. */
  shops(): string[] {
    return [...new Set([...this.orders.values()].map((t) => t.shop))].sort()
  }

  get orderCount(): number {
    return this.orders.size
  }

  private bail(reason: string): string {
    this.bailed = reason
    return ''
  }

  private lines(data: string, last: number): string {
    const out: string[] = []
    const { order_no: iOrder, quantity: iQty, ordered_at: iWhen, unit_price: iPrice } = this.o.fields
    const { sku: iSku, product_name: iName, customer_id: iCustomer, shop: iShop } = this.o.fields
    const get = (cells: string[], i: number | undefined) =>
      i === undefined ? null : trimmed(cells[i] as string)
    let from = 0
    while (from <= last) {
      const nl = data.indexOf('\n', from)
      let line = data.slice(from, nl)
      from = nl + 1
      if (line.endsWith('\r')) line = line.slice(0, -1)
      if (line === '') continue
      const cells = splitLine(line)
      if (!cells) return this.bail('a quoted field spans lines or is not closed')
      if (cells.length !== this.o.width) return this.bail('a row has a different number of columns')
      this.rows++
      const orderNo = get(cells, iOrder)
      const quantityText = get(cells, iQty)
      const when = canonicalTimestamp(get(cells, iWhen))
      const priceText = get(cells, iPrice)
      if (orderNo === null || quantityText === null || when === null || priceText === null)
        return this.bail('a required value is missing or not canonical')
      if (!/^[-+]?[0-9]{1,15}$/.test(quantityText)) return this.bail('quantity')
      const price = parseMoney(priceText)
      if (!price) return this.bail('unit price')
      const quantity = Number(quantityText)
      // Out of the documented bound (±1e12): the general path refuses the row naming it.
      if (
        Math.abs(quantity) > maxImportedMagnitude ||
        Math.abs(price.units) / 10 ** price.scale > maxImportedMagnitude
      )
        return this.bail('a number out of range')
      const first = orderNo.charCodeAt(0) | 0x20 // lower-case ASCII letter
      const cancelled = first === 0x63 // c…
      if (quantity < 0 && !cancelled && price.units !== 0) return this.bail('negative quantity')
      if (price.units < 0 && first !== 0x61) return this.bail('negative price') // a…
      const sku = get(cells, iSku)
      const name = get(cells, iName)
      const customer = get(cells, iCustomer)
      const shop = iShop === undefined ? this.o.shop : (get(cells, iShop) ?? '')
      if (
        looksLikeFormula(orderNo) ||
        looksLikeFormula(shop) ||
        (sku !== null && looksLikeFormula(sku)) ||
        (name !== null && looksLikeFormula(name)) ||
        (customer !== null && looksLikeFormula(customer))
      )
        return this.bail('formula-looking text')
      const amount = { units: price.units * quantity, scale: price.scale }
      if (
        !Number.isSafeInteger(amount.units) ||
        Math.abs(amount.units) / 10 ** amount.scale > maxImportedMagnitude
      )
        return this.bail('amount too large for the fast path')
      const day = when.slice(0, 10)
      if (day !== this.lastDay) {
        this.lastDay = day
        if (this.start === null || day < this.start) this.start = day
        if (this.end === null || day > this.end) this.end = day
      }

      let t = this.current
      if (!t || t.orderNo !== orderNo || t.shop !== shop) {
        const key = `${shop}\u0000${orderNo}`
        t = this.orders.get(key)
        if (!t) {
          t = {
            shop: copyOf(shop),
            orderNo: copyOf(orderNo),
            customer: customer === null ? null : copyOf(customer),
            orderedAt: copyOf(when),
            amount: { units: 0, scale: 0 },
            quantity: 0,
            lines: 0,
            cancelled: false,
            anyPositive: false,
          }
          this.orders.set(`${t.shop}\u0000${t.orderNo}`, t)
        }
        this.current = t
      }
      t.lines++
      t.quantity += quantity
      const total = addMoney(t.amount, amount)
      if (!total) return this.bail('order total too large for the fast path')
      t.amount = total
      if (customer !== null && (t.customer === null || customer > t.customer)) t.customer = copyOf(customer)
      if (when < t.orderedAt) t.orderedAt = copyOf(when)
      if (cancelled) t.cancelled = true
      if (quantity > 0) t.anyPositive = true
      const head = `${this.prefix}${this.rows + this.o.rowOffset},${day},${t.lines},${formatMoney(amount)},${cancelled ? 't' : 'f'},`
      // The line itself when COPY reads it the same way (no quotes, nothing to trim, a shop); else re-written.
      if (this.passThrough && shop !== '' && !line.includes('"') && !needsTrim(cells)) {
        out.push(head, line, '\n')
        continue
      }
      const values: Record<BulkOrderColumn, string | null> = {
        order_no: orderNo,
        sku,
        product_name: name,
        quantity: String(quantity),
        ordered_at: when,
        unit_price: formatMoney(price),
        customer_id: customer,
        shop,
      }
      out.push(head, this.order.map((c) => (c === 'shop' ? csv(shop) : nullable(values[c]))).join(','), '\n')
    }
    return out.join('')
  }
}

/** A copy that does not keep the chunk it was sliced from alive. */
function copyOf(text: string): string {
  return ` ${text}`.slice(1)
}

function needsTrim(cells: string[]): boolean {
  for (const c of cells) if (c.charCodeAt(0) === 32 || c.charCodeAt(c.length - 1) === 32) return true
  return false
}

/** The cells of one CSV line; undefined when a quote is left open (a field spanning lines). */
export function splitLine(line: string): string[] | undefined {
  if (!line.includes('"')) return line.split(',')
  const cells: string[] = []
  let i = 0
  for (;;) {
    if (line[i] === '"') {
      let value = ''
      let j = i + 1
      for (;;) {
        const q = line.indexOf('"', j)
        if (q < 0) return undefined
        value += line.slice(j, q)
        if (line[q + 1] === '"') {
          value += '"'
          j = q + 2
          continue
        }
        i = q + 1
        break
      }
      // Text after the closing quote up to the next comma belongs to the field (as COPY reads it).
      const comma = line.indexOf(',', i)
      const tail = comma < 0 ? line.slice(i) : line.slice(i, comma)
      if (tail.includes('"')) return undefined
      cells.push(value + tail)
      if (comma < 0) return cells
      i = comma + 1
    } else {
      const comma = line.indexOf(',', i)
      const value = comma < 0 ? line.slice(i) : line.slice(i, comma)
      if (value.includes('"')) return undefined
      cells.push(value)
      if (comma < 0) return cells
      i = comma + 1
    }
  }
}

/** Trims spaces like SQL btrim; empty → null. */
function trimmed(value: string): string | null {
  let a = 0
  let b = value.length
  while (a < b && value.charCodeAt(a) === 32) a++
  while (b > a && value.charCodeAt(b - 1) === 32) b--
  return a === b ? null : a === 0 && b === value.length ? value : value.slice(a, b)
}

function looksLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0)
  if (c === 61 || c === 64) return true // = @
  if (c !== 43 && c !== 45) return false // + -
  const d = text.charCodeAt(1)
  if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122)) return true
  return ((d >= 48 && d <= 57) || d === 46 || d === 40) && looksLikeFormulaCell(text) // digit . (
}

const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** `YYYY-MM-DD[ T]HH:MM[:SS]` or `YYYY-MM-DD` that is a real moment → `YYYY-MM-DD HH:MM:SS`; else null. */
export function canonicalTimestamp(text: string | null): string | null {
  if (text === null) return null
  const n = text.length
  if (n !== 10 && n !== 16 && n !== 19) return null
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$/.test(text)) return null
  const year = Number(text.slice(0, 4))
  const month = Number(text.slice(5, 7))
  const day = Number(text.slice(8, 10))
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (month === 2 && leap ? 29 : (daysIn[month - 1] as number))) return null
  if (n === 10) return `${text} 00:00:00`
  if (Number(text.slice(11, 13)) > 23 || Number(text.slice(14, 16)) > 59) return null
  if (n === 19 && Number(text.slice(17, 19)) > 59) return null
  return `${text.slice(0, 10)} ${text.slice(11, 16)}:${n === 19 ? text.slice(17, 19) : '00'}`
}

/** A plain decimal (`-12`, `2.55`) as exact units and scale; anything else (exponents, `.5`) → undefined. */
export function parseMoney(text: string): Money | undefined {
  const m = /^([-+]?)([0-9]{1,15})(?:\.([0-9]{1,12}))?$/.exec(text)
  if (!m) return undefined
  const fraction = m[3] ?? ''
  const units = Number(`${m[2]}${fraction}`)
  if (!Number.isSafeInteger(units)) return undefined
  return { units: m[1] === '-' ? -units : units, scale: fraction.length }
}

/** The exact sum at the larger scale, or undefined when it leaves the safe-integer range. */
function addMoney(a: Money, b: Money): Money | undefined {
  const scale = Math.max(a.scale, b.scale)
  const units =
    a.scale === b.scale
      ? a.units + b.units
      : a.units * 10 ** (scale - a.scale) + b.units * 10 ** (scale - b.scale)
  return Number.isSafeInteger(units) ? { units, scale } : undefined
}

/** Exact decimal text with `scale` places, like PostgreSQL prints a numeric of that scale. */
export function formatMoney(m: Money): string {
  const negative = m.units < 0
  const digits = String(Math.abs(m.units)).padStart(m.scale + 1, '0')
  const whole = m.scale === 0 ? digits : `${digits.slice(0, -m.scale)}.${digits.slice(-m.scale)}`
  return negative ? `-${whole}` : whole
}

const needsQuotes = /[",\n\r]/

/** A CSV field for COPY (format csv): quoted when needed; '' is written as "" so it stays non-null. */
function csv(value: string): string {
  if (value === '') return '""'
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function nullable(value: string | null): string {
  return value === null ? '' : csv(value)
}
