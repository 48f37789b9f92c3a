import { describe, expect, it } from 'vitest'
import { createTrustedProxies } from './client-address.ts'

describe('createTrustedProxies', () => {
  const isTrusted = createTrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1'])

  it.each([
    ['127.0.0.1', true],
    ['::ffff:127.0.0.1', true], // IPv4 on a dual-stack socket
    ['10.200.3.4', true],
    ['11.0.0.1', false],
    ['fd12:3456::1', true],
    ['::1', true],
    ['2001:db8::1', false],
    ['unknown', false], // no socket (tests, odd transports): never trusted
    ['', false],
  ])('%s trusted: %s', (address, expected) => {
    expect(isTrusted(address)).toBe(expected)
  })

  it('trusts nobody when no proxy is configured (the default)', () => {
    expect(createTrustedProxies([])('127.0.0.1')).toBe(false)
  })
})
