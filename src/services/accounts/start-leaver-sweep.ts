import type { Db } from '../../db/database.ts'
import { type DisabledLeaver, disableLeavers } from '../auth/disable-leavers.ts'

/**
 * How often a running server looks for leavers whose leave date has come. Hourly rather than once a day, so the
 * login goes at the start of the leave date in every company's time zone, whenever the server was started.
 */
export const leaverSweepMs = 60 * 60 * 1000

function report(disabled: DisabledLeaver[]): void {
  for (const d of disabled)
    console.log(`[jixiao] login ${d.username} disabled: the employee left on ${d.leaveDate} (离职)`)
}

/** Disables leavers' logins now (awaited, before the server answers anyone), then every hour; answers the stop function. */
export async function startLeaverSweep(deps: { db: Db; now: () => Date }): Promise<() => void> {
  report(await disableLeavers(deps))
  const timer = setInterval(() => {
    disableLeavers(deps)
      .then(report)
      .catch((error: unknown) => console.error('[jixiao] disabling leavers’ logins failed', error))
  }, leaverSweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
