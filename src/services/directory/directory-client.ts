import type { DirectoryKind, DirectorySnapshot } from '../../core/directory/directory-snapshot.ts'
import type { ProviderHttp } from './call-provider.ts'
import { createDingtalkDirectory } from './dingtalk-directory.ts'
import { createFeishuDirectory } from './feishu-directory.ts'
import { createWecomDirectory } from './wecom-directory.ts'

/** Reads a provider's whole directory, mapped to Jixiao's fields. */
export type DirectoryClient = { fetchDirectory(): Promise<DirectorySnapshot> }

/** The app's credentials as stored in identity_providers (client_id / client_secret / corp_id). */
export type DirectoryCredentials = { clientId: string; clientSecret: string; corpId: string | null }

/** The client of one provider: DingTalk appkey/appsecret, Feishu app_id/app_secret, WeCom corpid/corpsecret. */
export function createDirectoryClient(
  kind: DirectoryKind,
  credentials: DirectoryCredentials,
  http: ProviderHttp,
  baseUrl?: string,
): DirectoryClient {
  switch (kind) {
    case 'dingtalk':
      return createDingtalkDirectory(
        { appKey: credentials.clientId, appSecret: credentials.clientSecret },
        http,
        baseUrl,
      )
    case 'feishu':
      return createFeishuDirectory(
        { appId: credentials.clientId, appSecret: credentials.clientSecret },
        http,
        baseUrl,
      )
    case 'wecom':
      // WeCom identifies the company by corpid; the secret is the app's (or the contacts-sync) Secret.
      return createWecomDirectory(
        { corpId: credentials.corpId ?? credentials.clientId, corpSecret: credentials.clientSecret },
        http,
        baseUrl,
      )
  }
}
