import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

// The operator's knobs of issue 15 part 4 are read once here; a wrong value stops the start with one line
// naming the variable, never a pool of NaN connections or an open /metrics.
describe('loadConfig', () => {
  it('defaults the pool to 10 connections and /metrics to off', () => {
    const config = loadConfig({})
    expect(config.dbPoolSize).toBe(10)
    expect(config.metricsToken).toBeUndefined()
  })

  it('reads JIXIAO_DB_POOL_SIZE and JIXIAO_METRICS_TOKEN', () => {
    const config = loadConfig({ JIXIAO_DB_POOL_SIZE: '25', JIXIAO_METRICS_TOKEN: 'a-long-enough-token-1234' })
    expect(config.dbPoolSize).toBe(25)
    expect(config.metricsToken).toBe('a-long-enough-token-1234')
  })

  it.each([
    ['0', 'at least 1'],
    ['2.5', 'whole number'],
    ['ten', 'JIXIAO_DB_POOL_SIZE'],
    ['501', 'at most 500'],
  ])('refuses JIXIAO_DB_POOL_SIZE=%s', (value, message) => {
    expect(() => loadConfig({ JIXIAO_DB_POOL_SIZE: value })).toThrow(message)
  })

  it('refuses a metrics token too short to be a secret', () => {
    expect(() => loadConfig({ JIXIAO_METRICS_TOKEN: 'secret' })).toThrow(
      'Invalid environment variable JIXIAO_METRICS_TOKEN: expected a token of at least 16 characters',
    )
  })
})
