// Maps a total to its performance coefficient (绩效系数), e.g. 64.99 → 0.5, 65 → 1.0, 80 → 1.2, 95 → 1.5.
import type { CoefficientBand } from '../templates/template.ts'
import { defaultCoefficients } from './default-scoring.ts'
import { reachesBand } from './grade-for.ts'

/** The coefficient of the first band (highest first) the total reaches; below them all, the lowest band's. */
export function coefficientFor(
  total: number,
  bands: readonly CoefficientBand[] = defaultCoefficients,
): number {
  for (const band of bands) if (reachesBand(total, band)) return band.coefficient
  return bands[bands.length - 1]?.coefficient ?? 1
}
