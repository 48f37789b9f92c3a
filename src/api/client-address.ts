import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The peer address of the socket (not X-Forwarded-For, which a client could forge to dodge the login limit). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
