// Where the group robot may send (issue 12, part 10: the webhook must not reach internal addresses).

export type RobotFlavour = 'dingtalk' | 'feishu' | 'wecom'

/** The robot webhook hosts documented by each platform; only https to these is accepted without the allow-list. */
export const robotHosts = {
  dingtalk: ['oapi.dingtalk.com'], // 钉钉自定义机器人
  feishu: ['open.feishu.cn', 'open.larksuite.com'], // 飞书 / Lark 自定义机器人
  wecom: ['qyapi.weixin.qq.com'], // 企业微信群机器人
} as const satisfies Record<RobotFlavour, readonly string[]>

const allRobotHosts: readonly string[] = Object.values(robotHosts).flat()

/** An allow-list entry: a host name or IP address, optionally with a port ("robot.corp.example:8080"). */
export const allowedHostPattern =
  /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/

/** An allow-list entry in the form URLs compare with: lower case, IP addresses as the URL parser writes them. */
export function normaliseAllowedHost(entry: string): string | undefined {
  const lower = entry.trim().toLowerCase()
  if (!allowedHostPattern.test(lower)) return undefined
  const portMatch = /:(\d{1,5})$/.exec(lower)
  const port = portMatch && !lower.endsWith(']') ? portMatch[1]! : undefined
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined
  const host = port === undefined ? lower : lower.slice(0, -(port.length + 1))
  try {
    const hostname = new URL(`http://${host}/`).hostname
    return port === undefined ? hostname : `${hostname}:${Number(port)}`
  } catch {
    return undefined
  }
}

/**
 * Why the robot may not be sent to `address`, or undefined when it may: https to a host its platform documents
 * (on the default port), or any http(s) address whose host (or host:port) the admin put on the allow-list.
 * Without a flavour (the outbox worker) any of the three platforms' hosts will do.
 */
export function webhookAddressProblem(
  address: string,
  allowedHosts: readonly string[],
  flavour?: RobotFlavour,
): string | undefined {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return '不是有效的地址'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '只接受 http(s) 地址'
  if (url.username || url.password) return '地址中不能包含用户名或密码'
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  const allowed = allowedHosts.map(normaliseAllowedHost)
  if (allowed.includes(url.hostname) || allowed.includes(`${url.hostname}:${port}`)) return undefined
  const documented = flavour ? robotHosts[flavour] : allRobotHosts
  if (documented.includes(url.hostname) && url.protocol === 'https:' && url.port === '') return undefined
  return `只接受${flavour ? '该平台' : '钉钉、飞书/Lark、企业微信'}机器人的 https 地址（${documented.join('、')}）；其他主机须由管理员先加入“允许的主机”`
}
