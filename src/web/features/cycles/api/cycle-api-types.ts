// The cycle pages' shapes are the API contract's (src/contracts); these names are the ones the pages use.
import type { z } from 'zod'
import type { AppealSummary } from '../../../../contracts/appeals.ts'
import type { cycleKindSchema } from '../../../../contracts/workflow.ts'

export type {
  CalibrationSheet,
  Cycle,
  CycleBoard,
  CycleCalibration as Calibration,
  CycleComputation,
  CycleListItem,
  CycleMove,
  CycleSettings,
  CycleStatus,
  Distribution,
  GradeQuota,
  OverdueStep,
  QuotaViolation,
} from '../../../../contracts/cycles.ts'
export type { CycleInput, Job } from '../../../../contracts/workflow.ts'
export type CycleKind = z.infer<typeof cycleKindSchema>
export type AppealQueueItem = AppealSummary
