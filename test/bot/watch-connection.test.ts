import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GatewayLink } from '../../src/bot/gateway-link.js'
import { watchConnection } from '../../src/bot/watch-connection.js'
import { createLogger } from '../../src/log/logger.js'

/** Just enough of a Wechaty and its puppet: events, login state, a start that may fail. */
function fakeBot () {
  const puppet = Object.assign(new EventEmitter(), {
    active: false,
    failWith: undefined as string | undefined,
    starts: 0,
    stops: 0,
    state: { active () { return puppet.active } },
    async stop () { this.stops++; this.active = false },
    async start () {
      this.starts++
      if (this.failWith) throw new Error(this.failWith)
      this.active = true
    }
  })
  const bot = Object.assign(new EventEmitter(), {
    puppet,
    isLoggedIn: false,
    async start () {
      // Like Wechaty: a failed puppet start is only an `error` event.
      await puppet.start().catch((err: Error) => { bot.emit('error', err) })
    },
    async stop () {}
  })
  return bot
}

const user = { id: 'wxid_bot', name: () => '小区助手' }
const gateway = { endpoint: 'gateway-without-port', tls: false, token: 'insecure_t' }

function setUp (link?: GatewayLink) {
  const bot = fakeBot()
  const outbox = { paused: true, pause () { this.paused = true }, resume () { this.paused = false } }
  const lines: string[] = []
  let started = 0
  const connection = watchConnection(bot as any, outbox, createLogger('info', l => lines.push(l)), {
    reconnect: true, link, gateway, onLogin: async () => { started++ }
  })
  const login = () => { bot.isLoggedIn = true; bot.emit('login', user) }
  return { bot, outbox, lines, connection, login, started: () => started }
}

afterEach(() => { vi.useRealTimers() })

describe('watchConnection', () => {
  it('retries a failed start with growing backoff, saying why in Chinese; login resumes the outbox and starts the features once', async () => {
    vi.useFakeTimers()
    const { bot, outbox, lines, connection, login, started } = setUp()
    bot.puppet.failWith = '16 UNAUTHENTICATED: Invalid Wechaty TOKEN "insecure_t"'
    await connection.start()
    expect(lines.at(-1)).toMatch(/WARN 连接微信网关失败：网关拒绝了令牌（16 UNAUTHENTICATED）.*；1 秒后重连（第 1 次）$/)
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.puppet.starts).toBe(2)
    expect(lines.at(-1)).toMatch(/2 秒后重连（第 2 次）$/)
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.puppet.starts).toBe(2) // the second retry waits 2 s
    bot.puppet.failWith = undefined
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.puppet.starts).toBe(3)
    login()
    expect(outbox.paused).toBe(false)
    bot.emit('logout', user, '掉线')
    expect(outbox.paused).toBe(true)
    await vi.advanceTimersByTimeAsync(100)
    expect(bot.puppet.starts).toBe(4) // a logout reconnects at once
    login()
    expect(started()).toBe(1)
    expect(lines.some(l => l.includes('WARN 已重新连上微信网关'))).toBe(true)
  })

  it('retries when neither a login nor a QR code comes in time; a QR code means the gateway waits for a person', async () => {
    vi.useFakeTimers()
    const { bot, lines, connection } = setUp()
    await connection.start()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(lines.at(-1)).toMatch(/30 秒内没有登录，也没有登录二维码；1 秒后重连/)
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.puppet.starts).toBe(2)
    bot.emit('scan', 'https://login.weixin.qq.com/l/x', 2)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(bot.puppet.starts).toBe(2)
  })

  it('reconnects at once when the event stream ends or a ping fails, and feeds the watchdog while pings succeed', async () => {
    vi.useFakeTimers()
    let lose: (why: string) => void = () => {}
    let answering = true
    const link = {
      ping: vi.fn(async () => { if (!answering) throw new Error('4 DEADLINE_EXCEEDED: Deadline exceeded') }),
      onStreamLost: (f: (why: string) => void) => { lose = f; return () => { lose = () => {} } },
      feedWatchdog: vi.fn()
    }
    const { bot, outbox, lines, connection, login } = setUp(link)
    await connection.start()
    login()
    await vi.advanceTimersByTimeAsync(20_000)
    expect(link.feedWatchdog).toHaveBeenCalledTimes(1)
    lose('14 UNAVAILABLE: Connection dropped')
    expect(outbox.paused).toBe(true)
    expect(lines.at(-1)).toMatch(/WARN 与微信网关的连接断开（14 UNAVAILABLE: Connection dropped）；立即重连（第 1 次）/)
    await vi.advanceTimersByTimeAsync(10)
    expect(bot.puppet.starts).toBe(2)
    login()
    answering = false
    await vi.advanceTimersByTimeAsync(20_000)
    expect(lines.at(-1)).toMatch(/网关无响应（4 DEADLINE_EXCEEDED/)
  })

  it('check(): a failed send resumes the outbox shortly if the gateway answers, else reconnects', async () => {
    vi.useFakeTimers()
    let answering = true
    const link = { ping: async () => { if (!answering) throw new Error('14 UNAVAILABLE') }, onStreamLost: () => () => {}, feedWatchdog: () => {} }
    const { bot, outbox, connection, login } = setUp(link)
    await connection.start()
    login()
    outbox.pause()
    connection.check()
    await vi.advanceTimersByTimeAsync(2000)
    expect(outbox.paused).toBe(false)
    answering = false
    outbox.pause()
    connection.check()
    await vi.advanceTimersByTimeAsync(10)
    expect(bot.puppet.starts).toBe(2)
  })

  it('logs puppet errors at debug without throwing', () => {
    const bot = fakeBot()
    const lines: string[] = []
    watchConnection(bot as any, { pause () {}, resume () {} }, createLogger('debug', l => lines.push(l)), { reconnect: false, onLogin: async () => {} })
    expect(() => bot.emit('error', new Error('grpc unavailable'))).not.toThrow()
    expect(lines.some(l => l.includes('DEBUG puppet error: grpc unavailable'))).toBe(true)
  })
})
