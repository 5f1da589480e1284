import { afterEach, describe, expect, it } from 'vitest'
import type { OutboxOptions } from '../../../src/outbox/outbox.js'
import type { Transport } from '../../../src/outbox/outbox.js'
import { openSandbox, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

const OWNERS = '阳光花园业主群'
const PROPERTY = '物业服务群'
const CHAIR = '私聊 赵主任'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

/** Wraps the running outbox's way out (the test's stand-in for WeChat misbehaving). */
function wrapTransport (harness: Harness, wrap: (real: Transport) => Transport): () => void {
  const o = (harness.session.runtime.outbox as unknown as { o: OutboxOptions }).o
  const real = o.transport
  o.transport = wrap(real)
  return () => { o.transport = real }
}

describe('messages the outbox could not deliver', () => {
  it('tells the chair at once about a card WeChat refused, and /重发 sends it once when asked', async () => {
    h = await openSandbox()
    const restore = wrapTransport(h, real => ({
      ...real,
      async sendRoom (roomId, content, mention) {
        if (roomId === 'yangguang-property@chatroom') throw new Error(`room ${roomId} not found`)
        await real.sendRoom(roomId, content, mention)
      }
    }))
    await h.run(`:in ${OWNERS}`, ':as 张阿姨', '@小区助手 5号楼电梯坏了，困人了')
    await new Promise(resolve => setImmediate(resolve))
    await h.session.settle()
    expect(textsIn(h.sent, PROPERTY)).toEqual([])
    const told = textsIn(h.sent, CHAIR).filter(t => t.includes('【发送失败】'))
    expect(told).toHaveLength(1)
    const id = /· 物业服务群：「【紧急工单 #1】[^」]*」（编号(\d+)，群已不存在，或机器人已不在群里）——发送「\/重发 \1」重发/.exec(told[0] ?? '')?.[1]
    expect(id).toBeDefined()

    restore()
    const listed = await h.run(':as 赵主任', ':dm', '/重发')
    expect(textsIn(listed, CHAIR)[0]).toContain('· 物业服务群：「【紧急工单 #1】')
    const resent = await h.run(`/重发 ${id}`)
    expect(textsIn(resent, CHAIR)).toEqual([`已重新排队：编号${id}，将依次发出。`])
    expect(textsIn(resent, PROPERTY).join('\n')).toContain('【紧急工单 #1】')
    const twice = await h.run(`/重发 ${id}`, '/重发')
    expect(textsIn(twice, PROPERTY)).toEqual([])
    expect(textsIn(twice, CHAIR)).toEqual([`没有编号为 ${id} 的未送达消息。发送「/重发」查看。`, '目前没有未能确认送达的消息。'])
  })

  it('keeps replies through a gateway outage and sends each once when it is back', async () => {
    h = await openSandbox()
    let down = true
    wrapTransport(h, real => ({
      ...real,
      async sendRoom (roomId, content, mention) {
        if (down) throw Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })
        await real.sendRoom(roomId, content, mention)
      }
    }))
    const during = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '/帮助', ':as 李先生', '/帮助')
    expect(during).toEqual([])
    down = false
    h.session.runtime.outbox.resume() // what the runtime does on the next login
    await h.session.settle()
    expect(textsIn(h.sent, OWNERS).map(t => t.split(' ')[0])).toEqual(['@张阿姨', '@李先生'])
    expect(h.session.runtime.outbox.undelivered()).toEqual([])
  })

  it('is only for the chair and committee members', async () => {
    h = await openSandbox()
    const out = await h.run(`:in ${OWNERS}`, ':as 张阿姨', '/重发')
    expect(out.map(m => m.text).join('\n')).not.toContain('目前没有未能确认送达的消息')
  })
})
