import type { JSONParsed } from 'hono/utils/types'
import type { z } from 'zod'
import type {
  cycleBoardSchema,
  cycleCalibrationSchema,
  cycleListItemSchema,
  cycleSchema,
  openedCycleSchema,
} from '../../contracts/cycles.ts'
import type { jobSchema } from '../../contracts/workflow.ts'
import type { getCalibration } from '../../services/cycles/get-calibration.ts'
import type { getCycle } from '../../services/cycles/get-cycle.ts'
import type { getCycleBoard } from '../../services/cycles/get-cycle-board.ts'
import type { getJob } from '../../services/cycles/get-job.ts'
import type { listCycles } from '../../services/cycles/list-cycles.ts'
import type { openCycle } from '../../services/cycles/open-cycle.ts'
import type { updateCycleSettings } from '../../services/cycles/update-cycle-settings.ts'

// Compile-time check: what the cycle services return, as JSON, is exactly what the cycle contracts describe (a
// field added, dropped or retyped on one side breaks the build). Type-only: contracts may not import services.

type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** The JSON a service's answer becomes (dates → strings); a schema's type goes through the same. */
type Sent<F extends (...args: never[]) => unknown> = JSONParsed<Awaited<ReturnType<F>>>
type Described<S extends z.ZodType> = JSONParsed<z.infer<S>>

export const cycleContractsHold: [
  Interchangeable<Sent<typeof listCycles>, Described<typeof cycleListItemSchema>[]>,
  Interchangeable<Sent<typeof getCycle>, Described<typeof cycleSchema>>,
  Interchangeable<Sent<typeof updateCycleSettings>, Described<typeof cycleSchema>>,
  Interchangeable<Sent<typeof getCycleBoard>, Described<typeof cycleBoardSchema>>,
  Interchangeable<Sent<typeof getCalibration>, Described<typeof cycleCalibrationSchema>>,
  Interchangeable<Sent<typeof getJob>, Described<typeof jobSchema>>,
  Interchangeable<
    JSONParsed<Pick<Awaited<ReturnType<typeof openCycle>>, 'cycle' | 'jobId' | 'warnings'>>,
    Described<typeof openedCycleSchema>
  >,
] = [true, true, true, true, true, true, true]
