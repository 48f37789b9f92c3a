import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

// The session cookie: httpOnly (scripts cannot read it), SameSite=Lax, Secure when served over https.
export const sessionCookieName = 'jixiao_session'

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName)
}

export function writeSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: expiresAt,
  })
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) })
}
