import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { startServer } from '../../api/start-server.ts'
import type { Config } from '../../config.ts'
import { countCompanies, holdsDemoCompany } from '../../db/company-repository.ts'
import { readPoolUse } from '../../db/open-database.ts'
import { startLeaverSweep } from '../../services/accounts/start-leaver-sweep.ts'
import { startDueSheetSweep } from '../../services/cycles/start-due-sheet-sweep.ts'
import { loadDemoIfEmpty } from '../../services/demo/load-demo-if-empty.ts'
import { defaultProviderHttp } from '../../services/directory/call-provider.ts'
import { startDailyDirectorySync } from '../../services/directory/start-daily-directory-sync.ts'
import { directoryBaseUrls } from '../../services/directory/sync-directory.ts'
import { handBackOwnJobs } from '../../services/jobs/fail-orphaned-jobs.ts'
import { startOrphanedJobSweep } from '../../services/jobs/start-orphaned-job-sweep.ts'
import { startNotificationWorker } from '../../services/notifications/start-notification-worker.ts'
import { createLogger } from '../../services/telemetry/create-logger.ts'
import { createTelemetry } from '../../services/telemetry/create-telemetry.ts'
import { chooseListenHost } from '../choose-listen-host.ts'
import { openCliDatabase } from '../open-cli-database.ts'

/** How long a stop waits for requests in flight before it cuts them (a proxy's usual drain time). */
export const shutdownGraceMs = 30_000

// `jixiao serve`: migrate, load the demo into an empty database, serve the API and the built web app.
export function registerServeCommand(program: Command, config: Config): void {
  program
    .command('serve')
    .description(
      'start the web app and API (migrates the database and loads the demo company on first start)',
    )
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--no-demo', 'do not load the demo company into an empty database')
    .action(async (opts: { port?: string; demo: boolean }) => {
      const port = opts.port ? Number(opts.port) : config.port
      // PGlite on its own thread: a long statement (a large import's checks, a cycle's compute) never holds the
      // event loop, so every other request is answered meanwhile (issue 12.2).
      const handle = await openCliDatabase(config, { thread: true })
      // JSON lines on stdout (JIXIAO_LOG); the banner below stays plain text for the person who started it.
      const log = createLogger(config.log)
      const telemetry = createTelemetry({
        db: handle.db,
        readPoolUse: () => readPoolUse(handle),
        processMetrics: true,
      })
      let stopping = false
      // Jobs a killed process left running are marked failed (with what they got done); then every few minutes.
      const stopJobSweep = await startOrphanedJobSweep({ db: handle.db, now: () => new Date(), log })
      // Leavers lose their login on their leave date (company time zone): now, then every hour.
      const stopLeaverSweep = await startLeaverSweep({ db: handle.db, now: () => new Date(), log })
      const demo = opts.demo ? await loadDemoIfEmpty(handle.db) : undefined
      // Sheets whose appeal window passed are finalised (a read only shows them final): now, then every hour.
      const stopDueSheetSweep = startDueSheetSweep({ db: handle.db, now: () => new Date(), log })
      const webRoot = resolve('dist/web')
      const hasWeb = existsSync(resolve(webRoot, 'index.html'))
      const holdsDemo = await holdsDemoCompany(handle.db)
      const host = chooseListenHost(config.host, holdsDemo)
      const server = await startServer({
        db: handle.db,
        engine: handle.engine,
        port,
        host,
        webRoot: hasWeb ? webRoot : undefined,
        uploadDir: config.uploadDir,
        trustedProxies: config.trustedProxies,
        providerEndpoints: config.providerEndpoints,
        log,
        telemetry,
        metricsToken: config.metricsToken,
        isShuttingDown: () => stopping,
      })
      // Notifications (in-app and webhook robots) leave from the outbox in the background, never inside a request.
      const stopWorker = startNotificationWorker({ db: handle.db })
      // Directory syncs marked 每日同步 run once a company day, after their first (previewed) apply.
      const stopDirectorySync = startDailyDirectorySync({
        db: handle.db,
        now: () => new Date(),
        http: defaultProviderHttp,
        baseUrls: directoryBaseUrls(config.providerEndpoints),
        log,
      })
      const shownUrl = server.url.replace('0.0.0.0', 'localhost')
      log.info(
        {
          url: shownUrl,
          engine: handle.engine,
          poolSize: readPoolUse(handle).max,
          metrics: !!config.metricsToken,
        },
        'listening',
      )
      console.log(`Jixiao 绩效 is running at ${shownUrl}`)
      console.log(`database: ${handle.engine} (${handle.location})`)
      if (!hasWeb) console.log('note: the web app is not built; run `npm run build` (or use `npm start`)')
      if (demo) {
        console.log('demo company loaded; accounts (password for all):')
        for (const a of demo.accounts)
          console.log(`  ${a.username.padEnd(10)} ${a.password}  ${a.role}  ${a.displayName}`)
      }
      if (holdsDemo) {
        console.log('注意：这是演示公司，所有演示账号的密码都是公开的，请勿录入真实数据。')
        console.log(
          'Warning: this is the demo company. Every demo password is public; do not enter real data.',
        )
        if (config.host === undefined)
          console.log('listening on 127.0.0.1 only (demo); set HOST=0.0.0.0 to open it to the network')
      } else if ((await countCompanies(handle.db)) === 0) {
        console.log(`no company yet: open ${shownUrl}/setup, or run \`jixiao company create\``)
      }
      // A graceful stop: no new connections, requests in flight answered (at most shutdownGraceMs), the
      // background work stopped, this process's unfinished jobs handed back (failed with what they got done,
      // as after a crash, so nobody waits on them), then the database closed.
      const stop = async (signal: NodeJS.Signals) => {
        if (stopping) {
          // A second signal (Ctrl-C twice): the operator does not want to wait.
          log.warn({ signal }, 'stopping at once: requests in flight are cut')
          process.exit(1)
        }
        stopping = true
        log.info({ signal, graceSeconds: shutdownGraceMs / 1000 }, 'stopping: finishing requests in flight')
        try {
          await server.close({ graceMs: shutdownGraceMs })
          stopJobSweep()
          stopLeaverSweep()
          stopDueSheetSweep()
          stopDirectorySync()
          await stopWorker()
          const handedBack = await handBackOwnJobs({ db: handle.db, now: () => new Date() })
          if (handedBack.length > 0)
            log.warn({ jobs: handedBack }, 'unfinished jobs handed back as interrupted')
          // A statement of a job still running could hold the close; the exit does not wait for it for ever.
          const closeCap = new Promise<void>((done) => setTimeout(done, 5000).unref())
          await Promise.race([handle.close(), closeCap])
          log.info('stopped')
          process.exit(0)
        } catch (error) {
          log.error({ err: error }, 'stopping failed')
          process.exit(1)
        }
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
}
