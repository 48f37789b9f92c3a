import { createRequire } from 'node:module'
import {
  type StatutoryArrangement,
  type StatutoryCalendar,
  statutoryCalendar,
} from '../../core/calendar/statutory-arrangement.ts'

// Reads the statutory holiday arrangement from the `chinese-days` package (its published JSON of holidays and
// make-up working days, one entry per date) once per process.

const require = createRequire(import.meta.url)

export type StatutorySource = StatutoryCalendar & { packageName: string; packageVersion: string }

let cached: StatutorySource | undefined

export function loadStatutoryCalendar(): StatutorySource {
  if (!cached) {
    const arrangement = require('chinese-days/dist/chinese-days.json') as StatutoryArrangement
    const pkg = require('chinese-days/package.json') as { version: string }
    cached = { ...statutoryCalendar(arrangement), packageName: 'chinese-days', packageVersion: pkg.version }
  }
  return cached
}
