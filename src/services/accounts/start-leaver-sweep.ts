import type { Db } from '../../db/database.ts'
import { type DisabledLeaver, disableLeavers } from '../auth/disable-leavers.ts'
import { createSilentLogger, type Logger } from '../telemetry/create-logger.ts'

/**
 * How often a running server looks for leavers whose leave date has come. Hourly rather than once a day, so the
 * login goes at the start of the leave date in every company's time zone, whenever the server was started.
 */
export const leaverSweepMs = 60 * 60 * 1000

function report(log: Logger, disabled: DisabledLeaver[]): void {
  for (const d of disabled)
    log.info({ username: d.username, leaveDate: d.leaveDate }, 'login disabled: the employee left (离职)')
}

/** Disables leavers' logins now (awaited, before the server answers anyone), then every hour; answers the stop function. */
export async function startLeaverSweep(deps: { db: Db; now: () => Date; log?: Logger }): Promise<() => void> {
  const log = deps.log ?? createSilentLogger()
  report(log, await disableLeavers(deps))
  const timer = setInterval(() => {
    disableLeavers(deps)
      .then((disabled) => report(log, disabled))
      .catch((error: unknown) => log.error({ err: error }, 'disabling leavers’ logins failed'))
  }, leaverSweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
