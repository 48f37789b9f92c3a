import { builtinPaySchemes } from '../../core/library/builtin-pay-schemes.ts'
import type { Db } from '../../db/database.ts'
import { listPositions } from '../../db/organisation-repository.ts'
import { findPayAssignment, savePayAssignmentRow } from '../../db/pay-repository.ts'

/**
 * Gives every position named in a built-in pay scheme (客服专员 → 客服工资制度, 店长 → 店长工资制度,
 * 新媒体运营 → T14 …) that scheme, unless the position already has one. Returns the positions assigned.
 */
export async function assignBuiltinPaySchemes(
  db: Db,
  companyId: number,
  extra: Readonly<Record<string, string>> = {},
): Promise<{ positionId: number; positionName: string; schemeCode: string }[]> {
  const positions = await listPositions(db, companyId)
  const out: { positionId: number; positionName: string; schemeCode: string }[] = []
  for (const position of positions) {
    const code = extra[position.name]
    const builtin = code
      ? builtinPaySchemes.find((b) => b.scheme.code === code)
      : builtinPaySchemes.find((b) => b.positions.includes(position.name))
    if (!builtin) continue
    if (await findPayAssignment(db, companyId, { positionId: position.id })) continue
    await savePayAssignmentRow(
      db,
      companyId,
      { positionId: position.id, employeeId: null, scheme: builtin.scheme, inputSources: {}, userId: null },
      undefined,
    )
    out.push({ positionId: position.id, positionName: position.name, schemeCode: builtin.scheme.code })
  }
  return out
}
