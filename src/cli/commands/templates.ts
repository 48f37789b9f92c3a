import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { roundScore } from '../../core/scoring/round-score.ts'
import type { Template } from '../../core/templates/template.ts'
import { checkTemplate } from '../../services/templates/check-template.ts'
import { getTemplate } from '../../services/templates/get-template.ts'
import { listTemplates } from '../../services/templates/list-templates.ts'
import { scoreValuesFile } from '../../services/templates/score-values-file.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao templates list|show` and `jixiao score`: the template library and batch scoring without a server.
export function registerTemplateCommands(program: Command, config: Config): void {
  const templates = program.command('templates').description('the KPI template library (考核模板)')

  templates
    .command('list')
    .description('list the company’s templates')
    .option('--archived', 'include archived templates')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { archived?: boolean; company?: string; json?: boolean }) => {
      const ctx = await openCliContext(config, opts.company)
      try {
        const items = await listTemplates(ctx, ctx.actor, Boolean(opts.archived))
        if (opts.json) return console.log(JSON.stringify(items, null, 2))
        console.log(
          formatTable(
            ['id', 'code', 'name', 'origin', 'version', 'status', 'positions'],
            items.map((t) => [
              t.id,
              t.code,
              t.name,
              t.origin,
              t.latestVersion,
              t.status,
              t.positions.join('、'),
            ]),
          ),
        )
      } finally {
        await ctx.close()
      }
    })

  templates
    .command('show <idOrCode>')
    .description('show one template: dimensions, indicators, rules, assessors, data sources')
    .option('--version <n>', 'a past version (default the latest)')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print the template definition as JSON')
    .action(async (idOrCode: string, opts: { version?: string; company?: string; json?: boolean }) => {
      const ctx = await openCliContext(config, opts.company)
      try {
        const key = /^\d+$/.test(idOrCode) ? Number(idOrCode) : idOrCode
        const detail = await getTemplate(ctx, ctx.actor, key, opts.version ? Number(opts.version) : undefined)
        if (opts.json) return console.log(JSON.stringify(detail, null, 2))
        const t = detail.definition
        console.log(
          `${t.name}  (${t.code}, version ${detail.version} of ${detail.latestVersion}, ${detail.status})`,
        )
        if (t.description) console.log(t.description)
        if (t.source) console.log(`source: ${t.source.seed}${t.source.table ? ` · ${t.source.table}` : ''}`)
        for (const note of t.source?.notes ?? []) console.log(`  note: ${note}`)
        const rows = t.dimensions.flatMap((d) =>
          d.indicators.map((i) => [
            `${d.name} (${d.maxPoints})`,
            i.key,
            i.name,
            i.maxPoints,
            i.rule.shape,
            i.assessor.department ?? i.assessor.rater,
            i.dataSource.kind === 'metric' ? `metric:${i.dataSource.metric}` : 'manual',
          ]),
        )
        console.log(
          formatTable(['dimension', 'key', 'indicator', 'max', 'rule', 'assessor', 'data source'], rows),
        )
        for (const a of t.adjustments) {
          console.log(
            `${a.kind === 'bonus' ? '加分项' : '扣分项'} ${a.key} ${a.name} (${a.rule.shape}${a.cap ? `, cap ${a.cap}` : ''})`,
          )
        }
      } finally {
        await ctx.close()
      }
    })

  program
    .command('score')
    .description('score a values file (CSV or XLSX) against a template and print the breakdown')
    .requiredOption(
      '--template <idOrCodeOrFile>',
      'template id or code in the database, or a template JSON file',
    )
    .requiredOption(
      '--values <file>',
      'values file: columns employee, indicator, [rater], actual, level, score, comment …',
    )
    .option('--company <id>', 'company id or name')
    .option('--json', 'print every score with explanations as JSON')
    .action(async (opts: { template: string; values: string; company?: string; json?: boolean }) => {
      const ctx = await openCliContext(config, opts.company)
      try {
        const template = await loadTemplate(opts.template, ctx)
        const results = await scoreValuesFile(ctx, {
          companyId: ctx.companyId,
          template,
          filePath: opts.values,
        })
        if (opts.json) return console.log(JSON.stringify({ template: template.code, results }, null, 2))
        for (const { employee, score } of results) {
          console.log(`\n${employee.name} (${employee.employeeNo}) — ${template.name}`)
          const rows = score.dimensions.flatMap((d) =>
            d.indicators.map((i) => [
              d.name,
              i.key,
              i.actual ?? '',
              i.points,
              i.maxPoints,
              i.explanation['zh-CN'],
            ]),
          )
          console.log(formatTable(['dimension', 'indicator', 'actual', 'points', 'max', 'how'], rows))
          for (const a of score.adjustments) console.log(`  ${a.key}: ${a.points}  ${a.explanation['zh-CN']}`)
          console.log(
            `  total ${roundScore(score.total)}  grade ${score.grade?.label['zh-CN'] ?? '-'}  coefficient ${score.coefficient}`,
          )
        }
      } finally {
        await ctx.close()
      }
    })
}

async function loadTemplate(
  ref: string,
  ctx: Parameters<typeof getTemplate>[0] & { actor: Parameters<typeof getTemplate>[1] },
): Promise<Template> {
  if (ref.endsWith('.json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(await readFile(ref, 'utf8'))
    } catch (error) {
      throw new CliError(`cannot read template file ${ref}: ${(error as Error).message}`)
    }
    return checkTemplate(parsed)
  }
  const key = /^\d+$/.test(ref) ? Number(ref) : ref
  return (await getTemplate(ctx, ctx.actor, key)).definition
}
