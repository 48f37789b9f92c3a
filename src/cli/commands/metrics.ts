import type { Command } from 'commander'
import { DomainError } from '../../core/errors.ts'
import { metricCatalogue } from '../../core/metrics/catalogue.ts'
import type { MetricGrouping } from '../../services/metrics/compute-metric.ts'
import { computeMetric } from '../../services/metrics/compute-metric.ts'
import { formatTable } from '../print-table.ts'
import type { OpenIngestDeps } from './import.ts'

// `jixiao metrics <metric> --by employee|team|shop --period 2011-11` and `jixiao metrics list`.
export function registerMetricsCommands(program: Command, openDeps: OpenIngestDeps): void {
  program
    .command('metrics <metric>')
    .description(
      'compute a catalogue metric per employee, team, shop or company (`metrics list` for the catalogue)',
    )
    .option('--by <grouping>', 'employee, team, shop or company', 'shop')
    .option('--period <period>', 'day 2011-11-05, week 2011-W45, month 2011-11, quarter 2011-Q4 or year 2011')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(
      async (metric: string, opts: { by: string; period?: string; company?: string; json?: boolean }) => {
        if (metric === 'list') {
          if (opts.json) return console.log(JSON.stringify(metricCatalogue, null, 2))
          return console.log(
            formatTable(
              ['metric', 'label', 'unit', 'formula'],
              metricCatalogue.map((m) => [m.key, m.label.zh, m.unit, m.formula.zh]),
            ),
          )
        }
        if (!opts.period)
          throw new DomainError('invalid_input', '--period is required, e.g. --period 2011-11', [
            { path: 'period', message: 'missing' },
          ])
        const deps = await openDeps({ company: opts.company })
        try {
          const result = await computeMetric(
            { db: deps.db },
            { companyId: deps.companyId, metric, by: opts.by as MetricGrouping, period: opts.period },
          )
          if (opts.json) return console.log(JSON.stringify(result, null, 2))
          console.log(
            `${result.label.zh} (${result.metric}), ${result.period.label}, by ${result.by}: ${result.formula.zh}`,
          )
          if (result.reason) return console.log(result.reason)
          console.log(
            formatTable(
              [result.by, 'value', 'numerator', 'denominator', 'imports', 'note'],
              result.values.map((v) => [
                v.label,
                v.value ?? '—',
                v.numerator ?? '',
                v.denominator ?? '',
                v.imports.join(','),
                v.reason ?? '',
              ]),
            ),
          )
        } finally {
          await deps.close()
        }
      },
    )
}
