import type { IdentityProviderKind } from '../../db/database.ts'
import { dingtalkSignIn } from './dingtalk-sign-in.ts'
import type { SignInFlow } from './directory-identity.ts'
import { feishuSignIn } from './feishu-sign-in.ts'
import { oidcSignIn } from './oidc-sign-in.ts'
import { wecomSignIn } from './wecom-sign-in.ts'

/** The sign-in flow of each provider kind. */
export const signInFlows: Record<IdentityProviderKind, SignInFlow> = {
  oidc: oidcSignIn,
  dingtalk: dingtalkSignIn,
  feishu: feishuSignIn,
  wecom: wecomSignIn,
}
