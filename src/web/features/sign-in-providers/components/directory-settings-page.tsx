import { Flex, Result, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { IdentityProviderKind } from '../../../../contracts/identity-providers.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { DirectorySyncPanel } from '../../directory-sync/components/directory-sync-panel.tsx'
import { useIdentityProviders } from '../api/identity-providers-api.ts'
import { ProviderCard } from './provider-card.tsx'

// 登录与通讯录 (admin): one card per provider — DingTalk, Feishu, WeCom, OpenID Connect — for signing in with
// the company's directory; the directory sync panel sits below.
export function DirectorySettingsPage() {
  const { t } = useTranslation()
  const providers = useIdentityProviders()
  if (providers.isError)
    return (
      <Result
        status="error"
        title={t('signInProviders.loadFailed')}
        subTitle={describeError(t, providers.error)}
      />
    )
  const order = ['dingtalk', 'feishu', 'wecom', 'oidc'] as const satisfies readonly IdentityProviderKind[]
  return (
    <>
      <PageHeader title={t('signInProviders.title')} subtitle={t('signInProviders.subtitle')} />
      {providers.isPending ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('signInProviders.signInSection')}
          </Typography.Title>
          {order.map((kind) => (
            <ProviderCard
              key={kind}
              kind={kind}
              provider={providers.data.items.find((p) => p.kind === kind)}
            />
          ))}
          <DirectorySyncPanel providers={providers.data.items} />
        </Flex>
      )}
    </>
  )
}
