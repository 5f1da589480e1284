import { afterEach, describe, expect, it } from 'vitest'
import type { FeatureFactory } from '../../src/app/types.js'
import { allFeatures } from '../../src/features/index.js'
import { type Harness, openSandbox, textsIn } from '../helpers/sandbox-harness.js'

const GROUP = '阳光花园业主群'
let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('message intake', () => {
  it('answers an @-mention in the group, mentioning the asker', async () => {
    h = await openSandbox()
    const out = await h.run(':as 张阿姨', '@小区助手 你好')
    expect(out).toHaveLength(1)
    expect(out[0]!.chat).toBe(GROUP)
    expect(out[0]!.text).toMatch(/^@张阿姨 .*小区助手/)
  })

  it('stays silent on group chatter that is not for the bot', async () => {
    h = await openSandbox()
    expect(await h.run(':as 李先生', '今天天气不错')).toEqual([])
  })

  it('acts on a command prefix or trigger word without a mention, and always in private', async () => {
    h = await openSandbox()
    expect(await h.run('/帮助')).toHaveLength(1)
    expect(await h.run('#帮助')).toHaveLength(1)
    expect(textsIn(await h.run(':dm', '你好'), '私聊 张阿姨')).toHaveLength(1)
  })

  it('understands Traditional and full-width input', async () => {
    h = await openSandbox()
    const [reply] = await h.run('／幫助')
    expect(reply!.text).toContain('/余额 查看最新公示')
  })

  it('answers a redelivered message id once, also after a restart', async () => {
    h = await openSandbox()
    const world = (h.session as any).world
    const { id } = world.say('wxid_zhang_ayi', {}, '你好')
    await h.session.runtime.handled(id)
    await h.session.settle()
    expect(h.sent).toHaveLength(1)
    const dataDir = h.dataDir
    await h.close()
    h = await openSandbox({ dataDir })
    const puppet = h.session.runtime.mocker!.puppet
    // The new mocker does not know the old payload: recreate it with the same id.
    h.session.runtime.mocker!.MessageMock.create({ id, talkerId: 'wxid_zhang_ayi', listenerId: 'wxid_xiaoqu_bot', text: '你好', type: 7, timestamp: h.session.clock.now().getTime() } as any)
    puppet.emit('message', { messageId: id })
    puppet.emit('message', { messageId: id })
    await h.session.runtime.handled(id)
    await h.session.settle()
    expect(h.sent).toEqual([])
  })

  it('drops messages sent before the bot started', async () => {
    h = await openSandbox()
    const mocker = h.session.runtime.mocker!
    const old = h.session.clock.now().getTime() - 60_000
    mocker.MessageMock.create({ id: 'old-1', talkerId: 'wxid_li_xiansheng', listenerId: 'wxid_xiaoqu_bot', text: '你好', type: 7, timestamp: old } as any)
    mocker.puppet.emit('message', { messageId: 'old-1' })
    await h.session.runtime.handled('old-1')
    await h.session.settle()
    expect(h.sent).toEqual([])
  })

  it('replies to a non-text message in private and ignores it in groups', async () => {
    h = await openSandbox()
    const world = (h.session as any).world
    const sticker = h.session.runtime.mocker!
    sticker.MessageMock.create({ id: 'emoticon-1', talkerId: 'wxid_li_xiansheng', listenerId: 'wxid_xiaoqu_bot', type: 5, timestamp: h.session.clock.now().getTime() } as any)
    sticker.puppet.emit('message', { messageId: 'emoticon-1' })
    await h.session.runtime.handled('emoticon-1')
    await h.session.settle()
    expect(textsIn(h.sent, '私聊 李先生')[0]).toContain('只能读懂文字')
    const before = h.sent.length
    const { id } = world.say('wxid_li_xiansheng', { roomId: 'yangguang-owners@chatroom' }, { name: 'a.png', base64: 'iVBORw0KGgo=' })
    await h.session.runtime.handled(id)
    await h.session.settle()
    expect(h.sent.length).toBe(before)
  })

  it('cuts text over 2,000 characters and says so', async () => {
    const seen: string[] = []
    const probe: FeatureFactory = () => ({ name: 'probe', async handle (ctx) { seen.push(ctx.text); await ctx.reply('收到'); return true } })
    h = await openSandbox({ features: [probe] })
    const [reply] = await h.run(':dm', '很'.repeat(2500))
    expect(seen[0]).toHaveLength(2000)
    expect(reply!.text).toContain('超过 2000 字')
    expect(reply!.text).toContain('收到')
  })

  it('survives a failing handler: logs it, apologises, and keeps serving', async () => {
    let calls = 0
    const broken: FeatureFactory = () => ({ name: 'broken', async handle () { if (calls++ === 0) throw new Error('boom'); return false } })
    h = await openSandbox({ features: [broken, ...allFeatures()] })
    const [apology] = await h.run(':dm', '你好')
    expect(apology!.text).toContain('抱歉')
    const [next] = await h.run('你好')
    expect(next!.text).toContain('小区助手')
  })
})

describe('a mention written as text', () => {
  it('counts `@小区助手` with an empty mention list as a mention, but not when the list names someone else', async () => {
    h = await openSandbox()
    const world = (h.session as any).world
    const room = { roomId: 'yangguang-owners@chatroom' }
    const plain = world.say('wxid_zhang_ayi', room, '@小区助手 维修资金怎么申请?', [])
    await h.session.runtime.handled(plain.id)
    await h.session.settle()
    expect(textsIn(h.sent, '阳光花园业主群').join('\n')).toContain('依据')
    const before = h.sent.length
    const other = world.say('wxid_zhang_ayi', room, '@小区助手 维修资金怎么申请?', ['wxid_li_xiansheng'])
    await h.session.runtime.handled(other.id)
    await h.session.settle()
    expect(h.sent.length).toBe(before)
  })
})
