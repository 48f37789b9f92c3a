import { type DestinationStream, type Logger, pino } from 'pino'

export type { Logger } from 'pino'

export type LogLevel = 'silent' | 'info' | 'debug'

/**
 * The server's structured log: one JSON object a line on stdout (or `destination`, which tests read), at the
 * level of JIXIAO_LOG; `silent` writes nothing. Times are ISO so a line reads without a converter.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'jixiao' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  }
  return destination ? pino(options, destination) : pino(options)
}

/** A logger that writes nothing, for apps built without one (most tests). */
export function createSilentLogger(): Logger {
  return createLogger('silent')
}
