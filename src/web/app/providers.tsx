import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntdApp, ConfigProvider } from 'antd'
import type { Locale } from 'antd/es/locale'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import zhTW from 'antd/locale/zh_TW'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/zh-tw'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, type Language } from '../i18n/i18n.ts'
import { createQueryClient } from './query-client.ts'

const antdLocales: Record<Language, Locale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS }
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' }

// System fonts first, then the CJK faces of each platform, so that Chinese never falls back to a bitmap font.
const fontFamilies: Record<Language, string> = {
  'zh-CN':
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  'zh-TW':
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'Helvetica Neue', Arial, sans-serif",
  en: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
}

// React Query, Ant Design (its locale and fonts follow the chosen language) and antd's App context for messages.
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  const { i18n } = useTranslation()
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN'

  useEffect(() => {
    dayjs.locale(dayjsLocales[language])
  }, [language])

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={antdLocales[language]}
        theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 6, fontFamily: fontFamilies[language] } }}
      >
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
