// The functions a formula may call, for the template and pay-scheme editors and the docs (the engine's whitelist).
import { type FormulaFunctionSpec, formulaFunctionList } from '../core/formula/formula-functions.ts'

export type { FormulaFunctionSpec }
export { formulaFunctionList }

/** The whitelist as the markdown table docs/scoring.md carries (a test keeps the two equal). */
export function formulaFunctionTable(): string {
  const rows = formulaFunctionList.map(
    (f) =>
      `| \`${f.usage}\` | ${f.description['zh-CN']} | ${f.description.en} | ${f.source === 'engine' ? 'engine' : '@formulajs/formulajs'} |`,
  )
  return ['| function | 说明 | meaning | evaluated by |', '| --- | --- | --- | --- |', ...rows].join('\n')
}
