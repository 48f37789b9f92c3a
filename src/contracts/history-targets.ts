import { z } from 'zod'
import { frozenDerivedTargetSchema } from './sheets.ts'

// Targets derived from history (上月日均UV × 110% and the like), frozen on a cycle's sheets when it opened: the
// list HR reads, and the recompute HR asks for with a reason (audited).

export const historyTargetRowSchema = z
  .strictObject({
    sheetId: z.number().int().positive(),
    employeeName: z.string(),
    indicatorKey: z.string(),
    indicatorName: z.string(),
    /** The frozen target and its derivation in words; value null = missing (no data for a period read). */
    target: frozenDerivedTargetSchema,
    /** After a recompute: whether the value moved. */
    changed: z.boolean().optional(),
  })
  .meta({ id: 'HistoryTargetRow' })

export const historyTargetsSchema = z
  .strictObject({
    cycleId: z.number().int().positive(),
    items: z.array(historyTargetRowSchema),
    /** After a recompute: sheets recomputed, and sheets left as they were because they are already computed. */
    recomputed: z.number().int().min(0).optional(),
    skipped: z.number().int().min(0).optional(),
  })
  .meta({ id: 'HistoryTargets' })
export type HistoryTargets = z.infer<typeof historyTargetsSchema>

export const recomputeHistoryTargetsInputSchema = z
  .strictObject({ reason: z.string().trim().min(1, '请说明原因').max(2000, '最多 2000 个字符') })
  .meta({ id: 'RecomputeHistoryTargetsInput' })
export type RecomputeHistoryTargetsInput = z.infer<typeof recomputeHistoryTargetsInputSchema>
