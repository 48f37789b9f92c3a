import { DomainError } from '../../core/errors.ts'
import { defaultTimeZone, isValidTimeZone } from '../../core/rota/zoned-time.ts'
import type { RotaRepository } from '../../db/rota-repository.ts'

/** The company's time zone (default Asia/Shanghai); refuses an unknown company or a zone the runtime lacks. */
export async function companyTimeZone(repo: RotaRepository, companyId: number): Promise<string> {
  const zone = await repo.companyTimeZone(companyId)
  if (zone === undefined)
    throw new DomainError('not_found', `公司 ${companyId} 不存在 / company ${companyId} not found`, [
      { path: 'companyId', message: 'not found' },
    ])
  const effective = zone || defaultTimeZone
  if (!isValidTimeZone(effective))
    throw new DomainError(
      'invalid_state',
      `公司时区 ${effective} 无效 / the company time zone ${effective} is unknown`,
      [{ path: 'timeZone', message: 'unknown IANA time zone' }],
    )
  return effective
}
