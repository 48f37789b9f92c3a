// Test support: a browser's walk through a redirect chain that crosses Jixiao (served in-process by app.request)
// and real servers on local ports (identity providers), keeping each site's cookies as a browser does.

export type CookieJar = Map<string, string>

export type Hop = { url: string; status: number; location?: string; body?: string }

export const jixiaoOrigin = 'http://jixiao.test'

/** Stores the Set-Cookie headers of a response in the jar; an emptied or expired cookie is removed. */
export function keepCookies(jar: CookieJar, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';').map((s) => s.trim())
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=Thu, 01 Jan 1970/i.test(a))
    if (!value || expired) jar.delete(name)
    else jar.set(name, value)
  }
}

export function cookieHeader(jar: CookieJar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}

export type Browser = {
  /** Cookies per origin. */
  jars: Map<string, CookieJar>
  /**
   * Follows redirects from a URL until a page that is no redirect, one back into Jixiao's web app, or a URL
   * `stopAt` picks (not opened; its hop has status 0).
   */
  open(
    url: string,
    options?: { stopAt?: (url: URL) => boolean; form?: Record<string, string> },
  ): Promise<Hop[]>
  jar(origin: string): CookieJar
}

export function createBrowser(app: {
  request: (url: string, init?: RequestInit) => Response | Promise<Response>
}): Browser {
  const jars = new Map<string, CookieJar>()
  const jar = (origin: string) => {
    const found = jars.get(origin) ?? new Map<string, string>()
    jars.set(origin, found)
    return found
  }
  async function request(url: URL, init: RequestInit = {}): Promise<Response> {
    const cookies = jar(url.origin)
    const headers = new Headers(init.headers)
    if (cookies.size > 0) headers.set('cookie', cookieHeader(cookies))
    const response =
      url.origin === jixiaoOrigin
        ? await app.request(url.toString(), { ...init, headers })
        : await fetch(url, { ...init, headers, redirect: 'manual' })
    keepCookies(cookies, response)
    return response
  }
  return {
    jars,
    jar,
    async open(start, options = {}) {
      const hops: Hop[] = []
      let url = new URL(start, jixiaoOrigin)
      // A form is posted to the first URL, as a browser submits a page's <form method="post">.
      let init: RequestInit | undefined = options.form
        ? {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(options.form).toString(),
          }
        : undefined
      for (let i = 0; i < 20; i++) {
        if (options.stopAt?.(url)) {
          hops.push({ url: url.toString(), status: 0 })
          return hops
        }
        const response = await request(url, init)
        init = undefined
        const location = response.headers.get('location') ?? undefined
        const redirect = response.status >= 300 && response.status < 400 && location
        const hop: Hop = { url: url.toString(), status: response.status, location }
        hops.push(hop)
        if (!redirect) {
          hop.body = await response.text()
          return hops
        }
        await response.body?.cancel()
        const next = new URL(location, url)
        // Jixiao's own web pages (/, /login) are where the journey ends: the SPA is not under test here.
        if (next.origin === jixiaoOrigin && !next.pathname.startsWith('/api/')) {
          hops.push({ url: next.toString(), status: 200 })
          return hops
        }
        url = next
      }
      throw new Error(`too many redirects from ${start}`)
    },
  }
}

/** The action of the first <form> of a page, resolved against the page's URL. */
export function formAction(hop: Hop): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(hop.body ?? '')?.[1]
  if (!action) throw new Error(`no form on ${hop.url}: ${hop.body?.slice(0, 200)}`)
  return new URL(action.replaceAll('&amp;', '&'), hop.url).toString()
}

/** The last page a walk ended on, relative to Jixiao when it is Jixiao's. */
export function landing(hops: Hop[]): string {
  const last = new URL(hops.at(-1)!.url)
  return last.origin === jixiaoOrigin ? `${last.pathname}${last.search}` : last.toString()
}
