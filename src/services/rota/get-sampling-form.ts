import { DomainError } from '../../core/errors.ts'
import { defaultSamplingForm, type SamplingForm } from '../../core/sampling/sampling-form.ts'
import { createTemplateRepository } from '../../db/template-repository.ts'
import type { RotaDeps } from './rota-deps.ts'

/** The built-in 客服专员 template whose indicators the weekly sample is scored on, unless another is named. */
export const defaultSamplingTemplateCode = 'seed-000-customer-service'

export type SamplingFormSource = SamplingForm & {
  template: { id: number; code: string; name: string; version: number } | null
}

/**
 * The scoring form for a sampled conversation (抽查评分表): one criterion per indicator of the template (key, name,
 * full points — for the 客服专员 template 问题解决率/服务质量/客户评价/投诉处理率, 25 each); the default form
 * (响应速度/专业准确/服务态度/问题解决) when no template is named and the built-in one is not installed.
 */
export async function getSamplingForm(
  deps: Pick<RotaDeps, 'db'>,
  companyId: number,
  templateId?: number,
): Promise<SamplingFormSource> {
  const repo = createTemplateRepository(deps.db)
  const row =
    templateId === undefined
      ? await repo.findByCode(companyId, defaultSamplingTemplateCode)
      : await repo.findById(companyId, templateId)
  if (!row) {
    if (templateId !== undefined)
      throw new DomainError('not_found', `模板 ${templateId} 不存在 / template ${templateId} not found`, [
        { path: 'templateId', message: 'not found' },
      ])
    return { ...defaultSamplingForm, template: null }
  }
  const version = await repo.findVersion(companyId, row.id, row.latest_version)
  const indicators = version?.definition.dimensions.flatMap((d) => d.indicators) ?? []
  if (indicators.length === 0)
    throw new DomainError(
      'invalid_state',
      `模板「${row.name}」没有指标 / template ${row.code} has no indicators`,
      [{ path: 'templateId', message: 'no indicators' }],
    )
  return {
    criteria: indicators.map((i) => ({ key: i.key, label: i.name, maxPoints: i.maxPoints })),
    template: { id: row.id, code: row.code, name: row.name, version: row.latest_version },
  }
}
