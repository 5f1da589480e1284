import { describe, expect, it } from 'vitest'
import { createTransport } from '../../src/bot/wechaty-transport.js'
import { isTransportError } from '../../src/outbox/send-error.js'

describe('the Wechaty transport', () => {
  it('fails as the connection, never as the message, while logged out or when the gateway cuts a call', async () => {
    const bot = { isLoggedIn: false, Room: { find: async () => undefined }, Contact: { find: async () => undefined } }
    const transport = createTransport(bot as any)
    // A stopped puppet finds no room: that must not drop the message as "room not found".
    const offline = await transport.sendRoom('r@chatroom', '你好', []).catch(e => e)
    expect(isTransportError(offline)).toBe(true)
    bot.isLoggedIn = true
    bot.Contact.find = async () => { throw Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 }) }
    const cut = await transport.sendContact('wxid_a', '你好').catch(e => e)
    expect(isTransportError(cut)).toBe(true)
    bot.Contact.find = async () => undefined
    const gone = await transport.sendContact('wxid_a', '你好').catch(e => e)
    expect(isTransportError(gone)).toBe(false)
  })
})
