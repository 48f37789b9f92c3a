// Whole fen as plain integers: exact while every amount and every partial sum stays a safe integer (< 2^53 fen).
// Only sums use them; a product by a rate stays in decimal.js.

const fixedFen = /^-?\d+\.\d\d$/

/** "1,234"-free text with exactly two decimals ("-12.30") as integer fen, or undefined when it is not that. */
export function fenOfFixed(text: string): number | undefined {
  if (!fixedFen.test(text)) return undefined
  const fen = Number(text.slice(0, -3) + text.slice(-2))
  return Number.isSafeInteger(fen) ? fen : undefined
}

/** Integer fen as text with two decimals, as Decimal#toFixed(2) writes it ("-0.50", "1234.00"). */
export function fixedOfFen(fen: number): string {
  const negative = fen < 0
  const whole = negative ? -fen : fen
  const cents = whole % 100 // exact for safe integers, as is the division of what is left
  return `${negative ? '-' : ''}${(whole - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`
}

/**
 * The sum of amounts written with two decimals, as two decimals; undefined when an amount is not in that form
 * or a partial sum would leave the exact integer range (the caller then sums in decimal.js).
 */
export function sumFixed(amounts: Iterable<string>): string | undefined {
  let total = 0
  for (const amount of amounts) {
    const fen = fenOfFixed(amount)
    if (fen === undefined) return undefined
    total += fen
    if (!Number.isSafeInteger(total)) return undefined
  }
  return fixedOfFen(total)
}
