/**
 * The address `jixiao serve` listens on: HOST when set; else 127.0.0.1 while the database holds the demo
 * company (whose passwords are public, so it must not be reachable from the network by default), else
 * every address (0.0.0.0) for a real company.
 */
export function chooseListenHost(configuredHost: string | undefined, holdsDemo: boolean): string {
  if (configuredHost !== undefined) return configuredHost
  return holdsDemo ? '127.0.0.1' : '0.0.0.0'
}
