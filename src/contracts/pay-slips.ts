import { z } from 'zod'

// Pay slips (工资条) as the API answers them: one per person of a cycle's pay sheet, for the print view.

export const paySlipSchema = z
  .object({
    cycleName: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentName: z.string().nullable(),
    positionName: z.string().nullable(),
    score: z.number().nullable(),
    coefficient: z.number().nullable(),
    lines: z.array(z.object({ label: z.string(), amount: z.string(), rule: z.string() })),
    total: z.string(),
    /** approved: from the approved pay sheet; draft: the live sheet before approval (admin and HR only). */
    status: z.enum(['approved', 'draft']),
    /** Why the pay could not be computed; empty when it was. */
    problems: z.array(z.string()),
  })
  .meta({ id: 'PaySlip' })
export type PaySlip = z.infer<typeof paySlipSchema>

export const paySlipListSchema = z.object({ items: z.array(paySlipSchema) }).meta({ id: 'PaySlipList' })
