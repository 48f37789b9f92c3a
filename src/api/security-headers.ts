import type { secureHeaders } from 'hono/secure-headers'

/**
 * The security headers of every response. The web app's scripts are Vite-built files of this origin only (no inline
 * script, no eval); styles allow 'unsafe-inline' because Ant Design writes its CSS-in-JS into <style> tags and
 * components set style attributes; images allow data: (the favicon, antd's icons) and blob: (previews). No page may
 * be framed (clickjacking), no plugin runs, forms post only here, and no referrer leaves the site.
 */
export const securityHeaders = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  xContentTypeOptions: 'nosniff',
} satisfies Parameters<typeof secureHeaders>[0]
