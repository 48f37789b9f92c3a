import type { z } from 'zod'
import type {
  attendanceRulesSchema,
  coverageReportSchema,
  drawVerificationSchema,
  monthlyAttendanceSchema,
  publishedAttendanceSchema,
  rotaCalendarSchema,
  rotaExceptionSchema,
  rotaPatternSchema,
  sampleDrawSchema,
  sampleScoreSchema,
  samplingComponentSchema,
  samplingFormSourceSchema,
  serviceHoursSchema,
  weeklySampleSchema,
} from '../../contracts/rota.ts'
import type { addRotaException } from '../../services/rota/add-rota-exception.ts'
import type { checkCoverage } from '../../services/rota/check-coverage.ts'
import type { computeMonthlyAttendance } from '../../services/rota/compute-monthly-attendance.ts'
import type { computeSamplingComponent } from '../../services/rota/compute-sampling-component.ts'
import type { drawWeeklySamples } from '../../services/rota/draw-weekly-samples.ts'
import type { getAttendanceRules } from '../../services/rota/get-attendance-rules.ts'
import type { getRota } from '../../services/rota/get-rota.ts'
import type { getSamplingForm } from '../../services/rota/get-sampling-form.ts'
import type { getServiceHours } from '../../services/rota/get-service-hours.ts'
import type { listWeeklySamples } from '../../services/rota/list-weekly-samples.ts'
import type { publishMonthlyAttendance } from '../../services/rota/publish-monthly-attendance.ts'
import type { scoreSampleOnTemplate } from '../../services/rota/score-sample.ts'
import type { setAttendanceRules } from '../../services/rota/set-attendance-rules.ts'
import type { setRotaPattern } from '../../services/rota/set-rota-pattern.ts'
import type { setServiceHours } from '../../services/rota/set-service-hours.ts'
import type { verifySampleDraw } from '../../services/rota/verify-sample-draw.ts'

// Compile-time check that the rota routes' response schemas (contracts/rota.ts) say exactly what the services
// return, as JSON carries it (a Date becomes its ISO string, numeric keys strings): a field added, dropped or
// retyped on one side breaks the build. Nothing here runs.

/** A value as JSON.stringify sends it. */
type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T as K extends number ? `${K}` : K]: Wire<T[K]> }
      : T
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Sent<F extends (...args: never[]) => Promise<unknown>> = Wire<Awaited<ReturnType<F>>>
type Checked<S extends z.ZodType, F extends (...args: never[]) => Promise<unknown>> = Interchangeable<
  z.infer<S>,
  Sent<F>
>

export type RotaContractChecks = [
  Checked<typeof serviceHoursSchema, typeof getServiceHours>,
  Checked<typeof serviceHoursSchema, typeof setServiceHours>,
  Interchangeable<z.infer<typeof rotaPatternSchema>['entries'], Sent<typeof setRotaPattern>>,
  Checked<typeof rotaExceptionSchema, typeof addRotaException>,
  Checked<typeof rotaCalendarSchema, typeof getRota>,
  Checked<typeof coverageReportSchema, typeof checkCoverage>,
  Checked<typeof attendanceRulesSchema, typeof getAttendanceRules>,
  Checked<typeof attendanceRulesSchema, typeof setAttendanceRules>,
  Checked<typeof monthlyAttendanceSchema, typeof computeMonthlyAttendance>,
  Checked<typeof publishedAttendanceSchema, typeof publishMonthlyAttendance>,
  Interchangeable<z.infer<typeof weeklySampleSchema>[], Sent<typeof listWeeklySamples>>,
  Checked<typeof samplingFormSourceSchema, typeof getSamplingForm>,
  Interchangeable<z.infer<typeof sampleDrawSchema>[], Sent<typeof drawWeeklySamples>>,
  Interchangeable<
    z.infer<typeof drawVerificationSchema>,
    Wire<Awaited<ReturnType<typeof verifySampleDraw>>['draw']> & { reproducible: boolean }
  >,
  Checked<typeof sampleScoreSchema, typeof scoreSampleOnTemplate>,
  Checked<typeof samplingComponentSchema, typeof computeSamplingComponent>,
]
const allHold: RotaContractChecks = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
]
void allHold
