import { describe, expect, it } from 'vitest'
import { chooseListenHost } from './choose-listen-host.ts'

describe('chooseListenHost', () => {
  it.each([
    [undefined, true, '127.0.0.1'],
    [undefined, false, '0.0.0.0'],
    ['0.0.0.0', true, '0.0.0.0'],
    ['192.168.1.5', false, '192.168.1.5'],
  ] as const)('HOST=%s with demo=%s listens on %s', (host, demo, expected) => {
    // The demo's passwords are public: only an explicit HOST opens it to the network.
    expect(chooseListenHost(host, demo)).toBe(expected)
  })
})
