// Maps a total to its grade band (优秀/良好/合格/不合格 by default).
import type { GradeBand } from '../templates/template.ts'
import { defaultGrades } from './default-scoring.ts'

/** Whether `total` reaches a band's lower bound (inclusive or not). */
export function reachesBand(total: number, band: { min: number; minInclusive: boolean }): boolean {
  return band.minInclusive ? total >= band.min : total > band.min
}

/** The first band (highest first) whose lower bound the total reaches; below them all, the lowest band. */
export function gradeFor(total: number, bands: readonly GradeBand[] = defaultGrades): GradeBand | undefined {
  for (const band of bands) if (reachesBand(total, band)) return band
  return bands[bands.length - 1]
}
