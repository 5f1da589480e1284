import { describe, expect, it } from 'vitest'
import { freePort, Gateway, OWNERS, sleep, startBot, stopAfterEach, texts, until } from './gateway-harness.js'

// The bot against a real puppet-service gateway (PuppetServer + PuppetMock) on 127.0.0.1
// over gRPC without TLS. Library timers are shortened (see FAST in gateway-harness.ts):
// Wechaty's 60 s watchdog to 5 s, the retry cap to 2 s, pings every second.

const started = stopAfterEach()

describe('the bot on a real gateway', () => {
  it('answers a question, files a complaint with its card, answers privately and bootstraps the chair; a quiet gateway does not make it flap', async () => {
    started.gateway = new Gateway(await freePort())
    await started.gateway.start()
    started.bot = await startBot(started.gateway.endpoint, { bootstrapCode: '424242' })
    await started.bot.runtime.ready
    started.bot.runtime.app.roles.revoke('wxid_zhao_zhuren', 'chair')
    const g = started.gateway

    g.say('wxid_zhang_ayi', '@小区助手 维修资金怎么申请?', OWNERS)
    await until('the answer', () => texts(g.sent, '阳光花园业主群').some(t => t.includes('依据')))

    g.say('wxid_li_xiansheng', '@小区助手 5号楼电梯坏了三天了没人修', OWNERS)
    // The card is queued before the owner's "已登记 #1" (a crash between them must not drop the card).
    await until('the card in the property group', () => texts(g.sent, '物业服务群').length > 0)
    await until('the owner told the number', () => texts(g.sent, '阳光花园业主群').some(t => t.includes('#1')))
    expect(texts(g.sent, '物业服务群')[0]).toContain('#1')

    g.say('wxid_zhang_ayi', '/帮助')
    await until('the private answer', () => texts(g.sent, '私聊 张阿姨').length > 0)

    g.say('wxid_zhao_zhuren', '/认证 424242')
    await until('the bootstrap', () => texts(g.sent, '私聊 赵主任').some(t => t.includes('认证成功')))
    expect(started.bot.runtime.app.roles.has('wxid_zhao_zhuren', 'chair')).toBe(true)

    // PuppetMock sends no heartbeats: idle for more than twice the (shortened) watchdog.
    const idleFrom = started.bot.logs.length
    await sleep(11_000)
    g.say('wxid_zhang_ayi', '/帮助')
    await until('still answering', () => texts(g.sent, '私聊 张阿姨').length > 1)
    expect(started.bot.logs.slice(idleFrom).filter(l => /logged out|重连|网关/.test(l))).toEqual([])
  })
})

describe('a gateway started after the bot', () => {
  it('connects once it is up, saying meanwhile why it cannot', async () => {
    started.gateway = new Gateway(await freePort())
    started.bot = await startBot(started.gateway.endpoint)
    await until('a warning', () => started.bot!.logs.some(l => l.includes('WARN 连接微信网关失败：连不上网关')))
    await sleep(3000)
    await started.gateway.start()
    await started.bot.runtime.ready
    const g = started.gateway
    g.say('wxid_zhang_ayi', '/帮助')
    await until('the answer', () => texts(g.sent, '私聊 张阿姨').length > 0)
  })
})
