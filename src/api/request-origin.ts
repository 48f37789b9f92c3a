import type { Context } from 'hono'

/**
 * The origin the browser used to reach this server (scheme and host), for URLs given to identity providers.
 * Behind a reverse proxy the proxy must pass the Host header and X-Forwarded-Proto, as for the Secure cookie.
 */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url)
  const https = url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
  return `${https ? 'https' : 'http'}://${url.host}`
}
