// The one rounding policy for scores: read the JS number at 15 significant digits (so 2.675 is 2.675, not
// 2.67499…), then round half up (away from zero) to 2 decimals. Points are computed in JS numbers for speed;
// this is exact decimal rounding of the 15-digit value, checked against decimal.js in round-score.test.ts.

/** Round a score to 2 decimals, half up, from its 15-significant-digit decimal value. */
export function roundScore(value: number): number {
  if (!Number.isFinite(value)) return value
  // Fast path: integers and values already exact in cents come back unchanged.
  if (Number.isInteger(value)) return value + 0 // + 0 turns −0 into 0
  const abs = value < 0 ? -value : value
  // Fast path: the value × 100 is far from a half cent. Below 1e6 the binary error of abs × 100 is under 1e-7,
  // so when the fraction is more than 1e-6 away from .5 the 15-digit decimal rounds to the same cent.
  if (abs < 1e6) {
    const scaled = abs * 100
    const whole = Math.floor(scaled)
    const fraction = scaled - whole
    if (fraction < 0.499999 || fraction > 0.500001) {
      const rounded = (fraction < 0.5 ? whole : whole + 1) / 100
      return value < 0 && rounded !== 0 ? -rounded : rounded
    }
  }
  // 15 significant digits, then shift by 100 and re-read at 15 digits: the result is the exact decimal
  // value × 100, so its fractional part is exactly .5 when the decimal value sits on a half cent.
  const canonical = Number(abs.toPrecision(15))
  const cents = Math.round(Number((canonical * 100).toPrecision(15)))
  const rounded = cents / 100
  return value < 0 && rounded !== 0 ? -rounded : rounded
}

/** Format a score for people: at most 2 decimals, no trailing zeros, thousands separators. */
export function formatScore(value: number): string {
  return roundScore(value).toLocaleString('en-US', { maximumFractionDigits: 2 })
}
