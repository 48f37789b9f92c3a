import { describe, expect, it } from 'vitest'
import { normaliseAllowedHost, webhookAddressProblem } from './check-webhook-address.ts'

// The robot may only be pointed at the platforms' documented https hosts, or at hosts the admin allow-listed;
// each row is an address an attacker would try (issue 12, part 10: SSRF through the group robot).
describe('webhookAddressProblem', () => {
  const refused: [string, string, 'dingtalk' | 'feishu' | 'wecom'][] = [
    ['internal http', 'http://127.0.0.1:8080/robot', 'dingtalk'],
    ['metadata service', 'http://169.254.169.254/latest/meta-data', 'feishu'],
    ['private network over https', 'https://10.0.0.5/hook', 'wecom'],
    ['documented host over http', 'http://oapi.dingtalk.com/robot/send?access_token=x', 'dingtalk'],
    ['documented host on another port', 'https://oapi.dingtalk.com:8443/robot/send', 'dingtalk'],
    ['look-alike suffix', 'https://oapi.dingtalk.com.evil.example/robot/send', 'dingtalk'],
    ['look-alike prefix', 'https://evil-oapi.dingtalk.com/robot/send', 'dingtalk'],
    ['user info before the host', 'https://oapi.dingtalk.com@127.0.0.1/robot/send', 'dingtalk'],
    ['credentials', 'https://u:p@oapi.dingtalk.com/robot/send', 'dingtalk'],
    ['another platform’s host', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', 'feishu'],
    ['hex-written loopback', 'http://0x7f.1/robot', 'dingtalk'],
    ['IPv6 loopback', 'http://[::1]:3000/robot', 'dingtalk'],
    ['file scheme', 'file:///etc/passwd', 'dingtalk'],
  ]
  it.each(refused)('refuses %s', (_, address, flavour) => {
    expect(webhookAddressProblem(address, [], flavour)).toBeDefined()
  })

  it.each([
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abc'],
    ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/abc'],
    ['feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/abc'],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc'],
    ['wecom', 'https://QYAPI.weixin.qq.com:443/cgi-bin/webhook/send?key=abc'],
  ] as const)('accepts the documented %s address %s', (flavour, address) => {
    expect(webhookAddressProblem(address, [], flavour)).toBeUndefined()
  })

  it('accepts an allow-listed host over http or https, on any port unless the entry names one', () => {
    expect(webhookAddressProblem('http://robot.corp.example/hook', ['robot.corp.example'], 'dingtalk')).toBe(
      undefined,
    )
    expect(webhookAddressProblem('https://robot.corp.example:8443/h', ['Robot.Corp.Example'])).toBeUndefined()
    expect(webhookAddressProblem('http://127.0.0.1:4000/h', ['127.0.0.1:4000'])).toBeUndefined()
    expect(webhookAddressProblem('http://127.0.0.1:4001/h', ['127.0.0.1:4000'])).toBeDefined()
    expect(webhookAddressProblem('http://[::1]:4000/h', ['[::1]:4000'])).toBeUndefined()
    // the worker, which knows no flavour, accepts any platform's documented host
    expect(webhookAddressProblem('https://open.feishu.cn/open-apis/bot/v2/hook/x', [])).toBeUndefined()
  })

  it('normalises allow-list entries and refuses anything that is not a host', () => {
    expect(normaliseAllowedHost(' Robot.Example:8080 ')).toBe('robot.example:8080')
    expect(normaliseAllowedHost('[::1]')).toBe('[::1]')
    for (const bad of ['http://x.example', 'x.example/path', 'a b', 'x.example:99999', '', 'user@x.example'])
      expect(normaliseAllowedHost(bad)).toBeUndefined()
  })
})
