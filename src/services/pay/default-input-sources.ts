import type { PayInputSource } from '../../contracts/pay.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import { payFormulaVariables } from '../../core/pay/validate-pay-scheme.ts'

// Where a pay scheme's named inputs come from unless the assignment says otherwise: the seed schemes' inputs
// map to imported shop data (客服 sales → the agent's cs_sales, 店长 team_sales → the shop's gmv, revised
// reviews by rating); anything else is entered by hand (PUT /api/cycles/{id}/pay-inputs).

export const defaultInputSources: Readonly<Record<string, PayInputSource>> = {
  sales: { kind: 'metric', metric: 'cs_sales', by: 'employee' },
  team_sales: { kind: 'metric', metric: 'gmv', by: 'company' },
  neutral_reviews_revised: { kind: 'revised_reviews', rating: 'neutral' },
  negative_reviews_revised: { kind: 'revised_reviews', rating: 'negative' },
}

/** The named inputs a scheme reads (rate × input, per unit, formula variables, a completion rate). */
export function schemeInputNames(scheme: PayScheme): string[] {
  const names = new Set<string>()
  for (const line of scheme.lines) {
    if (line.kind === 'rate_times_input' || line.kind === 'per_unit') names.add(line.input)
    if (line.kind === 'formula')
      for (const v of line.variables)
        if (!(payFormulaVariables as readonly string[]).includes(v)) names.add(v)
  }
  if (scheme.taskCompletion?.kind === 'completion_rate') names.add(scheme.taskCompletion.input)
  return [...names]
}

/** The source of one input: the assignment's own, else the default, else entered by hand. */
export function sourceOf(name: string, own: Readonly<Record<string, PayInputSource>>): PayInputSource {
  return own[name] ?? defaultInputSources[name] ?? { kind: 'entered' }
}
