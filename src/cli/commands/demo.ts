import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { demoExtensions } from '../../services/demo/demo-extensions.ts'
import { loadDemoCompany, removeDemoCompanies } from '../../services/demo/load-demo-company.ts'
import { openCliDatabase } from '../open-cli-database.ts'

// `jixiao demo`: load the demo company into an empty database; --reset recreates it.
export function registerDemoCommand(program: Command, config: Config): void {
  program
    .command('demo')
    .description('load the demo e-commerce company into an empty database')
    .option('--reset', 'remove a previous demo company (never a real one) and load it again')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { reset?: boolean; json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const removed = opts.reset ? await removeDemoCompanies(handle.db) : 0
        const result = await loadDemoCompany(handle.db, demoExtensions)
        if (opts.json) {
          console.log(
            JSON.stringify({ companyId: result.companyId, removed, accounts: result.accounts }, null, 2),
          )
        } else {
          if (removed) console.log(`removed the previous demo company`)
          console.log(`demo company loaded (id ${result.companyId}); accounts:`)
          for (const a of result.accounts)
            console.log(`  ${a.username.padEnd(10)} ${a.password}  ${a.role}  ${a.displayName}`)
        }
      } finally {
        await handle.close()
      }
    })
}
