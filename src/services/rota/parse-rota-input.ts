import type { z } from 'zod'
import { DomainError } from '../../core/errors.ts'

/** Parses use-case input with its contract schema; failures become invalid_input naming each field. */
export function parseRotaInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || what,
    message: i.message,
  }))
  throw new DomainError(
    'invalid_input',
    `${what} 无效 / invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  )
}
