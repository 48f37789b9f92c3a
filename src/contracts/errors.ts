import { z } from 'zod'

// The one error body every API failure uses: a stable code for programs, a message for people, issues per field.
export const errorIssueSchema = z.object({
  path: z.string().meta({ description: 'The field, row or column at fault, e.g. "managerId" or "body"' }),
  message: z.string(),
})

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'invalid_input' }),
      message: z.string(),
      issues: z.array(errorIssueSchema).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' })

export type ErrorResponse = z.infer<typeof errorResponseSchema>
