import { BlockList, isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

// The client address the login throttle counts by. X-Forwarded-For is read only when the socket's peer is a
// configured trusted proxy (JIXIAO_TRUSTED_PROXIES); from anyone else it is forged as easily as sent.

/** Whether an address is one of the trusted proxies (IPs and CIDR ranges, IPv4 or IPv6). */
export type TrustedProxies = (address: string) => boolean

/** IPv4 addresses arrive on dual-stack sockets as ::ffff:a.b.c.d; compare them as plain IPv4. */
function normalise(address: string): string {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1]! : trimmed
}

/** Builds the trusted-proxy test from entries like `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
export function createTrustedProxies(entries: readonly string[]): TrustedProxies {
  if (entries.length === 0) return () => false
  const list = new BlockList()
  for (const entry of entries) {
    const [ip = '', bits] = entry.split('/')
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(normalise(ip), family)
    else list.addSubnet(normalise(ip), Number(bits), family)
  }
  return (address) => {
    const ip = normalise(address)
    const version = isIP(ip)
    return version !== 0 && list.check(ip, version === 6 ? 'ipv6' : 'ipv4')
  }
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then X-Forwarded-For is
 * read from the right, skipping trusted proxies, and the first other address is the client.
 */
export function clientAddress(c: Context, isTrusted: TrustedProxies = () => false): string {
  const peer = socketAddress(c)
  if (!isTrusted(peer)) return normalise(peer)
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map(normalise)
    .filter((a) => a !== '')
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!
    if (isIP(hop) === 0) return normalise(peer) // a malformed hop: stop trusting the chain here
    if (!isTrusted(hop)) return hop
  }
  return forwarded[0] ?? normalise(peer)
}
