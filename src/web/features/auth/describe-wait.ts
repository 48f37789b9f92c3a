import type { TFunction } from 'i18next'

/** "Too many attempts, try again in N s / N min" for a throttled login or password check (Retry-After). */
export function describeWait(t: TFunction, seconds: number): string {
  return seconds < 60
    ? t('loginThrottle.wait', { seconds })
    : t('loginThrottle.waitMinutes', { minutes: Math.ceil(seconds / 60) })
}
