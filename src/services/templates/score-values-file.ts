import type { Template } from '../../core/templates/template.ts'
import type { Db } from '../../db/database.ts'
import { createTemplateRepository } from '../../db/template-repository.ts'
import { readValuesFile } from './read-values-file.ts'
import { type ScoredEmployee, scoreValues } from './score-values.ts'

/** Scores a values file (CSV or XLSX) against a template, its rows matched to the company's employees. */
export async function scoreValuesFile(
  deps: { db: Db },
  input: { companyId: number; template: Template; filePath: string },
): Promise<ScoredEmployee[]> {
  const roster = await createTemplateRepository(deps.db).listEmployeeRefs(input.companyId)
  const table = await readValuesFile(input.filePath)
  return scoreValues(input.template, table, input.filePath, roster)
}
