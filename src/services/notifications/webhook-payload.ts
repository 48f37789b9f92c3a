import type { WebhookFlavour } from '../../db/workflow-tables.ts'

/**
 * The JSON a group robot accepts for a text message: DingTalk and WeCom take
 * { msgtype: 'text', text: { content } }, Feishu/Lark takes { msg_type: 'text', content: { text } }.
 */
export function webhookPayload(flavour: WebhookFlavour, message: { title: string; body: string }): unknown {
  const text = `【绩效】${message.title}\n${message.body}`
  switch (flavour) {
    case 'dingtalk':
    case 'wecom':
      return { msgtype: 'text', text: { content: text } }
    case 'feishu':
      return { msg_type: 'text', content: { text } }
  }
}
